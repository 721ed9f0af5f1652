/**
 * TRACING_EXPORTER=jaeger with TRACING_JAEGER_PROTOCOL=udp or http reaches the
 * Thrift exporter (runtime/exporters/jaeger-thrift-exporter.ts), through the
 * same batching and health accounting as the other network exporters. The
 * receiver decodes with Apache Thrift, independently of the exporter.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startJaegerReceiver, type JaegerReceiver } from "./jaeger-receiver/receiver";
import { healthOf, PRINT_HEALTH_ON_EXIT } from "./helpers/health-probe";
import { expectedShopOutput, SPANS_PER_CHECKOUT, writeShopProgram } from "./helpers/shop-program";
import { runProgram } from "./helpers/traced-program";

let receiver: JaegerReceiver;
beforeEach(async () => {
  receiver = await startJaegerReceiver();
});
afterEach(() => receiver.close());

const CHECKOUTS = 2;
const SPANS = CHECKOUTS * SPANS_PER_CHECKOUT;
const program = writeShopProgram({ checkouts: CHECKOUTS, prelude: PRINT_HEALTH_ON_EXIT });

describe.each([
  ["udp", () => receiver.udpPort, () => receiver.emits.map((e) => e.batch)],
  ["http", () => receiver.httpPort, () => receiver.posts.map((p) => p.batch)],
] as const)("TRACING_JAEGER_PROTOCOL=%s", (protocol, port, batches) => {
  it("delivers every span, with the service name, through the batch processor", async () => {
    const run = await runProgram(program, {
      TRACING_EXPORTER: "jaeger",
      TRACING_JAEGER_PROTOCOL: protocol,
      TRACING_JAEGER_HOST: "127.0.0.1",
      TRACING_JAEGER_PORT: String(port()),
    });
    expect(run.stdout).toBe(expectedShopOutput(CHECKOUTS));
    expect(run.warnings).toEqual([]);
    const spans = await receiver.waitForSpans(SPANS);
    expect(receiver.errors).toEqual([]);
    expect(spans.map((s) => s.operationName).sort()).toEqual([
      "Cart.checkout",
      "Cart.checkout",
      "pay",
      "pay",
      "price",
      "price",
    ]);
    expect(batches().every((b) => b.process.serviceName === "shop-config")).toBe(true);
    expect(healthOf(run)).toMatchObject({
      exporter: "jaeger",
      spansExported: SPANS,
      spansDropped: 0,
    });
  });
});
