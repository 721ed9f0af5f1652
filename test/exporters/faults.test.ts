/**
 * A collector that is down, slow, or rejecting must not change the traced
 * program: same output, same exit code, no noticeable delay, and one warning
 * that says where the spans were going and why they did not get there.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { healthOf, PRINT_HEALTH_ON_EXIT } from "./helpers/health-probe";
import { closedPort, startHttpSink, type HttpSink } from "./helpers/http-sink";
import { expectedShopOutput, SPANS_PER_CHECKOUT, writeShopProgram } from "./helpers/shop-program";
import { runProgram, type ProgramRun } from "./helpers/traced-program";

const CHECKOUTS = 5;
const SPANS = CHECKOUTS * SPANS_PER_CHECKOUT;

/** Times the checkouts inside the program, so process start-up does not blur the comparison. */
const TIMED_SHOP = writeShopProgram({
  checkouts: CHECKOUTS,
  prelude: `${PRINT_HEALTH_ON_EXIT}
  const workStart = performance.now();`,
  extra: `process.stderr.write("WORK_MS " + Math.round(performance.now() - workStart) + "\\n");
  process.stderr.write("END_AT " + Date.now() + "\\n");`,
});

let untraced: ProgramRun;
beforeAll(async () => {
  untraced = await runProgram(TIMED_SHOP, { TRACING_ENABLED: "false" });
  expect(untraced.stdout).toBe(expectedShopOutput(CHECKOUTS));
});

let sink: HttpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

/** Runs the timed shop; also how long the process lived after its work ended (ms). */
async function runTimed(env: Record<string, string>): Promise<ProgramRun & { exitLagMs: number }> {
  const startedAt = Date.now();
  const run = await runProgram(TIMED_SHOP, env);
  const endAt = Number(/END_AT (\d+)/.exec(run.stderr)?.[1]);
  return { ...run, exitLagMs: startedAt + run.durationMs - endAt };
}

function workMs(run: ProgramRun): number {
  return Number(/WORK_MS (\d+)/.exec(run.stderr)?.[1]);
}

/** What every fault must leave unchanged. */
function expectProgramUnaffected(run: ProgramRun): void {
  expect(run.stdout).toBe(untraced.stdout);
  expect(run.status).toBe(0);
  // The checkouts take a few ms, plus the SDK's first load (up to 0.6 s on a
  // loaded 2-core machine); an export that blocked them would add seconds.
  expect(workMs(run)).toBeLessThan(workMs(untraced) + 1500);
}

describe("a collector that is not there", () => {
  it("over gRPC: fails fast, counts every span as dropped, warns once with the endpoint", async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const run = await runTimed({ TRACING_EXPORTER: "otlp", TRACING_OTLP_ENDPOINT: endpoint });
    expectProgramUnaffected(run);
    expect(run.exitLagMs).toBeLessThan(500);
    expect(run.warnings).toEqual([
      expect.stringContaining(
        `exporting spans to OTLP/gRPC ${endpoint} failed (Error: 14 UNAVAILABLE`,
      ),
    ]);
    expect(healthOf(run)).toMatchObject({
      enabled: true,
      exporter: "otlp",
      spansStarted: SPANS,
      spansExported: 0,
      spansDropped: SPANS,
      lastExportError: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("over HTTP/protobuf: the refusal fails the export at once, no retries keep the process alive", async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const run = await runTimed({
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: endpoint,
    });
    expectProgramUnaffected(run);
    // Retried, the export would keep the process 2 s (the exit cap) after the work.
    expect(run.exitLagMs).toBeLessThan(500);
    expect(run.warnings).toEqual([
      expect.stringContaining(
        `exporting spans to OTLP/HTTP ${endpoint}/v1/traces failed (Error: connect ECONNREFUSED`,
      ),
    ]);
    expect(healthOf(run)).toMatchObject({ spansExported: 0, spansDropped: SPANS });
  });
  it("over HTTPS: the exporter's own agent retries, and the exit flush gives up after 2 s", async () => {
    const endpoint = `https://127.0.0.1:${await closedPort()}`;
    const run = await runTimed({
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: endpoint,
    });
    expectProgramUnaffected(run);
    expect(run.exitLagMs).toBeGreaterThan(1900);
    expect(run.exitLagMs).toBeLessThan(3000);
    expect(run.warnings).toEqual([
      expect.stringContaining(
        `15 spans for OTLP/HTTP ${endpoint}/v1/traces were not delivered within 2000 ms`,
      ),
    ]);
    expect(healthOf(run)).toMatchObject({ spansExported: 0, spansDropped: SPANS });
  });
});

describe("a collector that answers slowly", () => {
  it("never delays a traced call; the process ends within the export timeout", async () => {
    sink = await startHttpSink({ delayMs: 5000 });
    const run = await runProgram(TIMED_SHOP, {
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: sink.url,
      // Export during the run, not only at exit, so calls overlap a hanging export.
      OTEL_BSP_SCHEDULE_DELAY: "1",
    });
    expectProgramUnaffected(run);
    expect(sink.requests).toBeGreaterThan(0);
    // An export in flight keeps the process up to OTEL_EXPORTER_OTLP_TIMEOUT
    // (10 s), then the exit flush may take its 2 s: never longer.
    expect(run.durationMs).toBeLessThan(13_000);
    const health = healthOf(run);
    expect(health.spansExported + health.spansDropped).toBe(SPANS);
    // Whether the 5 s answers arrive before the exit flush gives up depends on
    // the machine's load (seen both ways in CI). Either way nothing is lost
    // silently: dropped spans get one warning that names where they were going.
    const expectedWarnings =
      health.spansDropped > 0
        ? [expect.stringContaining(`spans for OTLP/HTTP ${sink.url}/v1/traces were not delivered`)]
        : [];
    expect(run.warnings).toEqual(expectedWarnings);
  });

  it("gives up on an export after OTEL_EXPORTER_OTLP_TIMEOUT", async () => {
    sink = await startHttpSink({ delayMs: 5000 });
    const run = await runProgram(TIMED_SHOP, {
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: sink.url,
      OTEL_EXPORTER_OTLP_TIMEOUT: "300",
    });
    expectProgramUnaffected(run);
    expect(run.durationMs).toBeLessThan(4000);
    expect(run.warnings).toEqual([
      expect.stringMatching(/exporting spans to OTLP\/HTTP .* failed \(Error: Request timed out\)/),
    ]);
    expect(healthOf(run)).toMatchObject({
      spansDropped: SPANS,
      lastExportError: expect.any(String),
    });
  });
});

describe("a collector that rejects the spans", () => {
  it("counts them as dropped and names the HTTP status", async () => {
    sink = await startHttpSink({ status: 400 });
    const run = await runProgram(TIMED_SHOP, {
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: sink.url,
    });
    expectProgramUnaffected(run);
    expect(run.warnings).toEqual([
      expect.stringMatching(/failed \(OTLPExporterError: Bad Request \(status 400\)\)/),
    ]);
    expect(healthOf(run)).toMatchObject({ spansExported: 0, spansDropped: SPANS });
  });
});
