/**
 * Below ES2015 a sync body that reads `arguments` is traced and reads its own
 * (it stays in place): the real toolchain builds such a project, and the
 * program prints what the untraced program prints. (TypeScript itself refuses
 * `arguments` in an async function under ES5, TS2522; transpile-only builds
 * get the warning of target-support.ts, see test/target-support.test.ts.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFiles } from "../helpers/project";
import { BIN, ROOT, run, tracingEnv } from "../helpers/run";

const WORK = path.join(ROOT, ".tmp", "target-es5");
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

const SOURCE = `export function count(a: number, b: number) {
  return arguments.length + a * 0 + b * 0;
}
export class Counter {
  count(a: number, b: number) {
    return arguments.length + a + b;
  }
}
export function add(a: number, b: number) {
  return a + b;
}
console.log(count(1, 2), new Counter().count(1, 2), add(1, 2));
`;

function build(name: string, target: string | undefined) {
  const dir = path.join(WORK, name);
  const compilerOptions = { outDir: "dist", module: "commonjs", target };
  writeFiles(dir, {
    "src/a.ts": SOURCE,
    "tracing.config.json": { rules: [{ files: "src/**/*.ts", functions: ["*"] }] },
    "tsconfig.json": {
      compilerOptions: { ...compilerOptions, plugins: [{ transform: "ts-autotrace/transformer" }] },
      include: ["src"],
    },
  });
  const result = run(path.join(BIN, "tspc"), ["-p", dir]);
  const program = run(process.execPath, [path.join(dir, "dist", "a.js")], {
    env: tracingEnv({ TRACING_EXPORTER: "none" }),
  });
  const output = fs.readFileSync(path.join(dir, "dist", "a.js"), "utf8");
  return { result, program, output };
}

describe("tspc with a target below ES2015", () => {
  it.each([
    ["ES5", "ES5"],
    ["no target (TypeScript 5 defaults to ES5)", undefined],
  ])("%s: functions that read arguments are traced and read their own", (_label, target) => {
    const { result, program, output } = build(target ?? "default", target);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(program.stdout).toBe("2 5 3\n");
    expect(output.match(/__autotrace_f\("([^"]+)"/g)).toEqual([
      '__autotrace_f("count"',
      '__autotrace_f("Counter.count"',
      '__autotrace_f("add"',
    ]);
  });

  it("ES2015: the same functions are traced and still read their own arguments", () => {
    const { result, program, output } = build("es2015", "ES2015");
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(program.stdout).toBe("2 5 3\n");
    expect(output.match(/__autotrace_f\("([^"]+)"/g)).toHaveLength(3);
  });
});
