import { afterEach, describe, expect, it } from "vitest";
import { getFinishedSpans, initializeTracing, site, trace } from "../../runtime/index.js";
import { captureStderr, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("in_memory", () => {
  it("keeps the newest TRACING_IN_MEMORY_MAX_SPANS spans", () => {
    process.env.TRACING_IN_MEMORY_MAX_SPANS = "3";
    initializeTracing({ exporter: "in_memory" });
    for (const name of ["a", "b", "c", "d", "e"]) trace(site(spec({ name })), () => 0);
    expect(getFinishedSpans().map((s) => s.name)).toEqual(["c", "d", "e"]);
    // Past twice the limit the store trims itself; what it returns stays the newest three.
    for (const name of ["f", "g", "h", "i"]) trace(site(spec({ name })), () => 0);
    expect(getFinishedSpans().map((s) => s.name)).toEqual(["g", "h", "i"]);
  });

  it("warns about a bad limit and keeps 10,000", () => {
    const stderr = captureStderr();
    process.env.TRACING_IN_MEMORY_MAX_SPANS = "lots";
    initializeTracing({ exporter: "in_memory" });
    trace(site(spec()), () => 0);
    expect(stderr.lines()).toEqual([
      '[ts-autotrace] warning: TRACING_IN_MEMORY_MAX_SPANS="lots" is not a whole number from 1 up; using 10000',
    ]);
  });
});
