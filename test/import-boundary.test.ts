/**
 * The lint rule that keeps build time and run time apart (eslint.config.mjs):
 * transformer/ and runtime/ meet only in contract/, the runtime never loads
 * TypeScript, and contract/ imports nothing. Each case lints a file that does
 * not exist, at a path inside the tree, so the real config decides.
 */
import * as path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/run";

const BOUNDARY_RULES = ["@typescript-eslint/no-restricted-imports", "no-restricted-syntax"];
const eslint = new ESLint({ cwd: ROOT });

/** The boundary messages ESLint reports for `code` placed at `file`. */
async function boundaryMessages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId !== null && BOUNDARY_RULES.includes(m.ruleId))
    .map((m) => m.message);
}

describe("import boundary between transformer/ and runtime/", () => {
  it.each([
    [
      "runtime/probe.ts",
      'import type { TracingRule } from "../transformer/config/config-types";\nexport type R = TracingRule;\n',
      "the runtime must not import the transformer",
    ],
    [
      "runtime/config/probe.ts",
      'import ts = require("typescript");\nexport const k = ts.SyntaxKind;\n',
      "the runtime must not load TypeScript",
    ],
    [
      "runtime/probe.ts",
      '// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const ts = require("typescript/lib/typescript");\n',
      "the runtime must not load TypeScript",
    ],
    [
      "runtime/probe.ts",
      'export const load = () => import("ts-autotrace/transformer");\n',
      "the runtime must not import the transformer",
    ],
    [
      "transformer/rewrite/probe.ts",
      'import { trace } from "../../runtime/traced-call";\nexport const t = trace;\n',
      "the transformer must not import the runtime",
    ],
    [
      "transformer/probe.ts",
      'export { trace } from "ts-autotrace";\n',
      "the transformer must not import the runtime",
    ],
    [
      "contract/probe.ts",
      'import * as fs from "node:fs";\nexport const read = fs.readFileSync;\n',
      "contract/ imports nothing",
    ],
  ])("%s: forbids %j", async (file, code, expected) => {
    const messages = await boundaryMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    [
      "runtime/probe.ts",
      'import type { AttributeValue } from "../contract";\nexport type A = AttributeValue;\n',
    ],
    [
      "transformer/rewrite/probe.ts",
      'import { EMITTED } from "../../contract";\nexport const e = EMITTED;\n',
    ],
    ["transformer/probe.ts", 'import type * as ts from "typescript";\nexport type T = ts.Node;\n'],
    ["transformer/rewrite/probe.ts", 'export { runtimeImport } from "./runtime-import";\n'],
  ])("%s: allows %j", async (file, code) => {
    expect(await boundaryMessages(file, code)).toEqual([]);
  });
});
