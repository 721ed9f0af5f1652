/**
 * tspc's other build modes: --watch rebuilds a changed file with its
 * instrumentation, --build works with project references and incremental
 * builds, and a changed tracing.config.json reaches the next full build.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFiles } from "../helpers/project";
import { BIN, ROOT, run } from "../helpers/run";

const WORK = path.join(ROOT, ".tmp", "build-modes");
const plugin = { transform: "ts-autotrace/transformer" };

const read = (file: string) => fs.readFileSync(file, "utf8");
const siteNames = (js: string) =>
  [...js.matchAll(/= __autotrace_f\w*\("([^"]+)"/g)].map((m) => m[1]);

async function waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

fs.rmSync(WORK, { recursive: true, force: true });
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

describe("tspc --watch", () => {
  it("rebuilds a changed file with its instrumentation", async () => {
    const dir = path.join(WORK, "watch");
    writeFiles(dir, {
      "tsconfig.json": {
        compilerOptions: { outDir: "dist", module: "commonjs", plugins: [plugin] },
        include: ["src"],
      },
      "tracing.config.json": { rules: [{ files: "src/**/*.ts", functions: ["*"] }] },
      "src/a.ts": "export function first() { return 1; }\n",
    });
    const watcher = spawn(path.join(BIN, "tspc"), ["-p", dir, "--watch", "--preserveWatchOutput"], {
      stdio: "pipe",
    });
    let output = "";
    watcher.stdout.on("data", (chunk) => (output += chunk));
    try {
      const out = path.join(dir, "dist", "a.js");
      await waitFor(() => /Found 0 errors/.test(output) && fs.existsSync(out), "the first build");
      expect(siteNames(read(out))).toEqual(["first"]);
      fs.appendFileSync(path.join(dir, "src", "a.ts"), "export const second = () => 2;\n");
      await waitFor(
        () => fs.existsSync(out) && siteNames(read(out)).includes("second"),
        "the rebuild",
      );
      expect(siteNames(read(out))).toEqual(["first", "second"]);
    } finally {
      watcher.kill();
    }
  });
});

describe("tspc --build with project references", () => {
  const dir = path.join(WORK, "references");
  writeFiles(dir, {
    "tracing.config.json": { rules: [{ files: "**/src/**/*.ts", functions: ["*"] }] },
    "lib/tsconfig.json": {
      compilerOptions: {
        composite: true,
        outDir: "dist",
        rootDir: "src",
        module: "commonjs",
        plugins: [{ ...plugin, config: "../tracing.config.json" }],
      },
      include: ["src"],
    },
    "lib/src/lib.ts": "export function helper(n: number) { return n * 2; }\n",
    "app/tsconfig.json": {
      compilerOptions: {
        incremental: true,
        outDir: "dist",
        rootDir: "src",
        module: "commonjs",
        plugins: [{ ...plugin, config: "../tracing.config.json" }],
      },
      references: [{ path: "../lib" }],
      include: ["src"],
    },
    "app/src/main.ts":
      'import { helper } from "../../lib/src/lib";\nexport function main() { return helper(21); }\n',
  });
  const build = (...extra: string[]) =>
    run(path.join(BIN, "tspc"), ["--build", path.join(dir, "app"), ...extra]);

  it("instruments every referenced project", () => {
    const result = build();
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(siteNames(read(path.join(dir, "lib", "dist", "lib.js")))).toEqual(["helper"]);
    expect(siteNames(read(path.join(dir, "app", "dist", "main.js")))).toEqual(["main"]);
    expect(
      fs.existsSync(path.join(dir, "app", "dist", "tsconfig.tsbuildinfo")) ||
        fs.existsSync(path.join(dir, "app", "tsconfig.tsbuildinfo")),
    ).toBe(true);
  });

  it("takes a changed tracing.config.json on the next forced build (an up-to-date build skips emit)", () => {
    build();
    fs.writeFileSync(
      path.join(dir, "tracing.config.json"),
      JSON.stringify({ rules: [{ files: "**/src/**/*.ts", functions: ["main"] }] }),
    );
    expect(build().status).toBe(0);
    expect(siteNames(read(path.join(dir, "lib", "dist", "lib.js")))).toEqual(["helper"]); // still the old output
    expect(build("--force").status).toBe(0);
    expect(siteNames(read(path.join(dir, "lib", "dist", "lib.js")))).toEqual([]);
    expect(siteNames(read(path.join(dir, "app", "dist", "main.js")))).toEqual(["main"]);
  });
});
