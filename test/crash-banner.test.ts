/**
 * Node's banner for an uncaught error (the source line above the stack): what
 * it quotes for traced code, with and without source maps, in CommonJS and in
 * an ES module. The stack under it is always the plain one; the banner quotes
 * the last `throw`, which for a traced function is the catch that recorded
 * the error, except where Node builds it from the error's own stack.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "./helpers/project";
import { ROOT, run, tracingEnv } from "./helpers/run";
import { transpileWithTracing } from "./helpers/transpile";

const DIR = path.join(ROOT, ".tmp", "crash-banner");
const SOURCE = `export function crash(): void {
  const detail = "here";
  throw new Error("uncaught " + detail);
}
export function outer(): void {
  crash();
  console.log("not reached");
}
outer();
`;

type Variant = "traced" | "plain";

/** Builds a.ts into `<variant>.<ext>` with an inline source map. */
function build(variant: Variant, module: "cjs" | "mjs"): string {
  const kind = module === "cjs" ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
  const config = variant === "traced" ? path.join(DIR, "tracing.config.json") : undefined;
  const out = transpileWithTracing(path.join(DIR, "a.ts"), config, {
    module: kind,
    sourceMap: true,
  });
  const map = Buffer.from(out.sourceMapText!).toString("base64");
  const code = out.outputText.replace(/\/\/# sourceMappingURL=.*/, "");
  const file = path.join(DIR, `${variant}.${module}`);
  fs.writeFileSync(file, `${code}\n//# sourceMappingURL=data:application/json;base64,${map}\n`);
  return file;
}

/** The banner's first two lines: `file:line` and the quoted source line. */
function banner(file: string, sourceMaps: boolean): string[] {
  const args = sourceMaps ? ["--enable-source-maps", file] : [file];
  const result = run(process.execPath, args, { env: tracingEnv({ TRACING_EXPORTER: "none" }) });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("Error: uncaught here");
  return result.stderr.split("\n").slice(0, 2);
}

beforeAll(() => {
  writeFiles(DIR, {
    "a.ts": SOURCE,
    "package.json": { private: true },
    "tracing.config.json": { rules: [{ files: "*.ts", functions: ["*"] }] },
  });
  fs.rmSync(path.join(DIR, "node_modules"), { force: true, recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(DIR, "node_modules"), "dir");
});

describe("Node's crash banner for an error thrown through traced functions", () => {
  it("CommonJS without source maps: quotes the traced function's rethrow", () => {
    expect(banner(build("plain", "cjs"), false)[1]).toContain(
      'throw new Error("uncaught " + detail)',
    );
    expect(banner(build("traced", "cjs"), false)[1]!.trim()).toBe("throw __autotrace_e;");
  });

  it("CommonJS with --enable-source-maps: points at the outermost traced function it left", () => {
    const [where, line] = banner(build("traced", "cjs"), true);
    expect(where).toBe(`${path.join(DIR, "a.ts")}:5`);
    expect(line).toBe("export function outer(): void {");
    expect(banner(build("plain", "cjs"), true)[0]).toBe(`${path.join(DIR, "a.ts")}:3`);
  });

  it("an ES module that throws while it loads: the throwing line, as without tracing", () => {
    for (const maps of [false, true]) {
      const plain = banner(build("plain", "mjs"), maps);
      const traced = banner(build("traced", "mjs"), maps);
      // Node builds this banner from the error's own stack: the line that made it.
      expect(traced[1]!.trim()).toBe(plain[1]!.trim());
      expect(traced[1]).toContain('throw new Error("uncaught " + detail)');
      if (maps) expect(traced[0]).toBe(`${path.join(DIR, "a.ts")}:3`);
    }
  });
});
