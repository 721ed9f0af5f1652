import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import {
  initializeTracing,
  shutdownTracing,
  site,
  trace,
  tracingHealth,
} from "../../runtime/index.js";
import { captureStderr, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

describe("tracingHealth", () => {
  it("reports the exporter and counts spans", () => {
    const before = tracingHealth();
    expect(before).toMatchObject({ enabled: false, exporter: "not started" });
    for (let i = 0; i < 3; i++) trace(site(spec()), () => i);
    const after = tracingHealth();
    expect(after).toMatchObject({ enabled: true, exporter: "in_memory" });
    expect(after.spansStarted - before.spansStarted).toBe(3);
    expect(after.spansExported - before.spansExported).toBe(3);
    expect(after.destination).toBeUndefined();
  });

  it("counts the spans a custom exporter fails to send, with the error", async () => {
    captureStderr();
    const failing: SpanExporter = {
      export: () => {
        throw new TypeError("no route");
      },
      shutdown: () => Promise.resolve(),
    };
    initializeTracing({ exporter: failing });
    const before = tracingHealth().spansDropped;
    trace(site(spec()), () => 1);
    expect(tracingHealth()).toMatchObject({ exporter: "custom" });
    await shutdownTracing(); // custom exporters are batched: this delivers the batch
    expect(tracingHealth()).toMatchObject({
      lastExportError: "TypeError: no route",
    });
    expect(tracingHealth().spansDropped - before).toBe(1);
  });

  it("says none when tracing is off", () => {
    initializeTracing({ exporter: "none" });
    trace(site(spec()), () => 1);
    expect(tracingHealth()).toMatchObject({ enabled: false, exporter: "none" });
  });
});

describe("shutdownTracing", () => {
  it("returns within 2 s even when the exporter never answers", async () => {
    const stderr = captureStderr();
    const hanging: SpanExporter = {
      export: () => {},
      shutdown: () => new Promise(() => {}),
    };
    initializeTracing({ exporter: hanging });
    trace(site(spec()), () => 1);
    const startedAt = performance.now();
    await shutdownTracing();
    expect(performance.now() - startedAt).toBeLessThan(3500);
    expect(stderr.lines()).toEqual([
      expect.stringMatching(
        /^\[ts-autotrace\] warning: exporting spans failed \(Error: the exporter did not answer within 2000 ms of shutdown\); those spans are dropped/,
      ),
    ]);
  });
});
