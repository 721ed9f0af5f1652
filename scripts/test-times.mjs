// Which test files take the time: reads vitest's JSON report and prints each
// file's wall time, slowest first.
//
//   npx vitest run --reporter=json --outputFile=.tmp/test-times.json [files...]
//   node scripts/test-times.mjs [.tmp/test-times.json]
import { readFileSync } from "node:fs";
import * as path from "node:path";

const report = JSON.parse(readFileSync(process.argv[2] ?? ".tmp/test-times.json", "utf8"));
const rows = report.testResults
  .map((file) => ({
    seconds: (file.endTime - file.startTime) / 1000,
    tests: file.assertionResults.length,
    name: path.relative(process.cwd(), file.name),
  }))
  .sort((a, b) => b.seconds - a.seconds);
for (const { seconds, tests, name } of rows) {
  console.log(`${seconds.toFixed(1).padStart(7)} s  ${String(tests).padStart(4)} tests  ${name}`);
}
const total = rows.reduce((sum, row) => sum + row.seconds, 0);
console.log(`${total.toFixed(1).padStart(7)} s  in ${rows.length} files (files run in parallel)`);
