/**
 * ts-autotrace/jest with real jest + ts-jest: tests on the sources get
 * in_memory spans and mapped stack lines, and a changed tracing.config.json
 * (at the default place or at a `config` option's path) reaches the next
 * run through jest's cache.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { writeFiles } from "../../helpers/project";
import { ROOT, run, tracingEnv } from "../../helpers/run";
import { NODES } from "./node-majors";
import { sampleProject, THROW_LINE } from "./sample-project";

const JEST = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");

const TEST = `import { getFinishedSpans } from "ts-autotrace";
import { charge, refuse } from "../src/billing";

test("records spans of the code under test", () => {
  expect(charge({ total: 2 })).toBe(4);
  let stack = "";
  try { refuse("card"); } catch (error) { stack = String(Object(error).stack); }
  expect(getFinishedSpans().map((span) => span.name)).toEqual(JSON.parse(process.env.EXPECTED!));
  expect(stack).toMatch(/billing\\.ts:${THROW_LINE}:/);
});
`;

const rules = (functions: string[]) => ({
  rules: [{ files: "src/**/*.ts", functions, includeArgs: true }],
});

/** `before` is ts-jest's astTransformers.before list. */
function jestProject(name: string, before: unknown[] = ["ts-autotrace/jest"]): string {
  return sampleProject(name, {
    "package.json": { name: `sample-${name}`, private: true, type: "commonjs" },
    "tsconfig.json": { compilerOptions: { target: "ES2022", module: "commonjs" } },
    "jest.config.cjs": jestConfig(before),
    "test/billing.test.ts": TEST,
  });
}

function jestConfig(before: unknown[]): string {
  const tsJest = { diagnostics: false, astTransformers: { before } };
  return `module.exports = {
  testEnvironment: "node",
  cacheDirectory: __dirname + "/.jest-cache",
  transform: { "^.+\\\\.ts$": ["ts-jest", ${JSON.stringify(tsJest)}] },
};
`;
}

function jest(dir: string, expected: string[], node = process.execPath) {
  return run(node, [JEST, "--ci", "--rootDir", dir], {
    cwd: dir,
    env: tracingEnv({ TRACING_EXPORTER: "in_memory", EXPECTED: JSON.stringify(expected) }),
  });
}

function expectSpans(dir: string, expected: string[]): void {
  const result = jest(dir, expected);
  expect(result.status, result.stdout + result.stderr).toBe(0);
}

describe.each(NODES)("ts-autotrace/jest on node $major", ({ major, bin }) => {
  it("gives jest tests in_memory spans of the sources, with mapped stack lines", () => {
    const result = jest(jestProject(`jest-${major}`), ["charge", "refuse"], bin);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1 passed/);
  });
});

describe("ts-autotrace/jest's cache key", () => {
  it("covers tracing.config.json: changed rules reach the next cached run", () => {
    const dir = jestProject("jest-cache");
    const first = jest(dir, ["charge", "refuse"]);
    expect(first.status, first.stderr).toBe(0);
    expect(fs.readdirSync(path.join(dir, ".jest-cache")).length).toBeGreaterThan(0);
    writeFiles(dir, { "tracing.config.json": rules(["charge"]) });
    const second = jest(dir, ["charge"]);
    expect(second.status, second.stderr).toBe(0);
  });

  it("covers the file a `config` option names: each later edit of it reaches the next cached run", () => {
    const custom = (file: string) => [{ path: "ts-autotrace/jest", options: { config: file } }];
    const dir = jestProject("jest-cache-custom", custom("./tracing.jest.json"));
    writeFiles(dir, { "tracing.jest.json": rules(["charge"]) });
    expectSpans(dir, ["charge"]); // not the default config's ["charge", "refuse"]
    // This run records tracing.jest.json, so its key differs from the first run's (one extra miss)
    // and the edit below is the only change between it and the next run.
    expectSpans(dir, ["charge"]);
    writeFiles(dir, { "tracing.jest.json": rules(["refuse"]) });
    expectSpans(dir, ["refuse"]);
    // A path not recorded yet leaves `version` as it was: jest's key (its serialized config) changes.
    writeFiles(dir, {
      "tracing.other.json": rules(["charge", "refuse"]),
      "jest.config.cjs": jestConfig(custom("./tracing.other.json")),
    });
    expectSpans(dir, ["charge", "refuse"]);
  });
});
