import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import {
  getFinishedSpans,
  initializeTracing,
  site,
  trace,
  traceAsync,
} from "../../runtime/index.js";
import { onlySpan, sleep, spanNamed, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

describe("span from a site", () => {
  it("uses the site's name, code attributes, rule attributes and tracer scope", () => {
    const s = site(
      spec({
        name: "add item",
        function: "Cart.add",
        file: "src/cart.ts",
        line: 12,
        attributes: { team: "shop" },
      }),
    );
    expect(trace(s, () => 41 + 1)).toBe(42);
    const span = onlySpan();
    expect(span.name).toBe("add item");
    expect(span.attributes).toEqual({
      team: "shop",
      "code.function.name": "Cart.add",
      "code.file.path": "src/cart.ts",
      "code.line.number": 12,
    });
    expect(span.instrumentationScope).toEqual({
      name: "ts-autotrace",
      version: "0.1.0",
      schemaUrl: undefined,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("does not let a rule attribute overwrite a code attribute", () => {
    const s = site(spec({ function: "real", attributes: { "code.function.name": "fake" } }));
    trace(s, () => undefined);
    expect(onlySpan().attributes["code.function.name"]).toBe("real");
  });

  it("returns a frozen site", () => {
    const s = site(spec());
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s?.attributes)).toBe(true);
  });
});

describe("nesting", () => {
  it("makes sync calls children of the enclosing traced call", () => {
    const outer = site(spec({ name: "outer" }));
    const inner = site(spec({ name: "inner" }));
    trace(outer, () => trace(inner, () => 1) + trace(inner, () => 2));
    const parent = spanNamed("outer");
    const children = getFinishedSpans().filter((s) => s.name === "inner");
    expect(children).toHaveLength(2);
    for (const child of children) {
      expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
      expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    }
    expect(parent.parentSpanContext).toBeUndefined();
  });

  it("keeps the parent across await, also for concurrent calls", async () => {
    const outer = site(spec({ name: "outer" }));
    const inner = site(spec({ name: "inner" }));
    const child = (ms: number) => traceAsync(inner, async () => sleep(ms));
    const run = () =>
      traceAsync(outer, async () => {
        await sleep(2);
        await child(3);
        return "done";
      });
    await expect(Promise.all([run(), run()])).resolves.toEqual(["done", "done"]);
    const parents = getFinishedSpans().filter((s) => s.name === "outer");
    const parentIds = parents.map((s) => s.spanContext().spanId).sort();
    const childParentIds = getFinishedSpans()
      .filter((s) => s.name === "inner")
      .map((s) => s.parentSpanContext?.spanId)
      .sort();
    expect(childParentIds).toEqual(parentIds);
    expect(parents[0].spanContext().traceId).not.toBe(parents[1].spanContext().traceId);
  });

  it("makes a sync call inside an async one its child", async () => {
    const outer = site(spec({ name: "outer" }));
    const inner = site(spec({ name: "inner" }));
    await traceAsync(outer, async () => {
      await sleep(1);
      return trace(inner, () => 1);
    });
    expect(spanNamed("inner").parentSpanContext?.spanId).toBe(
      spanNamed("outer").spanContext().spanId,
    );
  });
});

describe("errors", () => {
  it("records a sync throw and rethrows the same object", () => {
    const s = site(spec());
    const error = new RangeError("too big");
    let caught: unknown;
    try {
      trace(s, () => {
        throw error;
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(error);
    const span = onlySpan();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "too big" });
    expect(span.events.map((e) => e.name)).toEqual(["exception"]);
    expect(span.events[0].attributes?.["exception.type"]).toBe("RangeError");
    expect(span.events[0].attributes?.["exception.message"]).toBe("too big");
  });

  it("rethrows non-Error values unchanged and records them as text", () => {
    const s = site(spec());
    const thrown = { code: 7 };
    let caught: unknown;
    try {
      trace(s, () => {
        throw thrown;
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(thrown);
    // Its own data, as a recorded value: String(thrown) would run its toString.
    expect(getFinishedSpans()[0].status.message).toBe('{"code":7}');
  });

  it("records an async rejection and passes the same promise and reason through", async () => {
    const s = site(spec());
    const error = new Error("nope");
    let bodyPromise: Promise<never> | undefined;
    const returned = traceAsync(s, () => {
      bodyPromise = Promise.reject(error);
      return bodyPromise;
    });
    expect(returned).toBe(bodyPromise);
    await expect(returned).rejects.toBe(error);
    const span = onlySpan();
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "nope" });
    expect(span.events[0].name).toBe("exception");
  });

  it("ends an async span only when the promise settles", async () => {
    const s = site(spec());
    const pending = traceAsync(s, async () => {
      await sleep(5);
      return 1;
    });
    expect(getFinishedSpans()).toHaveLength(0);
    await pending;
    expect(getFinishedSpans()).toHaveLength(1);
  });
});

describe("plain calls", () => {
  it("runs the body plainly when the site is undefined (import cycle)", () => {
    let runs = 0;
    expect(trace(undefined, () => ++runs)).toBe(1);
    expect(runs).toBe(1);
    expect(getFinishedSpans()).toHaveLength(0);
  });

  it("runs async bodies plainly when the site is undefined", async () => {
    const p = Promise.resolve("x");
    expect(traceAsync(undefined, () => p)).toBe(p);
    expect(getFinishedSpans()).toHaveLength(0);
  });

  it("creates no spans and keeps results when disabled", async () => {
    initializeTracing({ exporter: "in_memory", enabled: false });
    const s = site(spec({ result: true, args: ["a"] }));
    const value = { same: true };
    expect(trace(s, () => value, [1])).toBe(value);
    await expect(traceAsync(s, async () => value)).resolves.toBe(value);
    expect(() =>
      trace(s, () => {
        throw new Error("still thrown");
      }),
    ).toThrow("still thrown");
    expect(getFinishedSpans()).toHaveLength(0);
  });

  it("creates no spans with the none exporter", () => {
    initializeTracing({ exporter: "none" });
    expect(trace(site(spec()), () => 5)).toBe(5);
    initializeTracing({ exporter: "in_memory" });
    expect(getFinishedSpans()).toHaveLength(0);
  });
});
