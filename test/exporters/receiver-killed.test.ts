/**
 * The collector goes away while the program runs: what was sent before
 * arrives, what comes after is counted as dropped, one warning says so, and
 * the program carries on exactly as it would untraced.
 */
import { expect, it } from "vitest";
import { healthOf, PRINT_HEALTH_ON_EXIT } from "./helpers/health-probe";
import { startOtlpReceiver } from "./helpers/otlp-receiver";
import { expectedShopOutput, SPANS_PER_CHECKOUT, writeShopProgram } from "./helpers/shop-program";
import { runProgram } from "./helpers/traced-program";

const CHECKOUTS = 8;

it("keeps the program going when the receiver dies mid-run", async () => {
  const receiver = await startOtlpReceiver();
  const program = writeShopProgram({
    checkouts: CHECKOUTS,
    pauseMs: 100,
    prelude: PRINT_HEALTH_ON_EXIT,
  });
  const running = runProgram(program, {
    TRACING_EXPORTER: "otlp",
    TRACING_OTLP_ENDPOINT: receiver.grpcUrl,
    OTEL_BSP_SCHEDULE_DELAY: "10",
  });
  const before = (await receiver.waitForSpans(SPANS_PER_CHECKOUT)).length;
  await receiver.close();
  const run = await running;

  expect(run.stdout).toBe(expectedShopOutput(CHECKOUTS));
  expect(run.status).toBe(0);
  expect(run.durationMs).toBeLessThan(6000);
  expect(run.warnings).toEqual([
    expect.stringContaining(
      `exporting spans to OTLP/gRPC ${receiver.grpcUrl} failed (Error: 14 UNAVAILABLE`,
    ),
  ]);
  const health = healthOf(run);
  expect(health.spansStarted).toBe(CHECKOUTS * SPANS_PER_CHECKOUT);
  expect(health.spansExported).toBe(receiver.spans.length);
  expect(health.spansExported).toBeGreaterThanOrEqual(before);
  expect(health.spansDropped).toBe(health.spansStarted - health.spansExported);
  expect(health.spansDropped).toBeGreaterThan(0);
});
