// Where the benchmark reads and writes. Everything generated goes under
// .tmp/bench/ (git-ignored, lint-ignored), inside the repository so that
// `ts-autotrace` and the OpenTelemetry packages resolve from generated code.
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BENCH = join(ROOT, "bench");
export const WORK = join(ROOT, ".tmp", "bench");
export const RESULTS_FILE = join(BENCH, "results.json");
