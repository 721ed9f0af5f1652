/** One side of the comparison: copy, build, count, test. */
import * as fs from "node:fs";
import * as path from "node:path";
import { countCallSites, instrumentedBuildCommand, type OurBuild } from "./instrument";
import type { AcceptanceOptions } from "./options";
import { makeScratchCopy } from "./scratch-copy";
import { runCommand } from "./run-command";
import { readTestCounts, withJsonReport, type TestCounts } from "./test-results";

export interface Tooling extends OurBuild {
  /** Our built runtime, which each instrumented copy gets installed. */
  runtime: string;
  spanCountPreload: string;
}

export interface VariantResult {
  name: "plain" | "instrumented";
  dir: string;
  buildCommand: string;
  testCommand: string;
  buildOk: boolean;
  buildSeconds: number;
  buildLog: string;
  /** Lines of the build output that ts-autotrace wrote (warnings). */
  transformerWarnings: number;
  functionsInstrumented: number;
  testSeconds: number;
  testLog: string;
  testExitCode: number | null;
  tests: TestCounts | undefined;
  spans: { count: number; processes: number; source: string } | undefined;
}

export function runVariant(
  name: VariantResult["name"],
  options: AcceptanceOptions,
  scratch: string,
  tooling: Tooling,
): VariantResult {
  const dir = path.join(scratch, name);
  makeScratchCopy(options.repo, dir);
  options.prepare?.(dir);
  const instrumented = name === "instrumented";
  const buildCommand = instrumented
    ? instrumentedBuildCommand(dir, options.build, options.files, tooling)
    : options.build;
  const build = runCommand(buildCommand, dir, path.join(scratch, `${name}.build.log`));
  const result: VariantResult = {
    name,
    dir,
    buildCommand,
    testCommand: "",
    buildOk: build.ok,
    buildSeconds: build.seconds,
    buildLog: build.log,
    transformerWarnings: countWarnings(build.log),
    functionsInstrumented: countCallSites(dir),
    testSeconds: 0,
    testLog: "",
    testExitCode: null,
    tests: undefined,
    spans: undefined,
  };
  if (!build.ok) return result;

  const report = path.join(scratch, `${name}.tests.json`);
  const spanFile = path.join(scratch, `${name}.spans.txt`);
  result.testCommand = withJsonReport(options.test, report);
  const env = instrumented ? tracingEnv(dir, tooling, spanFile) : process.env;
  const tests = runCommand(result.testCommand, dir, path.join(scratch, `${name}.tests.log`), env);
  result.testSeconds = tests.seconds;
  result.testLog = tests.log;
  result.testExitCode = tests.exitCode;
  result.tests = readTestCounts(report, tests.log);
  if (instrumented) result.spans = readSpanCounts(spanFile);
  return result;
}

function tracingEnv(dir: string, tooling: Tooling, spanFile: string): NodeJS.ProcessEnv {
  const preload = `--require ${JSON.stringify(tooling.spanCountPreload)}`;
  return {
    // Spans are counted through tracingHealth(), not read back, so each test
    // process keeps only the last 1,000 (unless the caller says otherwise).
    // With the default 10,000, one yaml worker aborts inside V8 near the stack
    // limit (README, "Acceptance"); the count of spans is the same either way.
    TRACING_IN_MEMORY_MAX_SPANS: "1000",
    ...process.env,
    TRACING_EXPORTER: "in_memory",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" "),
    AUTOTRACE_SPAN_COUNT_FILE: spanFile,
    // The copy the tests load (see installRuntime), not a newer build of ours.
    AUTOTRACE_RUNTIME: path.join(
      dir,
      "node_modules",
      "ts-autotrace",
      "dist",
      "runtime",
      "index.js",
    ),
  };
}

function readSpanCounts(file: string): VariantResult["spans"] {
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, "utf8").trim().split("\n").filter(Boolean);
  const counts = lines.map((line) => line.split(" "));
  const bad = counts.find(([, count]) => !/^\d+$/.test(count));
  if (bad !== undefined) throw new Error(`span counter failed in process ${bad.join(" ")}`);
  return {
    count: counts.reduce((sum, [, count]) => sum + Number(count), 0),
    processes: counts.length,
    source: [...new Set(counts.map(([, , source]) => source))].join(", "),
  };
}

function countWarnings(log: string): number {
  return fs
    .readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => line.includes("ts-autotrace")).length;
}
