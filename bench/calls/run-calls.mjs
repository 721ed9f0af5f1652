// Section 1: call overhead. One child process per runtime mode.
import { join } from "node:path";
import { runChild } from "../lib/child.mjs";
import { BENCH } from "../lib/paths.mjs";
import { median, medianDelta, medianRatio, round } from "../lib/stats.mjs";
import { buildSubjects } from "./build-subjects.mjs";

export const CHILD = join(BENCH, "calls", "mode-child.mjs");

/**
 * Mode name, the environment its child gets, and what it stands for. Each
 * mode runs in PROCESSES[mode] fresh processes whose rounds are pooled: how
 * well the JIT optimises a nanosecond-scale path varies a little from one
 * process to the next, and the cheap modes are where that shows.
 */
export const MODES = [
  ["disabled", { TRACING_ENABLED: "false" }, "TRACING_ENABLED=false"],
  ["always_off", { OTEL_TRACES_SAMPLER: "always_off" }, "OTEL_TRACES_SAMPLER=always_off"],
  ["ratio", {}, "traceidratio 0.1, batch processor"],
  ["recording", {}, "recording, batch processor, discarding exporter"],
  ["recording_args", {}, "recording + includeArgs + includeResult"],
  ["recording_component", {}, "recording, database preset + three $args paths"],
  [
    "recording_own",
    {},
    "recording, runtime's own pipeline for an exporter object (batch processor)",
  ],
];

const PROCESSES = { disabled: 3, always_off: 3 };
const DEFAULT_PROCESSES = 2;

/** BENCH_MODES=recording_component,ratio runs only those modes (for development). */
const onlyModes = process.env.BENCH_MODES?.split(",");

export async function runCalls(log) {
  const emitted = buildSubjects();
  const modes = [];
  for (const [mode, env, label] of MODES) {
    if (onlyModes !== undefined && !onlyModes.includes(mode)) continue;
    const results = [];
    const count = PROCESSES[mode] ?? DEFAULT_PROCESSES;
    for (let p = 0; p < count; p++) {
      log(`  calls: ${mode} (process ${p + 1}/${count})`);
      results.push((await runChild(CHILD, { args: [mode], env })).result);
    }
    modes.push(summarise(mode, label, env, pool(results)));
  }
  return { emittedSample: emitted["autotrace.js"].split("\n").slice(-16).join("\n"), modes };
}

/** The rounds of several processes as one series; per-process checks kept. */
function pool(results) {
  const merge = (fn) =>
    Object.fromEntries(
      Object.keys(results[0][fn]).map((v) => [v, results.flatMap((r) => r[fn][v])]),
    );
  return {
    sync: merge("sync"),
    async: merge("async"),
    checks: results.map((r) => r.checks),
  };
}

function summarise(mode, label, env, result) {
  const fn = (perRound) => {
    const { plain, handwritten, autotrace } = perRound;
    return {
      rounds: plain.length,
      nsPerCall: {
        plain: round(median(plain), 1),
        handwritten: round(median(handwritten), 1),
        autotrace: round(median(autotrace), 1),
      },
      autotraceOverHandwritten: round(medianRatio(autotrace, handwritten), 3),
      autotraceMinusPlainNs: round(medianDelta(autotrace, plain), 1),
      handwrittenMinusPlainNs: round(medianDelta(handwritten, plain), 1),
      perRound,
    };
  };
  return {
    mode,
    label,
    env,
    sync: fn(result.sync),
    async: fn(result.async),
    checks: result.checks,
  };
}
