/**
 * `node --import ts-autotrace/register` with the real runtimes: .ts run by
 * Node itself (ES module and CommonJS projects, on every Node major), under
 * tsx and ts-node, and the JavaScript TypeScript 7's tsc emits (rules name
 * the .ts sources through its .js.map). Spans and stack lines are asserted.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../../helpers/project";
import { BIN, ROOT, run, tracingEnv } from "../../helpers/run";
import { NODES } from "./node-majors";
import { testTools } from "./tools";
import {
  expectTraced,
  mainSource,
  parseSample,
  runSample,
  sampleProject,
  TSC_PROJECT_FILES,
} from "./sample-project";

const REGISTER = ["--import", "ts-autotrace/register"];

describe.each(NODES)("node $major --import ts-autotrace/register", ({ major, bin }) => {
  it("runs a .ts ES module project traced", () => {
    const dir = sampleProject(`register-esm-${major}`);
    expectTraced(runSample(dir, [...REGISTER, "src/main.ts"], bin));
  });

  it("runs a .ts CommonJS project traced", () => {
    const dir = sampleProject(`register-cjs-${major}`, {
      "package.json": { name: "sample-cjs", private: true, type: "commonjs" },
      "src/main.ts": mainSource("./billing"),
    });
    expectTraced(runSample(dir, [...REGISTER, "src/main.ts"], bin));
  });
});

describe("ts-autotrace/register with other TypeScript runners", () => {
  const tsx = (dir: string) =>
    parseSample(
      run(path.join(BIN, "tsx"), [...REGISTER, "src/main.ts"], {
        cwd: dir,
        env: tracingEnv({ TRACING_EXPORTER: "in_memory" }),
      }),
    );

  it("traces under tsx (its CLI, ES module project)", () => {
    expectTraced(tsx(sampleProject("register-tsx")));
  });

  it("traces under tsx with a CommonJS project, each function once", () => {
    const dir = sampleProject("register-tsx-cjs", {
      "package.json": { name: "sample-cjs", private: true, type: "commonjs" },
      "src/main.ts": mainSource("./billing"),
    });
    expectTraced(tsx(dir));
  });

  it("traces under ts-node (-r ts-node/register), its stack traces mapped too", () => {
    const dir = sampleProject("register-ts-node", {
      "package.json": { name: "sample-cjs", private: true, type: "commonjs" },
      "src/main.ts": mainSource("./billing"),
    });
    expectTraced(runSample(dir, ["-r", "ts-node/register", ...REGISTER, "src/main.ts"]));
  });
});

describe("ts-autotrace/register on TypeScript 7 output", () => {
  let tools: Record<string, string>;
  beforeAll(() => {
    tools = testTools();
  }, 600_000);

  it.each(NODES)(
    "traces tsc 7's JavaScript by its .ts sources on node $major",
    ({ major, bin }) => {
      const dir = sampleProject(`register-ts7-${major}`, TSC_PROJECT_FILES);
      const tsc = path.join(tools.ts7!, "node_modules", ".bin", "tsc");
      const build = run(tsc, ["-p", dir]);
      expect(build.status, build.stdout + build.stderr).toBe(0);
      expect(run(tsc, ["--version"]).stdout).toMatch(/Version 7\./);
      expectTraced(runSample(dir, [...REGISTER, "dist/main.js"], bin));
    },
  );

  it("without the register hook, TypeScript 7 output runs untraced and the runtime says so", () => {
    const dir = path.join(ROOT, ".tmp", "integrations", `register-ts7-${NODES[0]!.major}`);
    const result = run(process.execPath, ["dist/main.js"], {
      cwd: dir,
      env: tracingEnv({ TRACING_EXPORTER: "in_memory" }),
    });
    expect(parseSample(result).traced).toBe(0);
    expect(result.stderr).toMatch(/no traced function has been loaded[^\n]*TypeScript 7/);
  });
});

describe("ts-autotrace/register's options", () => {
  it("takes `config` from TS_AUTOTRACE_CONFIG, relative to the tsconfig.json folder", () => {
    const dir = sampleProject("register-config-option", { "tsconfig.json": { include: ["src"] } });
    // Globs are relative to the config file's folder.
    const rules = fs.readFileSync(path.join(dir, "tracing.config.json"), "utf8");
    fs.rmSync(path.join(dir, "tracing.config.json"));
    writeFiles(dir, { "tracing/rules.json": rules.replace('"src/**/*.ts"', '"../src/**/*.ts"') });
    const result = run(process.execPath, ["--enable-source-maps", ...REGISTER, "main.ts"], {
      cwd: path.join(dir, "src"),
      env: tracingEnv({ TRACING_EXPORTER: "in_memory", TS_AUTOTRACE_CONFIG: "tracing/rules.json" }),
    });
    const output = parseSample(result);
    expect(output.spans.map((s) => s.name)).toEqual(["charge", "refuse"]);
    // code.file.path is relative to the config file's folder, as with tspc.
    expect(output.spans[0]!.attributes["code.file.path"]).toBe("../src/billing.ts");
  });
});

describe("ts-autotrace/register with a bad config", () => {
  it("stops with the config's message instead of running untraced", () => {
    const dir = sampleProject("register-bad-config");
    writeFiles(dir, { "tracing.config.json": "{ not json" });
    const result = run(process.execPath, [...REGISTER, "src/main.ts"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/tracing\.config\.json[\s\S]*not valid JSON/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
