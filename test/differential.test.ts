/**
 * Differential tests: every fixture is built twice, with and without the
 * transformer, for each output format the matrix names, and its scenario.ts
 * is run against both builds. Results, thrown errors, console output and the
 * order of side effects (all of which the scenarios print) must be equal.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames, fixtureSettings, fixtureSources } from "./helpers/fixture-files";
import { ROOT, runAsync, tracingEnv } from "./helpers/run";
import { transpileWithTracing } from "./helpers/transpile";

const MODULES = {
  commonjs: ts.ModuleKind.CommonJS,
  esnext: ts.ModuleKind.ESNext,
  nodenext: ts.ModuleKind.NodeNext,
};
const TARGETS = {
  ES2017: ts.ScriptTarget.ES2017,
  ES2020: ts.ScriptTarget.ES2020,
  ES2022: ts.ScriptTarget.ES2022,
  ESNext: ts.ScriptTarget.ESNext,
};
type Variant = "plain" | "traced";

const matrix = Object.keys(MODULES).flatMap((module) =>
  Object.keys(TARGETS).flatMap((target) =>
    [true, false].map((defineFields) => ({ module, target, defineFields })),
  ),
);

/** Scenario runner: each fixture's main() in turn, a failure printed rather than fatal. */
const RUNNER = `
const fixtures = JSON.parse(process.argv[2]);
for (const fixture of fixtures) {
  console.log("## " + fixture);
  try {
    const scenario = await import("./" + fixture + "/scenario.js");
    await (scenario.main ?? scenario.default.main)();
  } catch (error) {
    console.log("main threw: " + (error && error.stack));
  }
}
const runtime = await import("ts-autotrace");
process.stderr.write("spans recorded: " + runtime.getFinishedSpans().length + "\\n");
`;

function build(
  outDir: string,
  variant: Variant,
  fixtures: string[],
  options: ts.CompilerOptions,
  esm: boolean,
) {
  fs.rmSync(outDir, { recursive: true, force: true });
  for (const fixture of fixtures) {
    const dir = path.join(FIXTURES, fixture);
    const config = variant === "traced" ? path.join(dir, "tracing.config.json") : undefined;
    const compilerOptions = { ...options, ...fixtureSettings(fixture).compilerOptions };
    for (const source of fixtureSources(fixture, { withScenario: true })) {
      const { outputText } = transpileWithTracing(path.join(dir, source), config, compilerOptions);
      const outFile = path.join(outDir, fixture, source.replace(/\.ts$/, ".js"));
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(outFile, outputText);
    }
  }
  fs.writeFileSync(
    path.join(outDir, "package.json"),
    JSON.stringify({ type: esm ? "module" : "commonjs" }),
  );
  fs.writeFileSync(path.join(outDir, "run-scenarios.mjs"), RUNNER);
}

// Concurrent for real: each case builds (in this worker) and then waits on its
// two scenario processes, which run side by side and while the next case builds.
describe.concurrent("instrumented builds behave like plain builds", () => {
  it.each(matrix)(
    "module $module, target $target, useDefineForClassFields $defineFields",
    async ({ module, target, defineFields }) => {
      const options: ts.CompilerOptions = {
        module: MODULES[module as keyof typeof MODULES],
        target: TARGETS[target as keyof typeof TARGETS],
        useDefineForClassFields: defineFields,
        esModuleInterop: true,
      };
      // transpileModule compiles a .ts file to CommonJS under nodenext (no package.json to say otherwise).
      const esm = module === "esnext";
      const fixtures = fixtureNames().filter(
        (f) => !fixtureSettings(f).unsupportedTargets?.includes(target),
      );
      const runs = (["plain", "traced"] as const).map((variant) => {
        const outDir = path.join(
          ROOT,
          ".tmp",
          "differential",
          `${module}-${target}-${defineFields}`,
          variant,
        );
        build(outDir, variant, fixtures, options, esm);
        const env = tracingEnv({ TRACING_EXPORTER: variant === "traced" ? "in_memory" : "none" });
        return runAsync(
          process.execPath,
          [path.join(outDir, "run-scenarios.mjs"), JSON.stringify(fixtures)],
          { env },
        );
      });
      const [plain, traced] = await Promise.all(runs);
      expect(plain.status).toBe(0);
      expect(plain.stdout).not.toContain("main threw");
      expect(plain.stdout.match(/^## /gm)).toHaveLength(fixtures.length);
      expect(traced.stdout).toBe(plain.stdout);
      expect(traced.status).toBe(plain.status);
      expect(Number(/spans recorded: (\d+)/.exec(traced.stderr)?.[1])).toBeGreaterThan(50);
    },
  );
});
