/**
 * Snapshot tests: each folder under fixtures/ holds inputs (*.ts), its
 * tracing.config.json and the expected output of every input
 * (<input>.expected.js), plus expected build warnings when there are any.
 * `scenario.ts` drives the fixture in the differential tests.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames, fixtureSettings, fixtureSources } from "./helpers/fixture-files";
import { transpileWithTracing } from "./helpers/transpile";

describe.each(fixtureNames())("fixture %s", (fixture) => {
  const dir = path.join(FIXTURES, fixture);
  const configPath = path.join(dir, "tracing.config.json");
  const { compilerOptions } = fixtureSettings(fixture);

  it.each(fixtureSources(fixture))("%s is transformed as expected", async (input) => {
    const { outputText, warnings } = transpileWithTracing(
      path.join(dir, input),
      configPath,
      compilerOptions,
    );
    await expect(outputText).toMatchFileSnapshot(
      path.join(dir, input.replace(/\.ts$/, ".expected.js")),
    );
    const warningsFile = path.join(dir, input.replace(/\.ts$/, ".warnings.txt"));
    if (warnings.length > 0 || fs.existsSync(warningsFile)) {
      const relative = warnings.map((w) => w.replace(dir, "<fixture>"));
      await expect(relative.join("\n") + "\n").toMatchFileSnapshot(warningsFile);
    }
  });
});

describe("files no rule takes", () => {
  it("come out exactly as a build without the transformer", () => {
    const file = path.join(FIXTURES, "no-match", "input.ts");
    const traced = transpileWithTracing(
      file,
      path.join(FIXTURES, "no-match", "tracing.config.json"),
    );
    const plain = transpileWithTracing(file, undefined);
    expect(traced.outputText).toBe(plain.outputText);
  });

  it("and a file that opts out with @autotrace-ignore-file too", () => {
    const dir = path.join(FIXTURES, "ignore-comments");
    const file = path.join(dir, "ignored-file.ts");
    const traced = transpileWithTracing(file, path.join(dir, "tracing.config.json"));
    expect(traced.outputText).toBe(transpileWithTracing(file, undefined).outputText);
  });
});
