/**
 * The ts-patch path across TypeScript versions: TypeScript 6 with ts-patch 4
 * builds traced output (ts-patch 4 needs Node >= 22.15), directly and through
 * `ts-autotrace build`, and TypeScript 7,
 * which has no compiler API, gets one clear message instead of a stack trace.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../../helpers/run";
import { NODES } from "./node-majors";
import { commonjsSample, expectTraced, runSample } from "./sample-project";
import { testTools } from "./tools";
import { CLI } from "../../cli/cli-helpers";

let tools: Record<string, string>;
beforeAll(() => {
  tools = testTools();
}, 600_000);

const modernNodes = NODES.filter((n) => n.major >= 23 || (n.major === 22 && minor(n.bin) >= 15));

function minor(bin: string): number {
  return Number(run(bin, ["-p", "process.versions.node.split('.')[1]"]).stdout.trim());
}

describe("TypeScript 6 with ts-patch 4", () => {
  it("has a Node >= 22.15 to run on", () => {
    expect(modernNodes.length).toBeGreaterThan(0);
  });

  it.each(modernNodes)("tspc builds traced output on node $major", ({ bin }) => {
    const dir = ts6Sample("ts6-tspc");
    const tspc = path.join(tools.ts6!, "node_modules", "ts-patch", "bin", "tspc.js");
    const version = run(bin, [tspc, "--version"]);
    expect(version.stdout).toMatch(/Version 6\./);
    const build = run(bin, [tspc, "-p", dir]);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expectTraced(runSample(dir, ["dist/main.js"], bin));
  });

  it("`ts-autotrace build` finds the project's TypeScript 6 and ts-patch 4 and builds traced", () => {
    const { bin } = modernNodes.at(-1)!;
    const dir = ts6Sample("ts6-build");
    fs.mkdirSync(path.join(dir, "node_modules"));
    for (const name of ["typescript", "ts-patch"]) {
      fs.symlinkSync(
        path.join(tools.ts6!, "node_modules", name),
        path.join(dir, "node_modules", name),
      );
    }
    // From the repository root (TypeScript 5.9 there): -p says whose packages to use.
    const build = run(bin, [CLI, "build", "-p", dir, "--listEmittedFiles"], { cwd: ROOT });
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expect(build.stderr).toBe("");
    expect(build.stdout).toMatch(/TSFILE: .*dist\/main\.js/);
    expectTraced(runSample(dir, ["dist/main.js"], bin));
  });
});

const ts6Sample = (name: string) =>
  commonjsSample(name, { plugins: [{ transform: "ts-autotrace/transformer" }] });

describe("the ts-patch transformer under TypeScript 7", () => {
  it("stops with one message naming the supported paths", () => {
    const script = `const ts = require(require.resolve("typescript", { paths: [${JSON.stringify(tools.ts7)}] }));
if (!/^7\\./.test(ts.version)) throw new Error("not TypeScript 7: " + ts.version);
require("ts-autotrace/transformer").default({}, {}, { ts, addDiagnostic() {} });`;
    const result = run(process.execPath, ["-e", script], { cwd: ROOT });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/TypeScript 7 has no transformer API/);
    expect(result.stderr).toMatch(/--import ts-autotrace\/register/);
  });
});
