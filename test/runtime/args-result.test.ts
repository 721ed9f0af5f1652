import { afterEach, describe, expect, it, vi } from "vitest";
import { intrinsics } from "../../runtime/capture/intrinsics";
import { initializeTracing, site, trace, traceAsync } from "../../runtime/index.js";
import { onlySpan, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

describe("includeArgs", () => {
  it("records one attribute per parameter", () => {
    const s = site(spec({ args: ["name", "qty", "gift", "item", "note"] }));
    trace(s, () => 0, ["pen", 2, true, { sku: "p1", tags: ["a"] }, undefined]);
    expect(onlySpan().attributes).toMatchObject({
      "args.name": "pen",
      "args.qty": 2,
      "args.gift": true,
      "args.item": '{"sku":"p1","tags":["a"]}',
      "args.note": "undefined",
    });
  });

  it("turns unserialisable and long values into safe strings without breaking the call", () => {
    const cycle: Record<string, unknown> = {};
    cycle.me = cycle;
    const getter = Object.defineProperty({}, "x", {
      enumerable: true,
      get() {
        throw new Error("getter");
      },
    });
    const s = site(spec({ args: ["cycle", "getter", "long"] }));
    expect(trace(s, () => "ok", [cycle, getter, ["z".repeat(2000)]])).toBe("ok");
    const attrs = onlySpan().attributes;
    expect(attrs["args.cycle"]).toBe('{"me":[Circular]}');
    expect(attrs["args.getter"]).toBe('{"x":[Getter]}');
    expect(attrs["args.long"]).toHaveLength(1024);
  });

  it("records nothing about arguments when the site does not ask for them", () => {
    trace(site(spec()), () => 0, ["secret"]);
    expect(Object.keys(onlySpan().attributes).some((k) => k.startsWith("args."))).toBe(false);
  });
});

describe("includeResult", () => {
  it("records a sync return value and returns it unchanged", () => {
    const value = { total: 3 };
    expect(trace(site(spec({ result: true })), () => value)).toBe(value);
    expect(onlySpan().attributes.result).toBe('{"total":3}');
  });

  it("records the resolved value of an async call", async () => {
    await expect(traceAsync(site(spec({ result: true })), async () => 7)).resolves.toBe(7);
    expect(onlySpan().attributes.result).toBe(7);
  });

  it("does not record a result when the site does not ask for it", () => {
    trace(site(spec()), () => 1);
    expect(onlySpan().attributes.result).toBeUndefined();
  });
});

describe("sampled out", () => {
  afterEach(() => {
    delete process.env.OTEL_TRACES_SAMPLER;
  });

  it("does not serialise arguments or results of spans that are not recorded", () => {
    process.env.OTEL_TRACES_SAMPLER = "always_off";
    initializeTracing({ exporter: "in_memory" });
    // Recording runs no program code, so count the runtime's own key listing.
    const listed = vi.spyOn(intrinsics, "keys");
    const watched = { a: 1 };
    const s = site(spec({ args: ["a"], result: true }));
    expect(trace(s, () => watched, [watched])).toBe(watched);
    expect(listed).not.toHaveBeenCalled();
    trace(site(spec({ args: ["a"] })), () => 0, [watched]);
    expect(listed).not.toHaveBeenCalled();
  });
});
