/** One bad config per kind of problem: the build fails with a message that names the fix. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, createTransformer } from "../transformer/index";

function problemsFor(configText: string | undefined): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-config-"));
  const configPath = path.join(dir, "tracing.config.json");
  if (configText !== undefined) fs.writeFileSync(configPath, configText);
  try {
    createTransformer(undefined, { config: configPath });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace(dir, "<dir>");
  }
  throw new Error("expected the config to be rejected");
}

const rules = (rule: object) => JSON.stringify({ rules: [{ files: "src/**/*.ts", ...rule }] });

describe("config errors", () => {
  it.each([
    ["a missing file", undefined, "cannot read the config (the file does not exist)"],
    ["invalid JSON", "{ rules: [", "is not valid JSON"],
    ["not an object", "[]", 'expected a JSON object with "rules", got an empty array.'],
    ["missing rules", "{}", "rules: is missing"],
    [
      "empty rules",
      '{ "rules": [] }',
      "rules: expected a non-empty array of rules, got an empty array.",
    ],
    [
      "a misspelt key",
      rules({ includeArg: true }),
      'rules[0].includeArg: unknown key. Did you mean "includeArgs"?',
    ],
    [
      "an unknown top-level key",
      '{ "rules": [{ "files": "a" }], "tracing": 1 }',
      "tracing: unknown key. Allowed keys: $schema, serviceName, rules.",
    ],
    [
      "a wrong type",
      rules({ includeResult: "yes" }),
      'rules[0].includeResult: expected true or false, got string "yes".',
    ],
    [
      "a negative threshold",
      rules({ thresholdMs: -5 }),
      "rules[0].thresholdMs: expected a number of milliseconds >= 0, got number -5.",
    ],
    [
      "an invalid pattern",
      rules({ functions: ["get?"] }),
      'rules[0].functions[0]: invalid name pattern "get?"',
    ],
    [
      "a pattern with two dots",
      rules({ functions: ["a.b.c"] }),
      'rules[0].functions[0]: invalid name pattern "a.b.c"',
    ],
    [
      "missing files",
      '{ "rules": [{ "functions": ["*"] }] }',
      'rules[0].files: is missing: every rule needs "files"',
    ],
    [
      "files of the wrong type",
      '{ "rules": [{ "files": 3 }] }',
      "rules[0].files: expected a glob or a list of globs, got number 3.",
    ],
    [
      "an unknown span name placeholder",
      rules({ spanName: "{method}" }),
      "rules[0].spanName: unknown placeholder {method}; use {class}, {function}, {file}, {args.<parameter>}, {this.<path>}.",
    ],
    [
      "an object attribute",
      rules({ attributes: { team: { a: 1 } } }),
      "rules[0].attributes.team: expected a string, number, boolean or an array of one of those, got an object.",
    ],
    [
      "an empty service name",
      '{ "serviceName": "", "rules": [{ "files": "a" }] }',
      'serviceName: expected a non-empty string, got string "".',
    ],
  ])("%s", (_kind, configText, expected) => {
    const message = problemsFor(configText);
    expect(message).toContain(expected);
    expect(message).toMatch(
      /^ts-autotrace: <dir>\/tracing\.config\.json has \d+ problems?; nothing was emitted\./,
    );
  });

  it("reports every problem at once, each on its own line", () => {
    const message = problemsFor(
      JSON.stringify({
        rules: [
          { files: 1, thresholdMs: "x" },
          { files: "a", extra: 1 },
        ],
      }),
    );
    expect(message.split("\n").slice(1)).toEqual([
      "  - rules[0].files: expected a glob or a list of globs, got number 1.",
      '  - rules[0].thresholdMs: expected a number of milliseconds >= 0, got string "x".',
      "  - rules[1].extra: unknown key. Allowed keys: files, functions, includeArgs, includeResult, followPromises, thresholdMs, spanName, attributes, kind, component, redact, maxValueLength, maxTotalValueLength.",
    ]);
    expect(message).toContain("has 3 problems");
  });
});
