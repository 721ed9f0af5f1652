/**
 * The Jaeger Thrift exporter over real sockets: spans go out through
 * @opentelemetry/exporter-jaeger (jaeger-client + thriftrw) and are decoded by an independent
 * receiver (Apache Thrift's compiler and runtime), over UDP as an agent and HTTP as a collector.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { context, SpanStatusCode, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { Thrift } from "thrift";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createJaegerThriftExporter } from "../../runtime/exporters/jaeger-thrift-exporter";
import type { DecodedSpan, DecodedTag } from "./jaeger-receiver/decode";
import { startJaegerReceiver, type JaegerReceiver } from "./jaeger-receiver/receiver";

const ENDPOINT_ENV = "OTEL_EXPORTER_JAEGER_ENDPOINT";

let receiver: JaegerReceiver;
beforeEach(async () => {
  receiver = await startJaegerReceiver();
});
afterEach(async () => {
  await receiver.close();
});

interface SentIds {
  traceId: string;
  parentId: string;
  childId: string;
}

/** A parent and a child with every attribute type, an error status and an event. */
async function sendTrace(exporter: SpanExporter): Promise<SentIds> {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": "jaeger-test" }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer("jaeger-thrift-test", "1.2.3");
  const parent = tracer.startSpan("parent");
  // An explicit parent context: no global context manager is registered by this test.
  const child = tracer.startSpan(
    "child",
    { attributes: { s: "text", i: 42, d: 1.5, b: true } },
    trace.setSpan(context.active(), parent),
  );
  child.addEvent("cache miss", { key: "user:1", attempt: 2 });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "boom" });
  child.end();
  parent.end();
  await provider.forceFlush();
  await provider.shutdown();
  return {
    traceId: parent.spanContext().traceId,
    parentId: parent.spanContext().spanId,
    childId: child.spanContext().spanId,
  };
}

function tag(span: DecodedSpan, key: string): Omit<DecodedTag, "key"> | undefined {
  const found = span.tags.filter((t) => t.key === key);
  expect(found.length, `tag ${key} at most once`).toBeLessThanOrEqual(1);
  return found[0] && { vType: found[0].vType, value: found[0].value };
}

function assertTrace(spans: DecodedSpan[], sent: SentIds): void {
  expect(receiver.errors).toEqual([]);
  // Every span exactly once.
  expect(spans.map((s) => s.operationName).sort()).toEqual(["child", "parent"]);
  const parent = spans.find((s) => s.operationName === "parent")!;
  const child = spans.find((s) => s.operationName === "child")!;

  for (const span of spans) {
    expect(span.traceIdHigh + span.traceIdLow).toBe(sent.traceId);
  }
  expect(parent.spanId).toBe(sent.parentId);
  expect(child.spanId).toBe(sent.childId);
  expect(child.parentSpanId).toBe(sent.parentId);
  // Jaeger marks a root with parent id 0.
  expect(parent.parentSpanId).toBe("0000000000000000");

  expect(tag(child, "s")).toEqual({ vType: "STRING", value: "text" });
  // jaeger-client types every JavaScript number DOUBLE, integers included; Jaeger shows 42.
  expect(tag(child, "i")).toEqual({ vType: "DOUBLE", value: 42 });
  expect(tag(child, "d")).toEqual({ vType: "DOUBLE", value: 1.5 });
  expect(tag(child, "b")).toEqual({ vType: "BOOL", value: true });
  expect(tag(child, "error")).toEqual({ vType: "BOOL", value: true });
  expect(tag(child, "otel.status_code")).toEqual({ vType: "STRING", value: "ERROR" });
  expect(tag(child, "otel.status_description")).toEqual({ vType: "STRING", value: "boom" });
  expect(tag(parent, "error")).toBeUndefined();
  expect(tag(parent, "otel.status_code")).toBeUndefined();

  expect(parent.logs).toEqual([]);
  expect(child.logs).toHaveLength(1);
  const [log] = child.logs;
  expect(log.fields).toEqual([
    { key: "event", vType: "STRING", value: "cache miss" },
    { key: "key", vType: "STRING", value: "user:1" },
    { key: "attempt", vType: "DOUBLE", value: 2 },
  ]);
  // Both in microseconds; the span's start is rounded to the millisecond, hence the slack.
  expect(log.timestampMicros).toBeGreaterThanOrEqual(child.startTimeMicros);
  expect(log.timestampMicros).toBeLessThanOrEqual(
    child.startTimeMicros + child.durationMicros + 1000,
  );
}

