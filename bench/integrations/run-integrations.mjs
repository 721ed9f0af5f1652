// Section: the bundler and loader entry points. (1) Transform cost in ms per
// 1,000 source lines: the engine (what ts-autotrace/vite, /rollup, /esbuild,
// /webpack, /rspack and /register run per file) next to the same file through
// a plain ts.transpileModule and esbuild's type stripping, and the loader's
// case of compiled JavaScript with a source map. (2) The start-up cost that
// `--import ts-autotrace/register` adds to a program, against the same
// program run plainly, each run in a fresh process.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { cleanEnv } from "../lib/child.mjs";
import { ROOT, WORK } from "../lib/paths.mjs";
import { median, medianRatio, round, rotate } from "../lib/stats.mjs";

const require = createRequire(import.meta.url);
const ts = require("typescript");
const esbuild = require("esbuild");
const { createEngine } = require(join(ROOT, "dist", "transformer", "index.js"));

const FUNCTIONS = Number(process.env.BENCH_INTEGRATION_FUNCTIONS ?? 400);
const ROUNDS = Number(process.env.BENCH_INTEGRATION_ROUNDS ?? 7);
const DIR = join(WORK, "integrations");

function source(functions) {
  const parts = [];
  for (let i = 0; i < functions; i++) {
    parts.push(
      `export function work${i}(a: number, b: string): string {`,
      `  const doubled: number = a * 2;`,
      `  return b + doubled;`,
      `}`,
      ``,
    );
  }
  return parts.join("\n");
}

function project() {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, "src"), { recursive: true });
  writeFileSync(join(DIR, "package.json"), JSON.stringify({ private: true, type: "module" }));
  writeFileSync(
    join(DIR, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "ES2022" } }),
  );
  writeFileSync(
    join(DIR, "tracing.config.json"),
    JSON.stringify({ rules: [{ files: "src/**/*.ts", functions: ["*"] }] }),
  );
}

function timed(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function transformCost(log) {
  const code = source(FUNCTIONS);
  const lines = code.split("\n").length;
  const fileName = join(DIR, "src", "gen.ts");
  writeFileSync(fileName, code);
  const engine = createEngine({ cwd: DIR, onWarning: () => undefined });
  const compiled = ts.transpileModule(code, {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
    },
  });
  const jsInput = { code: compiled.outputText, inputMap: compiled.sourceMapText };
  const variants = {
    engine: () => engine.transform({ code, fileName, preserveJsx: true }),
    loaderJs: () => engine.transform({ ...jsInput, fileName: fileName.replace(/ts$/, "js") }),
    transpileModule: () =>
      ts.transpileModule(code, {
        fileName,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          sourceMap: true,
        },
      }),
    esbuild: () => esbuild.transformSync(code, { loader: "ts", sourcemap: true }),
  };
  for (const run of Object.values(variants)) run(); // warm-up: TypeScript's first parse is slower
  const ms = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  log(`  integrations: transform of ${lines} lines x ${ROUNDS} rounds`);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, run] of rotate(Object.entries(variants), r)) ms[name].push(timed(run));
  }
  const per1000 = (name) => round((median(ms[name]) * 1000) / lines, 2);
  return {
    lines,
    functions: FUNCTIONS,
    rounds: ROUNDS,
    msPer1000Lines: Object.fromEntries(Object.keys(variants).map((k) => [k, per1000(k)])),
    engineOverTranspileModule: round(medianRatio(ms.engine, ms.transpileModule), 3),
  };
}

function startupCost(log) {
  const program = `import { work1 } from "./gen.js";\nwork1(1, "x");\n`;
  writeFileSync(join(DIR, "src", "main.ts"), program);
  for (const file of ["gen", "main"]) {
    const input = file === "gen" ? source(FUNCTIONS) : program;
    const out = ts.transpileModule(input, {
      fileName: `${file}.ts`,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        sourceMap: true,
      },
    });
    writeFileSync(join(DIR, "src", `${file}.js`), out.outputText);
    writeFileSync(join(DIR, "src", `${file}.js.map`), out.sourceMapText);
  }
  const variants = {
    plain: [join(DIR, "src", "main.js")],
    register: ["--import", "ts-autotrace/register", join(DIR, "src", "main.js")],
  };
  const ms = { plain: [], register: [] };
  log(`  integrations: start-up, plain vs --import ts-autotrace/register x ${ROUNDS} rounds`);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, args] of rotate(Object.entries(variants), r)) {
      const env = cleanEnv({ TRACING_EXPORTER: "in_memory" });
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { cwd: DIR, env, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`${name} run failed: ${result.stderr}`);
      ms[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return {
    rounds: ROUNDS,
    plainMs: round(median(ms.plain), 1),
    registerMs: round(median(ms.register), 1),
    addedMs: round(median(ms.register.map((x, i) => x - ms.plain[i])), 1),
    registerOverPlain: round(medianRatio(ms.register, ms.plain), 3),
  };
}

export function runIntegrations(log) {
  project();
  return { transform: transformCost(log), startup: startupCost(log) };
}
