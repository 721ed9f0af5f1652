/**
 * Matching and ignore comments read one table of function kinds and of the
 * wrappers a function literal is named through (transformer/match/function-kinds.ts),
 * so through every wrapper a named function is traced, and ignored when its
 * declaration says so.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { transpileWithTracing } from "./helpers/transpile";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-kinds-"));
const config = path.join(dir, "tracing.config.json");
fs.writeFileSync(config, JSON.stringify({ rules: [{ files: "*.ts", functions: ["*"] }] }));

const WRAPPERS: Record<string, (expression: string) => string> = {
  parentheses: (e) => `(${e})`,
  as: (e) => `${e} as Fn`,
  satisfies: (e) => `${e} satisfies Fn`,
  "non-null": (e) => `${e}!`,
  "type assertion": (e) => `<Fn>${e}`,
};
const LITERALS = { arrow: "(() => 1)", "function expression": "(function () { return 1; })" };

/** Site names of `source` built with an every-function rule. */
function tracedNames(source: string): string[] {
  const file = path.join(dir, "input.ts");
  fs.writeFileSync(file, `type Fn = () => number;\n${source}\n`);
  const { outputText } = transpileWithTracing(file, config);
  return [...outputText.matchAll(/__autotrace_f\("([^"]+)"/g)].map((m) => m[1]);
}

const cases = Object.entries(LITERALS).flatMap(([literalKind, literal]) =>
  Object.entries(WRAPPERS).flatMap(([outer, wrapOuter]) =>
    Object.entries(WRAPPERS).map(([inner, wrapInner]) => ({
      label: `${literalKind} in ${inner} in ${outer}`,
      expression: wrapOuter(wrapInner(literal)),
    })),
  ),
);

describe("function literals named through wrappers", () => {
  it.each(cases)("$label: traced under its binding's name", ({ expression }) => {
    expect(tracedNames(`export const f = ${expression};`)).toEqual(["f"]);
    expect(tracedNames(`export const api = { g: ${expression} };`)).toEqual(["api.g"]);
  });

  it.each(cases)("$label: left as written under @autotrace-ignore", ({ expression }) => {
    expect(tracedNames(`// @autotrace-ignore\nexport const f = ${expression};`)).toEqual([]);
    expect(
      tracedNames(`export const api = {\n  // @autotrace-ignore\n  g: ${expression},\n};`),
    ).toEqual([]);
  });
});