describe("udp, as a Jaeger agent", () => {
  test("delivers one emitBatch with every span, decoded independently", async () => {
    const exporter = createJaegerThriftExporter({
      host: "127.0.0.1",
      port: receiver.udpPort,
      protocol: "udp",
    });
    const sent = await sendTrace(exporter);
    const spans = await receiver.waitForSpans(2);

    expect(receiver.posts).toEqual([]);
    for (const emit of receiver.emits) {
      expect(emit.method).toBe("emitBatch");
      expect(emit.messageType).toBe(Thrift.MessageType.ONEWAY);
      expect(emit.batch.process.serviceName).toBe("jaeger-test");
    }
    assertTrace(spans, sent);
  });

  test("stays on UDP when OTEL_EXPORTER_JAEGER_ENDPOINT is set, and leaves it set", async () => {
    // Points at the receiver's own collector, so a switch to HTTP would show as a post.
    const endpoint = `http://127.0.0.1:${receiver.httpPort}/api/traces`;
    const saved = process.env[ENDPOINT_ENV];
    process.env[ENDPOINT_ENV] = endpoint;
    try {
      const exporter = createJaegerThriftExporter({
        host: "127.0.0.1",
        port: receiver.udpPort,
        protocol: "udp",
      });
      expect(process.env[ENDPOINT_ENV]).toBe(endpoint);
      const sent = await sendTrace(exporter);
      assertTrace(await receiver.waitForSpans(2), sent);
      expect(receiver.posts).toEqual([]);
      expect(receiver.emits.length).toBeGreaterThan(0);
    } finally {
      if (saved === undefined) delete process.env[ENDPOINT_ENV];
      else process.env[ENDPOINT_ENV] = saved;
    }
  });
});

describe("http, as a Jaeger collector", () => {
  test("posts a Thrift-binary Batch to /api/traces with every span", async () => {
    const exporter = createJaegerThriftExporter({
      host: "127.0.0.1",
      port: receiver.httpPort,
      protocol: "http",
    });
    const sent = await sendTrace(exporter);
    const spans = await receiver.waitForSpans(2);

    expect(receiver.emits).toEqual([]);
    expect(receiver.posts.length).toBeGreaterThan(0);
    for (const post of receiver.posts) {
      expect(post.path).toBe("/api/traces");
      expect(post.contentType).toBe("application/x-thrift");
      expect(post.batch.process.serviceName).toBe("jaeger-test");
    }
    assertTrace(spans, sent);
  });
});

test("the Jaeger exporter and its Thrift code load only when the function is called", () => {
  // A fresh process, since this one has loaded them already. It compiles the .ts on require
  // with TypeScript's transpileModule, so Node resolves packages from the real file.
  const file = path.resolve(__dirname, "../../runtime/exporters/jaeger-thrift-exporter.ts");
  const script = `
    const ts = require("typescript");
    const fs = require("node:fs");
    require.extensions[".ts"] = (module, filename) => {
      const source = fs.readFileSync(filename, "utf8");
      const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 };
      module._compile(ts.transpileModule(source, { compilerOptions: options }).outputText, filename);
    };
    const packageOf = (file) => {
      const [first, second] = file.split("/node_modules/").pop().split("/");
      return first.startsWith("@") ? first + "/" + second : first;
    };
    const loaded = () => Object.keys(require.cache).filter((f) => f.includes("/node_modules/"))
      .map(packageOf).filter((name) => /exporter-jaeger|^jaeger-client$|^thriftrw$/.test(name));
    const { createJaegerThriftExporter } = require(${JSON.stringify(file)});
    const before = [...new Set(loaded())];
    const exporter = createJaegerThriftExporter(
      { host: "127.0.0.1", port: 6832, protocol: "udp" });
    const after = [...new Set(loaded())];
    console.log(JSON.stringify({ before, after, exports: typeof exporter.export }));
  `;
  const output = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
  const { before, after, exports } = JSON.parse(output) as Record<string, unknown>;
  expect(before).toEqual([]);
  expect(after).toEqual(
    expect.arrayContaining(["@opentelemetry/exporter-jaeger", "jaeger-client", "thriftrw"]),
  );
  expect(exports).toBe("function");
});
