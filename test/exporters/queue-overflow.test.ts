/**
 * A program that makes spans faster than the collector takes them: the batch
 * queue (OTEL_BSP_MAX_QUEUE_SIZE) caps memory, the spans beyond it are dropped,
 * counted and reported once, and the program does not notice.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { healthOf, PRINT_HEALTH_ON_EXIT } from "./helpers/health-probe";
import { startOtlpReceiver, type OtlpReceiver } from "./helpers/otlp-receiver";
import { runProgram, writeProgram } from "./helpers/traced-program";

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

/** 100 traced calls in one synchronous burst: no export can finish in between. */
const BURST = writeProgram(`const rt = require("ts-autotrace");
${PRINT_HEALTH_ON_EXIT}
const tick = rt.site({ name: "tick", function: "tick", file: "src/tick.ts", line: 1 });
let sum = 0;
for (let i = 0; i < 100; i++) sum += rt.trace(tick, () => i);
console.log(sum);
`);

it("drops what does not fit the queue, counts it, and warns once", async () => {
  const run = await runProgram(BURST, {
    TRACING_EXPORTER: "otlp",
    TRACING_OTLP_ENDPOINT: receiver.grpcUrl,
    OTEL_BSP_MAX_QUEUE_SIZE: "10",
  });
  expect(run.stdout).toBe("4950\n");
  expect(run.status).toBe(0);
  // The 10th span fills a batch, which leaves for export; 10 more wait in
  // the queue behind it; the remaining 80 find the queue full.
  const health = healthOf(run);
  expect(health).toMatchObject({ spansStarted: 100, spansExported: 20, spansDropped: 80 });
  expect(health.lastExportError).toBeUndefined(); // nothing failed: the queue was full
  expect(run.warnings).toEqual([
    `[ts-autotrace] warning: spans for OTLP/gRPC ${receiver.grpcUrl} are being dropped: the ` +
      "export queue is full (OTEL_BSP_MAX_QUEUE_SIZE=10), the exporter cannot keep up; the " +
      "program is not affected, tracingHealth() counts the dropped spans",
  ]);
  expect(await receiver.waitForSpans(20)).toHaveLength(20);
});
