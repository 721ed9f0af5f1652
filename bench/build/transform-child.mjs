// Transform time in-process, without type checking or emit: the generated
// modules are parsed once, then ts.transform() runs the transformer over
// them. Growth with the number of functions (1x, 4x, 16x) and with the
// number of rules (1, 10, 100) at the same code base.
//
//   node bench/build/transform-child.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { reportResult } from "../lib/child.mjs";
import { WORK } from "../lib/paths.mjs";
import { median, medianRatio, round, rotate } from "../lib/stats.mjs";
import { FUNCTIONS_PER_FILE, moduleSource } from "./generate.mjs";

const require = createRequire(import.meta.url);
const { createTransformer } = require("ts-autotrace/transformer");
const DIR = join(WORK, "transform");

const BASE_FILES = Number(process.env.BENCH_TRANSFORM_BASE_FILES ?? 25);
const SCALES = [1, 4, 16];
const RULE_COUNTS = [1, 10, 100];
const RULES_AT_SCALE = 4;
const ROUNDS = 11;
const WARMUP_ROUNDS = 2;

/**
 * `count` rules, the last one taking every function. The others take none:
 * half name files that do not exist, half take every file but name functions
 * that do not exist, so both the file globs and the name patterns are tried.
 */
function rules(count) {
  const decoys = Array.from({ length: count - 1 }, (_, i) =>
    i % 2 === 0
      ? { files: `src/feature${i}/**/*.ts`, functions: ["*"] }
      : { files: "src/**/*.ts", functions: [`handler${i}*`, `Service${i}.*`] },
  );
  return [...decoys, { files: "src/**/*.ts", functions: ["*"] }];
}

function parse(files) {
  return Array.from({ length: files }, (_, k) =>
    ts.createSourceFile(
      join(DIR, "src", `m${k}.ts`),
      moduleSource(k),
      ts.ScriptTarget.ES2022,
      true,
    ),
  );
}

function transformer(ruleCount) {
  const config = join(DIR, `tracing.${ruleCount}.json`);
  writeFileSync(config, JSON.stringify({ serviceName: "bench", rules: rules(ruleCount) }));
  // `ts` passed in, as ts-patch does: the transformer's own `import * as`
  // of typescript goes through __importStar getters (see docs/performance.md).
  return createTransformer(undefined, { config, ts, onWarning: () => {} });
}

/** ms to transform `sourceFiles` (creating the transformer included: once per build). */
function timeTransform(sourceFiles, ruleCount) {
  const started = process.hrtime.bigint();
  const result = ts.transform(sourceFiles, [transformer(ruleCount)], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const changed = result.transformed.filter((f, i) => f !== sourceFiles[i]).length;
  result.dispose();
  if (changed !== sourceFiles.length) throw new Error(`only ${changed} files were instrumented`);
  return ms;
}

function measure(cases) {
  const times = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (let r = -WARMUP_ROUNDS; r < ROUNDS; r++) {
    for (const c of rotate(cases, r + WARMUP_ROUNDS)) {
      const ms = timeTransform(c.files, c.rules);
      if (r >= 0) times[c.name].push(ms);
    }
  }
  return times;
}

mkdirSync(DIR, { recursive: true });
const byScale = SCALES.map((s) => ({ scale: s, files: parse(BASE_FILES * s) }));
const scaleTimes = measure(byScale.map((c) => ({ name: c.scale, files: c.files, rules: 1 })));
const ruleFiles = byScale.find((c) => c.scale === RULES_AT_SCALE).files;
const ruleTimes = measure(RULE_COUNTS.map((n) => ({ name: n, files: ruleFiles, rules: n })));

const perFunctionUs = (ms, files) => round((ms * 1000) / (files * FUNCTIONS_PER_FILE), 2);
reportResult({
  baseFunctions: BASE_FILES * FUNCTIONS_PER_FILE,
  scaling: SCALES.map((s) => ({
    scale: s,
    functions: BASE_FILES * s * FUNCTIONS_PER_FILE,
    ms: round(median(scaleTimes[s]), 1),
    usPerFunction: perFunctionUs(median(scaleTimes[s]), BASE_FILES * s),
    growthOverLinear: round(median(scaleTimes[s]) / (median(scaleTimes[1]) * s), 3),
    rounds: scaleTimes[s],
  })),
  rules: RULE_COUNTS.map((n) => ({
    rules: n,
    functions: BASE_FILES * RULES_AT_SCALE * FUNCTIONS_PER_FILE,
    ms: round(median(ruleTimes[n]), 1),
    // The median of per-round ratios: the rule counts of a round run side by side.
    overOneRule: round(medianRatio(ruleTimes[n], ruleTimes[1]), 3),
    rounds: ruleTimes[n],
  })),
});
