/**
 * Network exporters are loaded only when chosen: a program on `console` or
 * `none` must not pay for gRPC, protobuf or Thrift at start-up. Each case runs
 * a traced call in a fresh process and lists the modules it loaded.
 */
import { describe, expect, it } from "vitest";
import { runProgram, writeProgram } from "./helpers/traced-program";

const PROBE = writeProgram(`const startedAt = performance.now();
const rt = require("ts-autotrace");
const importMs = performance.now() - startedAt;
const site = rt.site({ name: "probe", function: "probe", file: "src/probe.ts", line: 1 });
rt.trace(site, () => 1);
const heavy = Object.keys(require.cache).filter((file) => /grpc|protobuf|thrift/i.test(file));
console.log(JSON.stringify({ importMs, heavy }));
`);

interface Probe {
  importMs: number;
  heavy: string[];
}

async function probe(env: Record<string, string>): Promise<Probe> {
  const run = await runProgram(PROBE, env);
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as Probe;
}

describe("lazy loading", () => {
  it.each(["console", "none", "in_memory"])(
    "%s loads no gRPC, protobuf or Thrift code",
    async (exporter) => {
      const { heavy, importMs } = await probe({ TRACING_EXPORTER: exporter });
      expect(heavy).toEqual([]);
      expect(importMs).toBeLessThan(1000); // typically ~40 ms; the bound only catches a gross regression
    },
  );

  it("otlp loads them when the first span starts (so the check above can fail)", async () => {
    // Port 9 (discard) is closed: the export fails, which does not matter here.
    const { heavy } = await probe({
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_ENDPOINT: "http://127.0.0.1:9",
    });
    expect(heavy.some((file) => file.includes("exporter-trace-otlp-grpc"))).toBe(true);
  });
});
