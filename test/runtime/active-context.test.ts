/** The hot path reads the installed context manager's storage directly; the API must agree with it. */
import { context, trace as otelTrace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { site, trace, traceAsync, withSpan } from "../../runtime/index.js";
import { state } from "../../runtime/shared/state";
import { spanNamed, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

describe("the active context", () => {
  it("is switched through the storage of the context manager ts-autotrace installed", () => {
    trace(site(spec()), () => "starts tracing");
    expect(state.contextStorage).toBeDefined();
  });

  it("is what the OpenTelemetry API sees inside a traced call, sync and across await", async () => {
    const seen: (string | undefined)[] = [];
    const record = () => seen.push(otelTrace.getActiveSpan()?.spanContext().spanId);
    trace(site(spec({ name: "sync" })), record);
    await traceAsync(site(spec({ name: "async" })), async () => {
      await null;
      record();
    });
    expect(seen).toEqual([
      spanNamed("sync").spanContext().spanId,
      spanNamed("async").spanContext().spanId,
    ]);
    expect(otelTrace.getActiveSpan()).toBeUndefined();
  });

  it("takes a span made active through the API as the parent", () => {
    withSpan("outer", {}, () => {
      const outer = otelTrace.getActiveSpan();
      context.with(otelTrace.setSpan(context.active(), outer!), () =>
        trace(site(spec({ name: "inner" })), () => 0),
      );
    });
    expect(spanNamed("inner").parentSpanContext?.spanId).toBe(
      spanNamed("outer").spanContext().spanId,
    );
  });
});
