// A traced program exporting over OTLP/gRPC (TRACING_EXPORTER=otlp,
// TRACING_OTLP_ENDPOINT set by the parent), with the default batch settings:
//   burst      BURST calls in one synchronous loop (the queue holds 2,048)
//   sustained  calls as fast as the program can make them for SUSTAIN_MS,
//              yielding to the event loop every YIELD_EVERY calls
// Each phase ends with shutdownTracing() (a flush); tracingHealth() counts
// what was delivered and what was dropped.
import { createRequire } from "node:module";
import { join } from "node:path";
import { setImmediate as macrotask } from "node:timers/promises";
import { reportResult } from "../lib/child.mjs";
import { WORK } from "../lib/paths.mjs";

const require = createRequire(import.meta.url);
const runtime = require("ts-autotrace");
const { mix } = require(join(WORK, "calls", "autotrace.js"));

const BURST = 10_000;
const SUSTAIN_MS = Number(process.env.BENCH_SUSTAIN_MS ?? 3000);
const YIELD_EVERY = 100;

function counters() {
  const { spansStarted, spansExported, spansDropped } = runtime.tracingHealth();
  return { spansStarted, spansExported, spansDropped };
}

function delta(after, before) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
}

let sink = 0;
// Start tracing (and load the exporter) before anything is timed.
sink ^= mix(1, 2);
const health0 = runtime.tracingHealth();
await runtime.shutdownTracing();

let before = counters();
let started = process.hrtime.bigint();
for (let i = 0; i < BURST; i++) sink ^= mix(i, sink);
const burstCallMs = Number(process.hrtime.bigint() - started) / 1e6;
await runtime.shutdownTracing();
const burst = { calls: BURST, callMs: burstCallMs, ...delta(counters(), before) };

before = counters();
started = process.hrtime.bigint();
const deadline = started + BigInt(SUSTAIN_MS) * 1_000_000n;
let calls = 0;
while (process.hrtime.bigint() < deadline) {
  for (let i = 0; i < YIELD_EVERY; i++) sink ^= mix(i, sink);
  calls += YIELD_EVERY;
  await macrotask();
}
const callMs = Number(process.hrtime.bigint() - started) / 1e6;
await runtime.shutdownTracing();
const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
const sustained = { calls, callMs, totalMs, ...delta(counters(), before) };

reportResult({
  exporter: health0.exporter,
  destination: health0.destination,
  lastExportError: runtime.tracingHealth().lastExportError,
  burst,
  sustained,
  sink,
});
