import { context, trace as otelTrace, TraceFlags } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { getFinishedSpans, initializeTracing, site, trace, withSpan } from "../../runtime/index.js";
import { state } from "../../runtime/shared/state";
import { spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

afterEach(() => {
  delete process.env.OTEL_TRACES_SAMPLER;
  delete process.env.OTEL_TRACES_SAMPLER_ARG;
});

function useSampler(name: string, arg?: string): void {
  process.env.OTEL_TRACES_SAMPLER = name;
  if (arg !== undefined) process.env.OTEL_TRACES_SAMPLER_ARG = arg;
  initializeTracing({ exporter: "in_memory" });
}

/** A context whose active span is a remote parent, sampled or not. */
function remoteParent(sampled: boolean) {
  return otelTrace.setSpanContext(context.active(), {
    traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
    spanId: "00f067aa0ba902b7",
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote: true,
  });
}

describe("samplers", () => {
  it("always_off makes traced calls plain calls: no span, no context switch", () => {
    useSampler("always_off");
    const s = site(spec());
    let activeSpan: unknown = "unset";
    expect(trace(s, () => ((activeSpan = otelTrace.getActiveSpan()), 5))).toBe(5);
    expect(activeSpan).toBeUndefined();
    expect(state.off).toBe(true);
    expect(getFinishedSpans()).toEqual([]);
  });

  it("parentbased_always_off records only calls under a sampled parent", () => {
    useSampler("parentbased_always_off");
    const s = site(spec({ name: "child" }));
    trace(s, () => 1);
    expect(getFinishedSpans()).toEqual([]);
    context.with(remoteParent(true), () => trace(s, () => 2));
    context.with(remoteParent(false), () => trace(s, () => 3));
    const [span] = getFinishedSpans();
    expect(getFinishedSpans()).toHaveLength(1);
    expect(span.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
    expect(span.spanContext().traceId).toBe("4bf92f3577b34da6a3ce929d0e0e4736");
  });

  it("parentbased_always_on follows a remote parent's decision", () => {
    useSampler("parentbased_always_on");
    const outer = site(spec({ name: "outer" }));
    const inner = site(spec({ name: "inner" }));
    context.with(remoteParent(false), () => trace(outer, () => trace(inner, () => 1)));
    expect(getFinishedSpans()).toEqual([]);
    trace(outer, () => trace(inner, () => 1));
    expect(getFinishedSpans().map((s) => s.name)).toEqual(["inner", "outer"]);
  });

  it("parentbased_traceidratio keeps whole traces: a child is recorded exactly when its root is", () => {
    useSampler("parentbased_traceidratio", "0.5");
    const root = site(spec({ name: "root" }));
    const child = site(spec({ name: "child" }));
    for (let i = 0; i < 200; i++) trace(root, () => trace(child, () => i));
    const spans = getFinishedSpans();
    const roots = spans.filter((s) => s.name === "root");
    const children = spans.filter((s) => s.name === "child");
    expect(roots.length).toBeGreaterThan(40); // 100 expected; the bounds only rule out 0% and 100%
    expect(roots.length).toBeLessThan(160);
    expect(children.map((c) => c.parentSpanContext?.spanId).sort()).toEqual(
      roots.map((r) => r.spanContext().spanId).sort(),
    );
  });

  it("traceidratio=0 records nothing, like always_off", () => {
    useSampler("traceidratio", "0");
    withSpan("manual", {}, () => trace(site(spec()), () => 1));
    expect(state.off).toBe(true);
    expect(getFinishedSpans()).toEqual([]);
  });
});
