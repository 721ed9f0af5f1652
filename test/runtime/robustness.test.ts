import { ExportResultCode } from "@opentelemetry/core";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CallSiteSpec } from "../../contract";
import {
  getFinishedSpans,
  initializeTracing,
  shutdownTracing,
  site,
  trace,
  traceAsync,
} from "../../runtime/index.js";
import { state } from "../../runtime/state";
import { reportInternalError } from "../../runtime/warn";
import { captureStderr, onlySpan, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

function exporter(exportSpans: SpanExporter["export"]): SpanExporter {
  return { export: exportSpans, shutdown: () => Promise.resolve() };
}

describe("a failing exporter", () => {
  it("throwing in export leaves results alone and warns once", async () => {
    const stderr = captureStderr();
    initializeTracing({
      exporter: exporter(() => {
        throw new Error("collector down");
      }),
    });
    const s = site(spec({ result: true }));
    expect(trace(s, () => "kept")).toBe("kept");
    await expect(traceAsync(s, async () => "kept too")).resolves.toBe("kept too");
    await shutdownTracing(); // custom exporters are batched: this delivers the batch
    expect(stderr.lines()).toEqual([
      "[ts-autotrace] warning: exporting spans failed (Error: collector down); those spans are " +
        "dropped and counted in tracingHealth(), the program is not affected; further export " +
        "failures are not reported",
    ]);
  });

  it("reporting a failed export warns once too", async () => {
    const stderr = captureStderr();
    initializeTracing({
      exporter: exporter((_spans, done) => done({ code: ExportResultCode.FAILED })),
    });
    expect(trace(site(spec()), () => 1)).toBe(1);
    expect(trace(site(spec()), () => 2)).toBe(2);
    await shutdownTracing();
    expect(stderr.lines()).toHaveLength(1);
    expect(stderr.lines()[0]).toMatch(/exporting spans failed \(the exporter reported a failure\)/);
  });
});

describe("a failing span start", () => {
  it("runs the body exactly once and warns once", () => {
    const stderr = captureStderr();
    trace(site(spec()), () => "starts tracing lazily");
    vi.spyOn(state.tracer!, "startSpan").mockImplementation(() => {
      throw new Error("sdk broke");
    });
    let runs = 0;
    const s = site(spec());
    expect(trace(s, () => ++runs)).toBe(1);
    expect(trace(s, () => ++runs)).toBe(2);
    expect(runs).toBe(2);
    expect(stderr.lines()).toHaveLength(1);
    expect(stderr.lines()[0]).toMatch(/tracing failed while starting a span \(Error: sdk broke\)/);
  });
});

describe("a malformed site spec", () => {
  it("yields an undefined site whose calls run plainly", () => {
    const stderr = captureStderr();
    const s = site({ ...spec(), args: 42 } as unknown as CallSiteSpec);
    expect(s).toBeUndefined();
    expect(trace(s, () => "plain")).toBe("plain");
    expect(getFinishedSpans()).toEqual([]);
    expect(stderr.lines()[0]).toMatch(/a traced function could not be prepared/);
  });
});

describe("environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("an unknown TRACING_EXPORTER turns tracing off with one warning", () => {
    const stderr = captureStderr();
    process.env.TRACING_EXPORTER = "zipkin";
    initializeTracing();
    expect(trace(site(spec()), () => 3)).toBe(3);
    initializeTracing();
    expect(trace(site(spec()), () => 4)).toBe(4);
    expect(state.off).toBe(true);
    expect(stderr.lines()).toEqual([
      '[ts-autotrace] warning: TRACING_EXPORTER="zipkin" is not a known exporter (valid: console, otlp, jaeger, file, in_memory, none); tracing is off',
    ]);
  });

  it("TRACING_ENABLED=false is overridden by initializeTracing({ enabled: true })", () => {
    process.env.TRACING_ENABLED = "false";
    initializeTracing({ exporter: "in_memory", enabled: true });
    trace(site(spec()), () => 1);
    expect(getFinishedSpans()).toHaveLength(1);
  });

  it("service name: config < OTEL_SERVICE_NAME < initializeTracing", () => {
    delete process.env.OTEL_SERVICE_NAME;
    const s = site(spec({ service: "from-config" }));
    site(spec({ service: "second-config-loses" }));
    const serviceOf = () => {
      trace(s, () => 1);
      return onlySpan().resource.attributes["service.name"];
    };
    initializeTracing({ exporter: "in_memory" });
    expect(serviceOf()).toBe("from-config");
    process.env.OTEL_SERVICE_NAME = "from-env";
    initializeTracing({ exporter: "in_memory" });
    expect(serviceOf()).toBe("from-env");
    initializeTracing({ exporter: "in_memory", serviceName: "from-code" });
    expect(serviceOf()).toBe("from-code");
  });
});

describe("reconfiguring", () => {
  it("shuts the previous provider down and starts the next one lazily", async () => {
    trace(site(spec()), () => "starts tracing");
    const previous = state.tracing!.provider!;
    const shutdown = vi.spyOn(previous, "shutdown");
    initializeTracing({ exporter: "in_memory" });
    expect(shutdown).toHaveBeenCalledTimes(1);
    expect(state.tracing).toBeUndefined();
    trace(site(spec()), () => "starts again");
    expect(state.tracing!.provider).not.toBe(previous);
  });
});

describe("a stack overflow inside a traced call", () => {
  it("is recorded without reading its stack, and rethrown as is", () => {
    const overflow = new RangeError("Maximum call stack size exceeded");
    let stackReads = 0;
    Object.defineProperty(overflow, "stack", {
      get: () => {
        stackReads++;
        return "RangeError: Maximum call stack size exceeded\n    at deep (x.js:1:1)";
      },
    });
    expect(() =>
      trace(site(spec({ name: "deep" })), () => {
        throw overflow;
      }),
    ).toThrow(overflow);
    const [event] = getFinishedSpans()[0].events;
    expect(event.attributes).toMatchObject({
      "exception.type": "RangeError",
      "exception.message": "Maximum call stack size exceeded",
    });
    expect(event.attributes?.["exception.stacktrace"]).toBeUndefined();
    expect(stackReads).toBe(0);
  });

  it("warns about an overflow in tracing's own work from a fresh stack", async () => {
    const stderr = captureStderr();
    reportInternalError("starting a span", new RangeError("Maximum call stack size exceeded"));
    expect(stderr.lines()).toEqual([]);
    await new Promise((resolve) => process.nextTick(resolve));
    expect(stderr.lines()).toHaveLength(1);
    expect(stderr.lines()[0]).toMatch(
      /tracing failed while starting a span \(RangeError: Maximum call stack/,
    );
  });
});
