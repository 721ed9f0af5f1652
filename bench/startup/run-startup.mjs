// Section 4: start-up per exporter, each run in a fresh process.
import { join } from "node:path";
import { runChild } from "../lib/child.mjs";
import { BENCH } from "../lib/paths.mjs";
import { median, round, rotate } from "../lib/stats.mjs";

const ROUNDS = 5;
const CHILD = join(BENCH, "startup", "startup-child.mjs");

export async function runStartup(log, receiver) {
  const endpoint = `http://127.0.0.1:${receiver.port}`;
  const exporters = [
    ["none", {}],
    ["console", {}],
    ["in_memory", {}],
    ["otlp", { TRACING_OTLP_ENDPOINT: endpoint }],
    ["jaeger", { TRACING_JAEGER_HOST: "127.0.0.1", TRACING_JAEGER_PORT: String(receiver.port) }],
  ];
  const runs = Object.fromEntries(exporters.map(([name]) => [name, []]));
  log(`  start-up: ${exporters.length} exporters x ${ROUNDS} rounds`);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, env] of rotate(exporters, r)) {
      const { result, wallMs } = await runChild(CHILD, {
        env: { TRACING_EXPORTER: name, ...env },
      });
      runs[name].push({ ...result, processWallMs: wallMs });
    }
  }
  return exporters.map(([name]) => {
    const rs = runs[name];
    const m = (f) => round(median(rs.map(f)), 1);
    return {
      exporter: name,
      importMs: m((r) => r.importMs),
      firstSpanMs: m((r) => r.firstSpanMs),
      sinceProcessStartMs: m((r) => r.sinceProcessStartMs),
      processWallMs: m((r) => r.processWallMs),
      wirePackages: rs[0].wirePackages,
      spansStarted: rs[0].spansStarted,
      runtimeExporter: rs[0].exporter,
    };
  });
}
