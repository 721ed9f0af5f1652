import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import {
  addEvent,
  getFinishedSpans,
  initializeTracing,
  resetFinishedSpans,
  setAttributes,
  shutdownTracing,
  site,
  trace,
  withSpan,
} from "../../runtime/index.js";
import { onlySpan, sleep, spanNamed, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

describe("withSpan", () => {
  it("runs a sync function in an active span with the given attributes", () => {
    const inner = site(spec({ name: "inner" }));
    const result = withSpan("step", { phase: "load" }, () => {
      addEvent("loaded", { rows: 3 });
      setAttributes({ cached: true });
      return trace(inner, () => "r");
    });
    expect(result).toBe("r");
    const span = spanNamed("step");
    expect(span.attributes).toEqual({ phase: "load", cached: true });
    expect(span.events.map((e) => [e.name, e.attributes])).toEqual([["loaded", { rows: 3 }]]);
    expect(spanNamed("inner").parentSpanContext?.spanId).toBe(span.spanContext().spanId);
  });

  it("ends an async span when its promise settles and passes the value through", async () => {
    const pending = withSpan("async step", {}, async () => {
      await sleep(2);
      addEvent("halfway");
      return 9;
    });
    expect(getFinishedSpans()).toHaveLength(0);
    await expect(pending).resolves.toBe(9);
    expect(onlySpan().events.map((e) => e.name)).toEqual(["halfway"]);
  });

  it("records errors and rethrows the same object, sync and async", async () => {
    const error = new Error("bad");
    expect(() =>
      withSpan("sync", {}, () => {
        throw error;
      }),
    ).toThrow(error);
    await expect(withSpan("async", {}, () => Promise.reject(error))).rejects.toBe(error);
    for (const span of getFinishedSpans()) {
      expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "bad" });
    }
    expect(getFinishedSpans()).toHaveLength(2);
  });

  it("attaches events and attributes to the traced function's span", () => {
    trace(site(spec({ name: "traced" })), () => {
      addEvent("inside");
      setAttributes({ user: "u1" });
    });
    expect(onlySpan().events[0].name).toBe("inside");
    expect(onlySpan().attributes.user).toBe("u1");
  });
});

describe("without an active span", () => {
  it("addEvent and setAttributes do nothing", () => {
    expect(() => {
      addEvent("orphan");
      setAttributes({ a: 1 });
    }).not.toThrow();
    expect(getFinishedSpans()).toEqual([]);
  });
});

describe("finished spans", () => {
  it("resetFinishedSpans empties the list", () => {
    withSpan("one", {}, () => 1);
    expect(getFinishedSpans()).toHaveLength(1);
    resetFinishedSpans();
    expect(getFinishedSpans()).toEqual([]);
  });

  it("are not kept by other exporters", () => {
    initializeTracing({ exporter: "none" });
    withSpan("one", {}, () => 1);
    expect(getFinishedSpans()).toEqual([]);
  });
});

describe("shutdownTracing", () => {
  it("can be called twice, and tracing afterwards starts again lazily", async () => {
    withSpan("before", {}, () => 1);
    await shutdownTracing();
    await expect(shutdownTracing()).resolves.toBeUndefined();
    expect(getFinishedSpans()).toEqual([]);
    expect(trace(site(spec({ name: "after" })), () => 2)).toBe(2);
    expect(onlySpan().name).toBe("after");
  });
});
