/**
 * Each fixture compiled as a full program, with and without the transformer:
 * the same diagnostics and byte-identical .d.ts output. The transformer runs
 * after type checking and only on JavaScript emit, so this guards against a
 * change that would ever let it leak into either.
 */
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { createTransformer } from "../transformer/index";
import { FIXTURES, fixtureNames, fixtureSettings, fixtureSources } from "./helpers/fixture-files";

interface Build {
  diagnostics: string[];
  files: Map<string, string>;
}

function build(fixture: string, traced: boolean): Build {
  const dir = path.join(FIXTURES, fixture);
  const options: ts.CompilerOptions = {
    strict: true,
    declaration: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.esnext.d.ts"],
    types: [],
    outDir: path.join(dir, "out"),
    ...fixtureSettings(fixture).compilerOptions,
  };
  const program = ts.createProgram(
    fixtureSources(fixture).map((f) => path.join(dir, f)),
    options,
  );
  const files = new Map<string, string>();
  const transformers = traced
    ? {
        before: [
          createTransformer(program, {
            config: path.join(dir, "tracing.config.json"),
            onWarning: () => {},
          }),
        ],
      }
    : undefined;
  const emit = program.emit(
    undefined,
    (name, text) => files.set(path.basename(name), text),
    undefined,
    false,
    transformers,
  );
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emit.diagnostics].map((d) =>
    ts.flattenDiagnosticMessageText(d.messageText, "\n"),
  );
  return { diagnostics, files };
}

describe.each(fixtureNames())("fixture %s as a full program", (fixture) => {
  it("has the same diagnostics and .d.ts output with the transformer", () => {
    const plain = build(fixture, false);
    const traced = build(fixture, true);
    expect(plain.diagnostics).toEqual([]); // fixtures are valid TypeScript
    expect(traced.diagnostics).toEqual(plain.diagnostics);
    const declarations = [...plain.files.keys()].filter((name) => name.endsWith(".d.ts"));
    expect(declarations.length).toBeGreaterThan(0);
    for (const name of declarations)
      expect(traced.files.get(name), name).toBe(plain.files.get(name));
    const instrumented = [...traced.files].some(
      ([name, text]) => name.endsWith(".js") && text.includes("__autotrace"),
    );
    expect(instrumented).toBe(fixture !== "no-match");
  });
});
