/**
 * Living with a program's own OpenTelemetry set-up (@opentelemetry/sdk-node
 * with the HTTP instrumentation): by default ts-autotrace uses the program's
 * registered provider, so there is one pipeline; TRACING_EXPORTER makes it
 * export separately. Either way a traced call made while serving a request is
 * a child of the instrumentation's server span.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ReceivedSpan } from "./helpers/otlp-decode";
import { startOtlpReceiver, type OtlpReceiver } from "./helpers/otlp-receiver";
import { runProgram, writeProgram, type ProgramRun } from "./helpers/traced-program";

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

/** Serves one request on 127.0.0.1:0, with a traced call and a withSpan inside the handler. */
const SDK_APP = writeProgram(`const { NodeSDK } = require("@opentelemetry/sdk-node");
const { HttpInstrumentation } = require("@opentelemetry/instrumentation-http");
const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-grpc");
const { SimpleSpanProcessor } = require("@opentelemetry/sdk-trace-base");
const sdk = new NodeSDK({
  serviceName: "sdk-app",
  spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: process.env.RECEIVER }))],
  instrumentations: [new HttpInstrumentation()],
});
sdk.start();
const http = require("node:http");
const rt = require("ts-autotrace");
const render = rt.site({ service: "config-app", name: "render", function: "render", file: "src/render.ts", line: 4 });

const server = http.createServer((request, response) => {
  const body = rt.trace(render, () => rt.withSpan("load", { step: 1 }, () => "hello"));
  response.end(body);
});
server.listen(0, "127.0.0.1", () => {
  http.get("http://127.0.0.1:" + server.address().port + "/page", (response) => {
    let text = "";
    response.on("data", (chunk) => (text += chunk));
    response.on("end", async () => {
      console.log(text);
      server.close();
      await rt.shutdownTracing();
      await sdk.shutdown();
    });
  });
});
`);

async function runSdkApp(
  env: Record<string, string>,
): Promise<{ run: ProgramRun; spans: ReceivedSpan[] }> {
  const run = await runProgram(SDK_APP, {
    RECEIVER: receiver.grpcUrl,
    OTEL_METRICS_EXPORTER: "none",
    OTEL_LOGS_EXPORTER: "none",
    ...env,
  });
  expect(run.stdout).toBe("hello\n");
  expect(run.status).toBe(0);
  // server + client span from the instrumentation, render + load from ts-autotrace
  await receiver.waitForSpans(4);
  await new Promise((resolve) => setTimeout(resolve, 200)); // a duplicate would show up by now
  return { run, spans: receiver.spans };
}

function named(spans: ReceivedSpan[], name: string): ReceivedSpan {
  const found = spans.filter((s) => s.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The HTTP server span: kind SERVER (2). */
function serverSpan(spans: ReceivedSpan[]): ReceivedSpan {
  const found = spans.filter((s) => s.kind === 2);
  expect(found).toHaveLength(1);
  return found[0];
}

function expectNested(spans: ReceivedSpan[]): void {
  const server = serverSpan(spans);
  const render = named(spans, "render");
  const load = named(spans, "load");
  expect(render.traceId).toBe(server.traceId);
  expect(render.parentSpanId).toBe(server.spanId);
  expect(load.parentSpanId).toBe(render.spanId);
  expect(load.attributes).toEqual({ step: "int:1" });
}

describe("with no TRACING_EXPORTER", () => {
  it("uses the program's provider: one pipeline, the program's resource", async () => {
    const { run, spans } = await runSdkApp({});
    expect(run.stderr).toBe(""); // in particular, no console exporter lines
    expect(spans).toHaveLength(4);
    expectNested(spans);
    for (const span of spans) expect(span.resource["service.name"]).toBe("string:sdk-app");
    expect(named(spans, "render").scope.name).toBe("ts-autotrace");
  });

  it("says so on stderr when TRACING_DEBUG=true", async () => {
    const { run } = await runSdkApp({ TRACING_DEBUG: "true" });
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^\[ts-autotrace\] debug: the program registered its own global tracer provider .* installs no exporter of its own/,
      ),
    ]);
  });
});

describe("with TRACING_EXPORTER set", () => {
  it("exports ts-autotrace's spans itself, still as children of the request", async () => {
    const { run, spans } = await runSdkApp({
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_ENDPOINT: receiver.grpcUrl,
    });
    expect(run.stderr).toBe("");
    expect(spans).toHaveLength(4);
    expectNested(spans);
    expect(named(spans, "render").resource["service.name"]).toBe("string:config-app");
    expect(serverSpan(spans).resource["service.name"]).toBe("string:sdk-app");
  });
});
