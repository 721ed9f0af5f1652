// Section: does traced code read like untraced code? The fixtures/stack-traces
// functions, compiled plain and traced, measured side by side in fresh
// processes: recursion depth per mode, the stack of an error through 4 traced
// sync levels, and microtask ticks of traced async functions.
//
//   BENCH_ONLY=invisible node bench/run.mjs
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { runChild } from "../lib/child.mjs";
import { BENCH, ROOT, WORK } from "../lib/paths.mjs";
import { median } from "../lib/stats.mjs";

const require = createRequire(import.meta.url);
const DIR = join(WORK, "invisible");
const FIXTURE = join(ROOT, "fixtures", "stack-traces");
const CHILD = join(BENCH, "invisible", "invisible-child.mjs");
const PROCESSES = 3;

const MODES = [
  ["recording", { TRACING_EXPORTER: "in_memory" }],
  ["none", { TRACING_EXPORTER: "none" }],
  ["disabled", { TRACING_ENABLED: "false" }],
];

function build() {
  const { createTransformer } = require("ts-autotrace/transformer");
  mkdirSync(DIR, { recursive: true });
  const source = readFileSync(join(FIXTURE, "input.ts"), "utf8");
  const compile = (before) =>
    ts.transpileModule(source, {
      fileName: join(FIXTURE, "input.ts"),
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      transformers: { before },
    }).outputText;
  const transformer = createTransformer(undefined, {
    config: join(FIXTURE, "tracing.config.json"),
  });
  writeFileSync(join(DIR, "plain.js"), compile([]));
  writeFileSync(join(DIR, "traced.js"), compile([transformer]));
}

async function measure(variant, env) {
  const runs = [];
  for (let p = 0; p < PROCESSES; p++) {
    runs.push((await runChild(CHILD, { args: [join(DIR, `${variant}.js`)], env })).result);
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  return { depth: pick("depth"), parserDepth: pick("parserDepth"), sample: runs[0] };
}

export async function runInvisible(log) {
  build();
  log("  invisible: plain");
  const plain = await measure("plain", { TRACING_ENABLED: "false" });
  const modes = [];
  for (const [mode, env] of MODES) {
    log(`  invisible: traced, ${mode}`);
    const traced = await measure("traced", env);
    modes.push({
      mode,
      depth: traced.depth,
      depthOverPlain: Math.round((traced.depth / plain.depth) * 1000) / 1000,
      parserDepth: traced.parserDepth,
      parserDepthOverPlain: Math.round((traced.parserDepth / plain.parserDepth) * 1000) / 1000,
      sameSyncFrames: sameFrames(traced.sample.syncFrames, plain.sample.syncFrames),
      extraTicks: traced.sample.ticks.map((t, i) => t - plain.sample.ticks[i]),
    });
  }
  return {
    plain: { depth: plain.depth, parserDepth: plain.parserDepth, ticks: plain.sample.ticks },
    syncFrames: plain.sample.syncFrames,
    modes,
  };
}

function sameFrames(a, b) {
  return a.length === b.length && a.every((frame, i) => frame === b[i]);
}
