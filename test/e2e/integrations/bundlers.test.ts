/**
 * ts-autotrace/vite, /rollup, /esbuild, /webpack and /rspack with the real
 * tools: each builds the sample project, the bundle runs with in_memory
 * spans, and the thrown error's stack names billing.ts's line (via the maps).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../helpers/run";
import { NODES } from "./node-majors";
import { expectTraced, runSample, sampleProject } from "./sample-project";

const BUILDS: Record<string, { script: string; output: string }> = {
  vite: {
    output: "dist/main.js",
    script: `import { build } from "vite";
import autotrace from "ts-autotrace/vite";
await build({
  root: process.cwd(), logLevel: "silent", plugins: [autotrace()],
  build: { ssr: "src/main.ts", outDir: "dist", sourcemap: true, minify: false },
});`,
  },
  rollup: {
    output: "dist/main.mjs",
    script: `import { rollup } from "rollup";
import autotrace from "ts-autotrace/rollup";
const bundle = await rollup({ input: "src/main.ts", external: ["ts-autotrace"], plugins: [autotrace()] });
await bundle.write({ file: "dist/main.mjs", format: "es", sourcemap: true });`,
  },
  esbuild: {
    output: "dist/main.mjs",
    script: `import { build } from "esbuild";
import autotrace from "ts-autotrace/esbuild";
await build({
  entryPoints: ["src/main.ts"], bundle: true, platform: "node", format: "esm",
  external: ["ts-autotrace"], outfile: "dist/main.mjs", sourcemap: true, plugins: [autotrace()],
});`,
  },
  webpack: {
    output: "dist/main.cjs",
    script: `import webpack from "webpack";
import autotrace from "ts-autotrace/webpack";
await new Promise((resolve, reject) => webpack({
  mode: "none", target: "node", devtool: "source-map", context: process.cwd(), entry: "./src/main.ts",
  output: { path: process.cwd() + "/dist", filename: "main.cjs", library: { type: "commonjs2" } },
  resolve: { extensions: [".ts", ".js"] }, externals: { "ts-autotrace": "commonjs ts-autotrace" },
  plugins: [autotrace()],
}, (error, stats) => (error || stats.hasErrors() ? reject(error ?? stats.toString()) : resolve())));`,
  },
  rspack: {
    output: "dist/main.cjs",
    script: `import { rspack } from "@rspack/core";
import autotrace from "ts-autotrace/rspack";
await new Promise((resolve, reject) => rspack({
  mode: "none", target: "node", devtool: "source-map", context: process.cwd(), entry: "./src/main.ts",
  output: { path: process.cwd() + "/dist", filename: "main.cjs", library: { type: "commonjs2" } },
  resolve: { extensions: [".ts", ".js"] }, externals: { "ts-autotrace": "commonjs ts-autotrace" },
  plugins: [autotrace()],
}, (error, stats) => (error || stats.hasErrors() ? reject(error ?? stats.toString()) : resolve())));`,
  },
};

/** Builds the sample with `tool`'s script; returns the project folder. */
export function buildWith(tool: string, node = process.execPath): string {
  const { script, output } = BUILDS[tool]!;
  const dir = sampleProject(`${tool}-${path.basename(node)}-${process.pid}`, {
    "build.mjs": script,
  });
  const result = run(node, ["build.mjs"], { cwd: dir });
  if (result.status !== 0)
    throw new Error(`${tool} build failed\n${result.stdout}${result.stderr}`);
  expect(fs.existsSync(path.join(dir, output))).toBe(true);
  return path.join(dir, output);
}

describe.each(Object.keys(BUILDS))("ts-autotrace/%s", (tool) => {
  it("builds a bundle whose functions are traced, with stack lines of the .ts source", () => {
    const bundle = buildWith(tool);
    // expectTraced checks tracedFunctions is 2: a file instrumented twice would load 4.
    expectTraced(runSample(path.dirname(path.dirname(bundle)), [bundle]));
  });
});

describe.each(NODES.slice(1))("the bundler plugins on node $major", ({ bin }) => {
  it.each(Object.keys(BUILDS))("ts-autotrace/%s builds and the bundle runs traced", (tool) => {
    const bundle = buildWith(tool, bin);
    expectTraced(runSample(path.dirname(path.dirname(bundle)), [bundle], bin));
  });
});

describe.each(["vite", "rollup", "esbuild"])("ts-autotrace/%s with a bad config", (tool) => {
  it("fails the build with the config's message", () => {
    const dir = sampleProject(`${tool}-bad-config`, {
      "build.mjs": BUILDS[tool]!.script,
      "tracing.config.json": "{ not json",
    });
    const result = run(process.execPath, ["build.mjs"], { cwd: dir });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/tracing\.config\.json[\s\S]*is not valid JSON/);
  });
});
