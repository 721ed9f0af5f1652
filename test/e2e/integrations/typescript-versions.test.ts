/**
 * The ts-patch path across TypeScript versions: TypeScript 6 with ts-patch 4
 * builds traced output (ts-patch 4 needs Node >= 22.15), and TypeScript 7,
 * which has no compiler API, gets one clear message instead of a stack trace.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, run } from "../../helpers/run";
import { NODES } from "./node-majors";
import { expectTraced, mainSource, runSample, sampleProject } from "./sample-project";
import { testTools } from "./tools";

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
    const dir = sampleProject("ts6-tspc", {
      "package.json": { name: "sample-ts6", private: true, type: "commonjs" },
      "src/main.ts": mainSource("./billing"),
      "tsconfig.json": {
        compilerOptions: {
          target: "ES2022",
          module: "commonjs",
          outDir: "dist",
          rootDir: "src",
          sourceMap: true,
          skipLibCheck: true,
          types: [],
          plugins: [{ transform: "ts-autotrace/transformer" }],
        },
        include: ["src"],
      },
    });
    const tspc = path.join(tools.ts6!, "node_modules", "ts-patch", "bin", "tspc.js");
    const version = run(bin, [tspc, "--version"]);
    expect(version.stdout).toMatch(/Version 6\./);
    const build = run(bin, [tspc, "-p", dir]);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expectTraced(runSample(dir, ["dist/main.js"], bin));
  });
});

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
