/**
 * The rewrite engine behind the bundler and loader entry points
 * (transformSource / createEngine): its output is the ts-patch transformer's
 * output for every fixture, plus one end marker; it never instruments a file
 * twice; and with an input map it names the original file and lines.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  createEngine,
  INSTRUMENTED_MARKER,
  isInstrumented,
  transformSource,
} from "../transformer/index";
import { FIXTURES, fixtureNames, fixtureSettings, fixtureSources } from "./helpers/fixture-files";

const plainFixtures = fixtureNames().filter((f) => !fixtureSettings(f).compilerOptions);

describe.each(plainFixtures)("the engine on fixture %s", (fixture) => {
  const dir = path.join(FIXTURES, fixture);
  const engine = createEngine({ config: path.join(dir, "tracing.config.json"), cwd: dir, ts });

  it.each(fixtureSources(fixture))("gives %s exactly the transformer's output", (input) => {
    const file = path.join(dir, input);
    const expected = fs.readFileSync(file.replace(/\.ts$/, ".expected.js"), "utf8");
    const out = engine.transform({ code: fs.readFileSync(file, "utf8"), fileName: file });
    const traced = expected.includes("__autotrace");
    expect(out === undefined).toBe(!traced);
    if (out) expect(out.code).toBe(`${expected}${INSTRUMENTED_MARKER}\n`);
  });
});

describe("transformSource", () => {
  const dir = path.join(FIXTURES, "exports");
  const file = path.join(dir, "input.ts");
  const options = { config: path.join(dir, "tracing.config.json"), cwd: dir };

  it("leaves its own output alone: no file is instrumented twice", () => {
    const once = transformSource(fs.readFileSync(file, "utf8"), file, options)!;
    expect(isInstrumented(once.code)).toBe(true);
    expect(transformSource(once.code, file, options)).toBeUndefined();
  });

  it("maps back to the source: each traced line of the output names its .ts line", () => {
    const source = fs.readFileSync(file, "utf8");
    const out = transformSource(source, file, options)!;
    expect(out.map.sources).toEqual([file]);
    expect(out.map.sourcesContent).toEqual([source]);
  });

  it("through an input map, matches rules and lines of the original .ts file", () => {
    const source = fs.readFileSync(file, "utf8");
    const compiled = ts.transpileModule(`\n\n${source}`, {
      fileName: file,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        sourceMap: true,
      },
    });
    const js = path.join(dir, "dist", "input.js");
    const map = { ...JSON.parse(compiled.sourceMapText!), sources: ["../input.ts"] };
    const direct = transformSource(source, file, options)!;
    const viaMap = transformSource(compiled.outputText, js, { ...options, inputMap: map })!;
    const sites = (code: string) =>
      [...code.matchAll(/__autotrace_f\("([^"]+)", (\d+)/g)].map((m) => m.slice(1));
    // The compiled-from source has two extra lines on top: the sites name its lines, not the JS ones.
    expect(sites(viaMap.code)).toEqual(
      sites(direct.code).map(([n, l]) => [n, String(Number(l) + 2)]),
    );
    expect(viaMap.code).toMatch(/__autotrace\.file\("input\.ts"\)/);
  });
});
