/** The comparison printed at the end, and the verdict. */
import type { VariantResult } from "./run-variant";

export interface Verdict {
  pass: boolean;
  reason: string;
}

export function verdict(plain: VariantResult, traced: VariantResult): Verdict {
  if (!plain.buildOk) return { pass: false, reason: "the plain build failed" };
  if (!traced.buildOk) return { pass: false, reason: "the instrumented build failed" };
  if (plain.tests === undefined || traced.tests === undefined) {
    return { pass: false, reason: "could not count the tests of one of the runs" };
  }
  if (traced.tests.passed < plain.tests.passed) {
    const lost = plain.tests.passed - traced.tests.passed;
    return { pass: false, reason: `the instrumented build passes ${lost} fewer tests` };
  }
  if (traced.tests.failedFiles > plain.tests.failedFiles) {
    return { pass: false, reason: "more test files fail to run when instrumented" };
  }
  return { pass: true, reason: "the instrumented build passes as many tests as the plain one" };
}

export function formatComparison(plain: VariantResult, traced: VariantResult): string {
  const rows: [string, string, string][] = [
    ["build", ok(plain.buildOk, plain.buildSeconds), ok(traced.buildOk, traced.buildSeconds)],
    ["tests passed", count(plain, "passed"), count(traced, "passed")],
    ["tests failed", count(plain, "failed"), count(traced, "failed")],
    ["tests skipped", count(plain, "skipped"), count(traced, "skipped")],
    ["test files that failed to run", count(plain, "failedFiles"), count(traced, "failedFiles")],
    ["test time", seconds(plain.testSeconds), seconds(traced.testSeconds)],
    [
      "functions instrumented",
      String(plain.functionsInstrumented),
      String(traced.functionsInstrumented),
    ],
    ["transformer warnings", "-", String(traced.transformerWarnings)],
    ["spans recorded", "-", spans(traced)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const column = Math.max(12, ...rows.map(([, value]) => value.length)) + 2;
  const line = (cells: [string, string, string]) =>
    `${cells[0].padEnd(width)}  ${cells[1].padEnd(column)}${cells[2]}`;
  return [line(["", "plain", "instrumented"]), ...rows.map(line)].join("\n");
}

function ok(success: boolean, time: number): string {
  return success ? seconds(time) : `FAILED (${seconds(time)})`;
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

function count(result: VariantResult, key: "passed" | "failed" | "skipped" | "failedFiles") {
  return result.tests === undefined ? "?" : String(result.tests[key]);
}

function spans(result: VariantResult): string {
  if (result.spans === undefined) return "? (no process reported)";
  const { count: total, processes, source } = result.spans;
  return `${total.toLocaleString("en-US")} (${processes} processes, ${source})`;
}
