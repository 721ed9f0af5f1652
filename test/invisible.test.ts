/**
 * Traced code reads like untraced code: the same stack frames, the same
 * results at the same time, and promise-returning functions traced until
 * their promise settles. Each test runs the fixtures/stack-traces build with
 * and without the transformer side by side (the differential tests run its
 * scenario in every output format).
 */
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadFixture, runtime } from "./helpers/load-fixture";

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are loaded untyped */

const { traced, plain } = loadFixture<any>("stack-traces");
const spans = () => runtime.getFinishedSpans() as ReadableSpan[];
const spanNamed = (name: string) => spans().find((s) => s.name === name)!;

/**
 * `at name` of every frame, file paths left out (the two builds are different
 * files), and without Node's own frames: whether a microtask runs from
 * `processTicksAndRejections` depends on what else the process is doing.
 */
function names(error: unknown): string[] {
  return ((error as Error).stack ?? "")
    .split("\n")
    .slice(1)
    .filter((line) => !line.includes("(node:internal/"))
    .map((line) =>
      line
        .trim()
        .replace(/ \(.*\)$/, "")
        .replace(/^at (file:\/\/)?\/\S+$/, "at <anonymous>"),
    );
}

function frameNames(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    return names(error);
  }
  throw new Error("expected a throw");
}

async function asyncFrameNames(run: () => Promise<unknown>, count: number): Promise<string[]> {
  const error = await run().then(
    () => new Error("expected a rejection"),
    (e: unknown) => e as Error,
  );
  return names(error).slice(0, count);
}

/** Microtask turns until the promise `run` returns has settled and its reaction ran. */
async function ticksOf(run: () => Promise<unknown>): Promise<number> {
  let settled = false;
  void run().then(() => (settled = true));
  let ticks = 0;
  while (!settled) {
    await null;
    ticks++;
  }
  return ticks;
}

beforeAll(() => runtime.initializeTracing({ exporter: "in_memory", serviceName: "invisible" }));
beforeEach(() => runtime.resetFinishedSpans());

describe("sync functions keep their body in place", () => {
  it("an error through 4 traced levels has the plain stack: same frames, names, order", () => {
    const { level1 } = traced;
    const frames = frameNames(() => level1(-1));
    expect(frames.slice(0, 4)).toEqual(["at level4", "at level3", "at level2", "at level1"]);
    const plainLevel1 = plain.level1;
    expect(frames).toEqual(frameNames(() => plainLevel1(-1)));
    expect(spans().map((s) => [s.name, s.status.code])).toEqual(
      ["level4", "level3", "level2", "level1"].map((n) => [n, SpanStatusCode.ERROR]),
    );
  });

  it("a method's top frame is the method's own name", () => {
    const frames = frameNames(() => new traced.Parser().check("x"));
    expect(frames[0]).toBe("at Parser.check");
    expect(frames).toEqual(frameNames(() => new plain.Parser().check("x")));
  });

  it("recursion nests its spans and returns the same", () => {
    expect(new traced.Parser().depth(50)).toBe(50);
    expect(traced.countDown(30)).toBe(30);
    const depth = spans().filter((s) => s.name === "Parser.depth");
    expect(depth).toHaveLength(51);
    const byId = new Map(depth.map((s) => [s.spanContext().spanId, s]));
    expect(depth.filter((s) => !byId.has(s.parentSpanContext?.spanId ?? ""))).toHaveLength(1);
  });
});

describe("generators", () => {
  it("name the inner generator's frames after the function", () => {
    const { syncCount } = traced;
    const iterator = syncCount(1);
    expect(iterator.next()).toEqual({ value: 1, done: false });
    expect([...syncCount(3)]).toEqual([...plain.syncCount(3)]);
    const top = (lib: any) => frameNames(() => [...lib.failAfter(1)])[0];
    expect(top(traced)).toBe(top(plain));
    expect(top(traced)).toMatch(/^at (Object\.)?failAfter$/);
  });
});

describe("async functions", () => {
  it("keep the function's name on the top frame and on `at async` frames, each once more", async () => {
    const tracedFrames = await asyncFrameNames(() => traced.outer(), 6);
    const plainFrames = await asyncFrameNames(() => plain.outer(), 3);
    expect(plainFrames.slice(0, 2)).toEqual(["at inner", "at async middle"]);
    // Each traced level once more: the outer function awaiting its inner arrow.
    const once = (frames: string[]) =>
      frames.filter(
        (f, i) => i === 0 || f.replace("async ", "") !== frames[i - 1].replace("async ", ""),
      );
    expect(tracedFrames[0]).toBe(plainFrames[0]);
    expect(tracedFrames[1]).toBe("at async inner");
    expect(once(tracedFrames)).toEqual(plainFrames);
  });

  it("settle exactly one microtask later per traced level", async () => {
    const one = await ticksOf(() => plain.quick("a"));
    expect(await ticksOf(() => traced.quick("a"))).toBe(one + 1);
    const three = await ticksOf(() => plain.outer().catch(() => 0));
    expect(await ticksOf(() => traced.outer().catch(() => 0))).toBe(three + 3);
  });

  it("so Promise.race against a plain promise settled in the same tick goes the other way", async () => {
    const race = (lib: any) =>
      Promise.race([lib.quick("traced"), Promise.resolve().then(() => "plain")]);
    expect(await race(plain)).toBe("traced");
    expect(await race(traced)).toBe("plain");
  });

  it("async generators: each step settles a fixed number of ticks later (see README)", async () => {
    const stepTicks = async (lib: any) => {
      const iterator = lib.countTo(3);
      const ticks: number[] = [];
      for (let i = 0; i < 4; i++) ticks.push(await ticksOf(() => iterator.next()));
      return ticks;
    };
    const plainTicks = await stepTicks(plain);
    const tracedTicks = await stepTicks(traced);
    expect(tracedTicks.map((t, i) => t - plainTicks[i])).toEqual([2, 2, 2, 3]);
  });

  it("give the caller its own context back when the body first awaits", async () => {
    const pending = traced.quick("later");
    traced.level4(1); // called while quick() is suspended: not quick's child
    await pending;
    expect(spanNamed("level4").parentSpanContext).toBeUndefined();
    expect(spanNamed("quick").parentSpanContext).toBeUndefined();
  });

  it("make their span the parent of calls after an await", async () => {
    await expect(traced.outer()).rejects.toThrow("async deep");
    const id = (name: string) => spanNamed(name).spanContext().spanId;
    expect(spanNamed("inner").parentSpanContext?.spanId).toBe(id("middle"));
    expect(spanNamed("middle").parentSpanContext?.spanId).toBe(id("outer"));
  });
});
