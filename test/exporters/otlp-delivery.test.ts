/**
 * Spans over the real wire: a traced program exports to mockotlpserver
 * (Elastic's OTLP receiver, decoding with the official protos) and the test
 * checks what arrived, span by span, over gRPC, HTTP/protobuf, and as the
 * jaeger exporter's default (OTLP/gRPC to TRACING_JAEGER_HOST:PORT).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATUS, type ReceivedSpan } from "./helpers/otlp-decode";
import { startOtlpReceiver, type OtlpReceiver } from "./helpers/otlp-receiver";
import { expectedShopOutput, SPANS_PER_CHECKOUT, writeShopProgram } from "./helpers/shop-program";
import { runProgram } from "./helpers/traced-program";

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

const CHECKOUTS = 5;
const TOTAL = CHECKOUTS * SPANS_PER_CHECKOUT;

/** Each way of reaching the receiver: a name and the environment that selects it. */
const routes: [string, () => Record<string, string>][] = [
  ["otlp over gRPC", () => ({ TRACING_EXPORTER: "otlp", TRACING_OTLP_ENDPOINT: receiver.grpcUrl })],
  [
    "otlp over HTTP/protobuf",
    () => ({
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: receiver.httpUrl,
    }),
  ],
  [
    "otlp over HTTP/protobuf, chosen by the standard OTEL_* variables",
    () => ({
      TRACING_EXPORTER: "otlp",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.httpUrl}/v1/traces`,
    }),
  ],
  [
    "jaeger (OTLP by default)",
    () => ({
      TRACING_EXPORTER: "jaeger",
      TRACING_JAEGER_HOST: "127.0.0.1",
      TRACING_JAEGER_PORT: String(receiver.grpcPort),
    }),
  ],
];

describe.each(routes)("%s", (_name, env) => {
  let spans: ReceivedSpan[];
  let stdout: string;

  // One run per route; the tests below look at it from different sides.
  beforeAll(async () => {
    receiver.reset();
    const run = await runProgram(writeShopProgram({ checkouts: CHECKOUTS }), env());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    stdout = run.stdout;
    spans = await receiver.waitForSpans(TOTAL);
  });

  it("leaves the program's output alone", () => {
    expect(stdout).toBe(expectedShopOutput(CHECKOUTS));
  });

  it("delivers every span exactly once", async () => {
    // Give a duplicate the chance to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.spans).toHaveLength(TOTAL);
    expect(new Set(spans.map((s) => s.spanId)).size).toBe(TOTAL);
    const names = spans.map((s) => s.name).sort();
    expect(names.filter((n) => n === "Cart.checkout")).toHaveLength(CHECKOUTS);
    expect(names.filter((n) => n === "price")).toHaveLength(CHECKOUTS);
    expect(names.filter((n) => n === "pay")).toHaveLength(CHECKOUTS);
  });

  it("links children to their parent within one trace per checkout", () => {
    const roots = spans.filter((s) => s.name === "Cart.checkout");
    expect(new Set(roots.map((r) => r.traceId)).size).toBe(CHECKOUTS);
    for (const root of roots) {
      expect(root.parentSpanId).toBeUndefined();
      const children = spans.filter((s) => s.parentSpanId === root.spanId);
      expect(children.map((c) => c.name).sort()).toEqual(["pay", "price"]);
      expect(children.every((c) => c.traceId === root.traceId)).toBe(true);
    }
  });

  it("sends attributes with their types, the resource and the scope", () => {
    const root = spans.find(
      (s) => s.name === "Cart.checkout" && s.attributes["args.qty"] === "int:2",
    );
    expect(root?.attributes).toEqual({
      team: "string:payments",
      tier: "int:2",
      "code.function.name": "string:Cart.checkout",
      "code.file.path": "string:src/cart.ts",
      "code.line.number": "int:12",
      "args.qty": "int:2",
      "args.gift": "bool:true",
      "args.note": "string:order 1",
      result: 'string:{"cents":500,"paid":"ok"}',
    });
    expect(root?.resource).toMatchObject({
      "service.name": "string:shop-config",
      "telemetry.sdk.language": "string:nodejs",
      "telemetry.sdk.name": "string:opentelemetry",
    });
    expect(root?.scope).toEqual({ name: "ts-autotrace", version: "0.1.0" });
    expect(root?.kind).toBe(1); // SPAN_KIND_INTERNAL
  });

  it("sends events, and the error status with the exception of a failed call", () => {
    const priced = spans.find((s) => s.name === "Cart.checkout")?.events;
    expect(priced).toEqual([
      { name: "priced", attributes: { cents: expect.stringMatching(/^int:\d+$/) } },
    ]);
    const failed = spans.filter((s) => s.status.code === STATUS.ERROR);
    expect(failed.map((s) => [s.name, s.status.message])).toEqual([["pay", "limit exceeded"]]);
    expect(failed[0].events[0]).toMatchObject({
      name: "exception",
      attributes: {
        "exception.type": "string:RangeError",
        "exception.message": "string:limit exceeded",
      },
    });
    const succeeded = spans.filter((s) => s.status.code !== STATUS.ERROR);
    expect(succeeded.every((s) => s.status.code === STATUS.UNSET)).toBe(true);
  });
});
