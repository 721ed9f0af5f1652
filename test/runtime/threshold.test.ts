import { describe, expect, it } from "vitest";
import { getFinishedSpans, site, trace, traceAsync } from "../../runtime/index.js";
import { captureStderr, sleep, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: a sync function that is slow
  }
}

describe("thresholdMs", () => {
  it("adds a threshold_exceeded event and warns once per function", () => {
    const stderr = captureStderr();
    const s = site(spec({ function: "Cart.slow", thresholdMs: 5 }));
    trace(s, () => busyWait(8));
    trace(s, () => busyWait(8));
    const [first, second] = getFinishedSpans();
    for (const span of [first, second]) {
      const event = span.events.find((e) => e.name === "threshold_exceeded");
      expect(event?.attributes?.threshold_ms).toBe(5);
      expect(event?.attributes?.duration_ms).toBeGreaterThanOrEqual(8);
    }
    const warnings = stderr.lines().filter((l) => l.includes("Cart.slow"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^\[ts-autotrace\] warning: Cart\.slow took [\d.]+ ms, over its 5 ms threshold \(further slow calls/,
    );
  });

  it("measures async calls until they settle", async () => {
    captureStderr();
    await traceAsync(site(spec({ thresholdMs: 5 })), () => sleep(15));
    expect(getFinishedSpans()[0].events.map((e) => e.name)).toEqual(["threshold_exceeded"]);
  });

  it("adds nothing and stays silent for fast calls", () => {
    const stderr = captureStderr();
    trace(site(spec({ thresholdMs: 1000 })), () => 1);
    expect(getFinishedSpans()[0].events).toHaveLength(0);
    expect(stderr.lines()).toEqual([]);
  });
});
