/**
 * Counting tests. vitest and jest write the same JSON summary when asked
 * (`numPassedTests`, ...), which is sturdier than their console output; other
 * runners fall back to parsing the summary line of the log.
 */
import * as fs from "node:fs";

export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Test files that failed to load or run as a whole. */
  failedFiles: number;
  source: "json" | "log";
}

interface JestStyleSummary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  testResults?: { status?: string; assertionResults?: unknown[] }[];
}

/**
 * Adds a JSON report to a vitest or jest command (it must end with the runner
 * and its arguments), and makes vitest use child processes so the span counter
 * runs in every process that runs tests.
 */
export function withJsonReport(testCommand: string, reportFile: string): string {
  if (/\bvitest\b/.test(testCommand)) {
    return `${testCommand} --pool=forks --reporter=default --reporter=json --outputFile.json='${reportFile}'`;
  }
  if (/\bjest\b/.test(testCommand)) {
    return `${testCommand} --json --outputFile='${reportFile}'`;
  }
  return testCommand;
}

export function readTestCounts(reportFile: string, log: string): TestCounts | undefined {
  if (fs.existsSync(reportFile)) {
    const summary = JSON.parse(fs.readFileSync(reportFile, "utf8")) as JestStyleSummary;
    return {
      passed: summary.numPassedTests,
      failed: summary.numFailedTests,
      skipped: (summary.numPendingTests ?? 0) + (summary.numTodoTests ?? 0),
      // A file that fails to import has no test results, so it counts as no
      // failed test: report it separately.
      failedFiles: (summary.testResults ?? []).filter(
        (file) => file.status === "failed" && (file.assertionResults?.length ?? 0) === 0,
      ).length,
      source: "json",
    };
  }
  return countsFromLog(fs.readFileSync(log, "utf8"));
}

function countsFromLog(text: string): TestCounts | undefined {
  const plain = text.replace(/\u001b\[[0-9;]*m/g, "");
  const count = (pattern: RegExp) => Number(pattern.exec(plain)?.[1] ?? 0);
  // vitest: "Tests  2 failed | 117 passed (119)"; jest: "Tests: 1 failed, 117 passed, 118 total";
  // mocha: "117 passing", "2 failing"; node --test: "# pass 117", "# fail 2".
  const summary = /^\s*Tests:?\s+.*$/m.exec(plain)?.[0];
  if (summary !== undefined) {
    return {
      passed: Number(/(\d+) passed/.exec(summary)?.[1] ?? 0),
      failed: Number(/(\d+) failed/.exec(summary)?.[1] ?? 0),
      skipped: Number(/(\d+) (?:skipped|todo|pending)/.exec(summary)?.[1] ?? 0),
      failedFiles: 0,
      source: "log",
    };
  }
  if (/\d+ passing|# pass \d+/.test(plain)) {
    return {
      passed: count(/(\d+) passing/) || count(/# pass (\d+)/),
      failed: count(/(\d+) failing/) || count(/# fail (\d+)/),
      skipped: count(/(\d+) pending/) || count(/# skipped (\d+)/),
      failedFiles: 0,
      source: "log",
    };
  }
  return undefined;
}
