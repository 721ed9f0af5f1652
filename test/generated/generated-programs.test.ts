/**
 * Property: for any generated module, the instrumented build returns and
 * throws exactly what the plain build does, for any arguments.
 */
import fc from "fast-check";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { runtime } from "../helpers/load-fixture";
import { ROOT } from "../helpers/run";
import { transpileWithTracing } from "../helpers/transpile";
import { programArbitrary, type GeneratedProgram } from "./program-arbitrary";

const WORK = path.join(ROOT, ".tmp", "generated");
const CONFIG = path.join(WORK, "tracing.config.json");
const requireHere = createRequire(__filename);
let built = 0;

type Outcome = { value: unknown } | { threw: string };

function load(
  program: GeneratedProgram,
  traced: boolean,
): Record<string, (a: number, b: number) => unknown> {
  const file = path.join(WORK, `program-${built++}-${traced ? "traced" : "plain"}.ts`);
  fs.writeFileSync(file, program.source);
  const { outputText } = transpileWithTracing(file, traced ? CONFIG : undefined, {
    module: ts.ModuleKind.CommonJS,
  });
  fs.writeFileSync(file.replace(/\.ts$/, ".js"), outputText);
  return requireHere(file.replace(/\.ts$/, ".js"));
}

async function outcome(call: () => unknown): Promise<Outcome> {
  try {
    return { value: await call() };
  } catch (error) {
    return { threw: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe("generated programs", () => {
  fs.mkdirSync(WORK, { recursive: true });
  fs.writeFileSync(
    CONFIG,
    JSON.stringify({
      rules: [{ files: "*.ts", functions: ["*"], includeArgs: true, includeResult: true }],
    }),
  );

  it("behave the same instrumented, for any arguments", async () => {
    runtime.initializeTracing({ exporter: "in_memory" });
    let spansSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        programArbitrary,
        fc.integer({ min: -3, max: 6 }),
        fc.integer({ min: -3, max: 3 }),
        async (program, a, b) => {
          const plain = load(program, false);
          const traced = load(program, true);
          runtime.resetFinishedSpans();
          for (const name of program.entryPoints) {
            expect(
              await outcome(() => traced[name](a, b)),
              `${name}(${a}, ${b}) in\n${program.source}`,
            ).toEqual(await outcome(() => plain[name](a, b)));
          }
          spansSeen += runtime.getFinishedSpans().length;
        },
      ),
      { numRuns: 150, seed: 20261129 },
    );
    expect(spansSeen).toBeGreaterThan(150);
  });
});
