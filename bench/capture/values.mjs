// The values the capture row records, and where its subject is compiled.
import { join } from "node:path";
import { WORK } from "../lib/paths.mjs";

export const CAPTURE_DIR = join(WORK, "capture");

/** [name, make]: the baseline first. */
export const VALUES = [
  ["array10", () => Array.from({ length: 10 }, (_, i) => i)],
  ["array1e6", () => Array.from({ length: 1e6 }, (_, i) => i)],
  ["string1MB", () => "x".repeat(2 ** 20)],
  ["keys2e5", () => Object.fromEntries(Array.from({ length: 2e5 }, (_, i) => [`key${i}`, i]))],
  ["float64Array1e6", () => new Float64Array(1e6).map((_, i) => i / 3)],
];
