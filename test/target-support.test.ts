/**
 * Which output targets leave a body that reads `arguments` as written (see
 * transformer/rewrite/target-support.ts): an async function's under ES3, ES5
 * and an unset target (TypeScript 5's default is ES5). A sync body stays in
 * place and a generator passes `arguments` on, so both are traced under any
 * target. TypeScript 5.9 refuses to build ES3 with tspc, so transpileModule
 * covers it here.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";
import { transpileWithTracing } from "./helpers/transpile";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-target-"));
const config = path.join(dir, "tracing.config.json");
fs.writeFileSync(config, JSON.stringify({ rules: [{ files: "*.ts", functions: ["*"] }] }));
const file = path.join(dir, "input.ts");
fs.writeFileSync(
  file,
  [
    "export function count(a: number) { return arguments.length + a; }",
    "export function* items(a: number) { yield arguments.length + a; }",
    "export function inner(a: number) { return function () { return arguments.length; }; }",
    "export async function later(a: number) { return arguments.length + a; }",
    "",
  ].join("\n"),
);

function build(options: ts.CompilerOptions) {
  const { outputText, warnings } = transpileWithTracing(file, config, options);
  const traced = [...outputText.matchAll(/__autotrace_f\("([^"]+)"/g)].map((m) => m[1]);
  return { traced, warnings };
}

describe("a traced body that reads arguments", () => {
  it.each([
    ["ES3", { target: ts.ScriptTarget.ES3 }],
    ["ES5", { target: ts.ScriptTarget.ES5 }],
    // transpileModule, like tsc, fills an unset target in with TypeScript 5's default, ES5.
    ["no target", { target: undefined }],
  ])("%s: is left as written, with a warning", (_name, options) => {
    const { traced, warnings } = build(options);
    expect(traced).toEqual(["count", "items", "inner"]);
    expect(warnings).toHaveLength(1);
    // TypeScript 5 no longer emits ES3: it hands the transformer ES5 instead.
    const target = "ES5";
    expect(warnings[0]).toContain(`later (input.ts:4) is left as written`);
    expect(warnings[0]).toContain(`its body reads \`arguments\`, and under target ${target}`);
  });

  it.each([
    ["ES2015", { target: ts.ScriptTarget.ES2015 }],
    ["ESNext", { target: ts.ScriptTarget.ESNext }],
  ])("%s: is traced", (_name, options) => {
    expect(build(options)).toEqual({
      traced: ["count", "items", "inner", "later"],
      warnings: [],
    });
  });
});
