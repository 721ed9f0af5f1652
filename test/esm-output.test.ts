/**
 * ES module output: a traced file compiled to ESM imports the runtime's ESM
 * entry, and that entry shares its tracer state with the CommonJS entry (the
 * dual-package case), checked in a real Node ESM process.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ROOT, run, tracingEnv } from "./helpers/run";
import { transpileWithTracing } from "./helpers/transpile";

describe("ES module output", () => {
  it("loads the runtime's ESM entry, sharing the CommonJS entry's tracer state", () => {
    const file = path.join(ROOT, "fixtures", "plain-functions", "input.ts");
    const config = path.join(path.dirname(file), "tracing.config.json");
    const { outputText } = transpileWithTracing(file, config);
    expect(outputText).toContain('import * as __autotrace from "ts-autotrace";');
    const outFile = path.join(ROOT, ".tmp", "behaviour", "esm", "plain-functions.mjs");
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, outputText);
    // Real Node ESM in a child process: the test runner's own loader would hide the dual-package case.
    const script = `
      import { createRequire } from "node:module";
      const cjs = createRequire(import.meta.url)("ts-autotrace");
      cjs.initializeTracing({ exporter: "in_memory" });
      const { add } = await import(${JSON.stringify(pathToFileURL(outFile).href)});
      console.log(JSON.stringify([add(40, 2), cjs.getFinishedSpans().map((s) => [s.name, s.attributes["args.b"]])]));`;
    const result = run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      env: tracingEnv({}),
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual([42, [["add", 2]]]);
  });
});
