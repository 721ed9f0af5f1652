/** tracing.config.json is JSONC, as tsconfig.json is; a syntax error points at the line and column. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../transformer/config/config-error";
import { loadConfig } from "../transformer/config/load-config";
import { ROOT } from "./helpers/run";

const DIR = path.join(ROOT, ".tmp", "config-jsonc");

function write(text: string): string {
  fs.mkdirSync(DIR, { recursive: true });
  const file = path.join(DIR, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, text);
  return file;
}

function errorOf(file: string): ConfigError {
  try {
    loadConfig(file);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("JSONC config files", () => {
  it("accept line and block comments and trailing commas", () => {
    const file = write(`// header
{
  /* the only rule */
  "rules": [
    { "files": "src/**/*.ts", "functions": ["*",], }, // trailing commas
  ],
}
`);
    expect(loadConfig(file).rules[0]).toMatchObject({ files: ["src/**/*.ts"], functions: ["*"] });
  });

  it("report a syntax error by line and column, with the line and a caret", () => {
    const file = write(
      '{\n  "rules": [\n    { "files": "src/**", }\n    { "files": "lib/**" }\n  ]\n}\n',
    );
    const { message, problems } = errorOf(file);
    expect(problems).toHaveLength(1);
    expect(message).toContain('is not valid JSON: "," expected at line 4, column 5:');
    expect(message).toContain('      4 |     { "files": "lib/**" }\n        |     ^');
    expect(message).not.toMatch(/position \d+/);
  });

  it("name an unterminated string and a missing value", () => {
    expect(errorOf(write('{ "rules": "src/**\n}')).message).toMatch(
      /a string that never ends at line 1, column 12/,
    );
    expect(errorOf(write('{\n  "rules":\n}')).message).toMatch(
      /a value expected at line 3, column 1/,
    );
  });
});
