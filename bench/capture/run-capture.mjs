// Section "capture": what recording a huge argument costs next to a small one.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { compile } from "../calls/build-subjects.mjs";
import { runChild } from "../lib/child.mjs";
import { BENCH } from "../lib/paths.mjs";
import { median, medianRatio, round } from "../lib/stats.mjs";
import { CAPTURE_DIR, VALUES } from "./values.mjs";

const require = createRequire(import.meta.url);
const CHILD = join(BENCH, "capture", "capture-child.mjs");
const PROCESSES = 2;

function buildSubject() {
  const { createTransformer } = require("ts-autotrace/transformer");
  mkdirSync(CAPTURE_DIR, { recursive: true });
  const config = join(CAPTURE_DIR, "tracing.config.json");
  writeFileSync(
    config,
    JSON.stringify({ rules: [{ files: "*.ts", functions: ["*"], includeArgs: true }] }),
  );
  const subject = join(CAPTURE_DIR, "subject.ts");
  copyFileSync(join(BENCH, "capture", "subject.ts"), subject);
  const warnings = [];
  const transformer = createTransformer(undefined, { config, onWarning: (w) => warnings.push(w) });
  writeFileSync(join(CAPTURE_DIR, "subject.js"), compile(subject, transformer));
  if (warnings.length > 0) throw new Error(`transformer warnings:\n${warnings.join("\n")}`);
}

export async function runCapture(log, { scale = 1 } = {}) {
  buildSubject();
  const runs = [];
  for (let p = 0; p < PROCESSES; p++) {
    log(`  capture (process ${p + 1}/${PROCESSES})`);
    runs.push((await runChild(CHILD, { args: [`--scale=${scale}`] })).result);
  }
  const series = (name) => runs.flatMap((r) => r.perRound[name]);
  const baseline = series(VALUES[0][0]);
  return {
    baseline: VALUES[0][0],
    rows: VALUES.map(([name]) => ({
      value: name,
      nsPerCall: round(median(series(name)), 1),
      overBaseline: round(medianRatio(series(name), baseline), 3),
    })),
    firstRecordOf2e5KeysMs: runs.map((r) => round(r.firstRecordOf2e5KeysMs, 1)),
    attributeLengths: runs[0].attributeLengths,
    spansExported: runs.map((r) => r.spansExported),
  };
}
