// The cost of recording one argument, in a fresh process: the same traced
// function (includeArgs) called with a 10-element array and with values a
// million times larger, timed side by side in interleaved rounds.
//
//   node bench/capture/capture-child.mjs [--scale=<n>]
import { createRequire } from "node:module";
import { join } from "node:path";
import { AlwaysOnSampler, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { DiscardExporter } from "../calls/discard-exporter.mjs";
import { compare } from "../calls/harness.mjs";
import { reportResult } from "../lib/child.mjs";
import { ROOT } from "../lib/paths.mjs";
import { CAPTURE_DIR, VALUES } from "./values.mjs";

const require = createRequire(import.meta.url);
const scale = Number(process.argv.find((a) => a.startsWith("--scale="))?.slice(8) ?? 1);

const exporter = new DiscardExporter();
const provider = new NodeTracerProvider({
  sampler: new AlwaysOnSampler(),
  spanProcessors: [new BatchSpanProcessor(exporter)],
});
provider.register();
const runtime = require("ts-autotrace");
const { record } = require(join(CAPTURE_DIR, "subject.js"));

const values = Object.fromEntries(VALUES.map(([name, make]) => [name, make()]));

// V8 cannot list the first keys of an object without collecting all of them:
// the first record of a fresh large object pays that once (reported, not hidden).
const fresh = VALUES.find(([name]) => name === "keys2e5")[1]();
const firstStarted = process.hrtime.bigint();
record(fresh);
const firstRecordMs = Number(process.hrtime.bigint() - firstStarted) / 1e6;

const variants = VALUES.map(([name]) => {
  const value = values[name];
  return { name, fn: (i, s) => record(value) ^ i ^ s };
});
const options = { isAsync: false, warmupRounds: 3, batch: 100, batchesPerRound: 10 };
const { perRound, sink } = await compare(variants, {
  ...options,
  rounds: Math.max(3, Math.round(11 * scale)),
});
await provider.forceFlush();
await runtime.shutdownTracing();
// What the attribute holds for each value (the same function the runtime calls).
const { toAttributeValue } = require(join(ROOT, "dist", "runtime", "serialize.js"));

reportResult({
  perRound,
  firstRecordOf2e5KeysMs: firstRecordMs,
  attributeLengths: Object.fromEntries(
    VALUES.map(([name]) => [name, String(toAttributeValue(values[name])).length]),
  ),
  spansExported: exporter.count,
  sink,
});
