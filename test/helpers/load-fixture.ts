/**
 * Compiles a fixture to CommonJS twice, with and without the transformer, and
 * loads both, so a test can run the instrumented code next to the original.
 * The emitted `require("ts-autotrace")` resolves to this package's build.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";
import { fixtureSettings } from "./fixture-files";
import { transpileWithTracing } from "./transpile";

const ROOT = path.resolve(__dirname, "../..");
const requireHere = createRequire(__filename);

/** The built runtime, the same instance the compiled fixtures load. */
export const runtime: typeof import("../../runtime/index") = requireHere("ts-autotrace");

export interface LoadedFixture<T> {
  traced: T;
  plain: T;
}

export function loadFixture<T = Record<string, unknown>>(
  fixture: string,
  input = "input.ts",
): LoadedFixture<T> {
  const dir = path.join(ROOT, "fixtures", fixture);
  const file = path.join(dir, input);
  const configPath = path.join(dir, "tracing.config.json");
  // The fixture's own compiler options (fixture.json), as the snapshot and differential tests use.
  const options = { ...fixtureSettings(fixture).compilerOptions, module: ts.ModuleKind.CommonJS };
  return {
    traced: compileAndLoad(file, configPath, "traced", options),
    plain: compileAndLoad(file, undefined, "plain", options),
  };
}

function compileAndLoad<T>(
  file: string,
  configPath: string | undefined,
  variant: string,
  options: ts.CompilerOptions,
): T {
  const { outputText } = transpileWithTracing(file, configPath, options);
  const fixture = path.basename(path.dirname(file));
  const outFile = path.join(
    ROOT,
    ".tmp",
    "behaviour",
    fixture,
    variant,
    path.basename(file).replace(/\.ts$/, ".js"),
  );
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, outputText);
  delete requireHere.cache[outFile];
  return requireHere(outFile) as T;
}
