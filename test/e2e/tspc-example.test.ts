/**
 * End to end with the real toolchain: `tspc` builds examples/basic with the
 * plugin line from its tsconfig.json, plain `tsc` builds it without, and both
 * outputs are run and compared.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeTracedProject } from "../helpers/project";
import { BIN, ROOT, run, tracingEnv } from "../helpers/run";

const EXAMPLE = path.join(ROOT, "examples", "basic");
const OUT = path.join(ROOT, ".tmp", "e2e");
const traced = path.join(OUT, "traced");
const plain = path.join(OUT, "plain");

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

function runExample(outDir: string, env: Record<string, string>) {
  return run(process.execPath, [path.join(outDir, "main.js")], { env: tracingEnv(env) });
}

beforeAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  const tspc = run(path.join(BIN, "tspc"), ["-p", EXAMPLE, "--outDir", traced]);
  expect(tspc.stdout + tspc.stderr).toBe("");
  expect(tspc.status).toBe(0);
  const tsc = run(path.join(BIN, "tsc"), ["-p", EXAMPLE, "--outDir", plain]);
  expect(tsc.status).toBe(0);
});

describe("tspc build of examples/basic", () => {
  it("writes the same files, with .d.ts output identical to plain tsc", () => {
    expect(listFiles(traced).sort()).toEqual(listFiles(plain).sort());
    for (const file of listFiles(plain).filter((f) => f.endsWith(".d.ts"))) {
      expect(fs.readFileSync(path.join(traced, file), "utf8"), file).toBe(
        fs.readFileSync(path.join(plain, file), "utf8"),
      );
    }
    expect(fs.readFileSync(path.join(traced, "services", "cart.js"), "utf8")).toContain(
      'require("ts-autotrace")',
    );
    expect(fs.readFileSync(path.join(plain, "services", "cart.js"), "utf8")).not.toContain(
      "__autotrace",
    );
  });

  it("prints what the plain build prints, and one console line per span on stderr", () => {
    const env = { TRACING_EXPORTER: "console", TRACING_CONSOLE_FORMAT: "lines" };
    const tracedRun = runExample(traced, env);
    const plainRun = runExample(plain, env);
    expect(tracedRun.status).toBe(0);
    expect(tracedRun.stdout).toBe(plainRun.stdout);
    expect(plainRun.stderr).toBe("");
    const lines = tracedRun.stderr.split("\n");
    const spanLines = lines.filter((l) => l.startsWith("[trace "));
    expect(spanLines.length).toBe(20);
    expect(
      spanLines.find((l) => l.includes(" chargeCard ") && l.includes("ERROR(card declined)")),
    ).toBeDefined();
    expect(
      spanLines.find(
        (l) => l.includes("Catalog.searchProducts") && l.includes("!threshold_exceeded"),
      ),
    ).toBeDefined();
    expect(
      spanLines.find((l) => l.includes("Invoice.format") && l.includes("component=billing")),
    ).toBeDefined();
    expect(lines.filter((l) => l.includes("over its 100 ms threshold"))).toHaveLength(1);
  });

  it("with TRACING_ENABLED=false prints exactly what the plain build prints", () => {
    const off = runExample(traced, { TRACING_ENABLED: "false" });
    expect(off).toEqual(runExample(plain, {}));
  });

  it("keeps stack traces on the original TypeScript lines", () => {
    const script = `require(${JSON.stringify(path.join(traced, "services", "catalog.js"))}).Catalog.prototype.findBySku("nope")`;
    const result = run(process.execPath, ["--enable-source-maps", "-e", script], {
      env: tracingEnv({ TRACING_EXPORTER: "none" }),
    });
    expect(result.status).not.toBe(0);
    const source = fs
      .readFileSync(path.join(EXAMPLE, "src", "services", "catalog.ts"), "utf8")
      .split("\n");
    const throwLine = source.findIndex((l) => l.includes("throw new Error(`unknown product")) + 1;
    // V8 places an Error's frame at its `new` expression.
    const throwColumn = source[throwLine - 1].indexOf("new Error") + 1;
    expect(result.stderr).toContain(`src/services/catalog.ts:${throwLine}:${throwColumn}`);
  });
});

describe("tspc with a bad config", () => {
  it("fails with the config's problems, no stack trace and no output", () => {
    const dir = path.join(OUT, "bad-config");
    writeTracedProject(dir, [{ files: "src/**", includeArg: true }]);
    const result = run(path.join(BIN, "tspc"), ["-p", dir]);
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('rules[0].includeArg: unknown key. Did you mean "includeArgs"?');
    expect(output).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
  });
});

describe("tspc with rules that match nothing", () => {
  it("warns on stderr, naming the rules, and still builds", () => {
    const dir = path.join(OUT, "unmatched-rules");
    writeTracedProject(dir, [
      { files: "src/**/*.ts", functions: ["a"] },
      { files: "lib/**/*.ts", functions: ["*"] },
      { files: "src/**/*.ts", functions: ["nothing*"] },
    ]);
    const result = run(path.join(BIN, "tspc"), ["-p", dir]);
    expect(result.status).toBe(0);
    const warnings = result.stderr.trim().split("\n");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /rules\[1\]: its "files" \["lib\/\*\*\/\*\.ts"\] match no file of the program/,
    );
    expect(warnings[1]).toMatch(/rules\[2\]: its "functions" \["nothing\*"\] match no function/);
    expect(fs.readFileSync(path.join(dir, "dist", "a.js"), "utf8")).toContain("__autotrace.enter(");
  });
});
