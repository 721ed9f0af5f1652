/**
 * Snapshot tests. Each folder under fixtures/ is one behaviour and holds all of
 * it, so a new fixture is a new folder with no edit elsewhere:
 * - inputs (every *.ts but scenario.ts and spans.ts), transformed here and
 *   compared with <input>.expected.js, and <input>.warnings.txt when the build warns;
 * - tracing.config.json, and optionally fixture.json (compiler options, targets);
 * - scenario.ts, which drives it in the differential tests (differential.test.ts);
 * - optionally spans.ts, its span assertions (fixture-spans.test.ts).
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
