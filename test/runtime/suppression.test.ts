import { context } from "@opentelemetry/api";
import { suppressTracing } from "@opentelemetry/core";
import { describe, expect, it } from "vitest";
import {
  getFinishedSpans,
  resetFinishedSpans,
  site,
  trace,
  traceAsync,
  withSpan,
} from "../../runtime/index.js";
import { spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

const suppressed = <T>(work: () => T): T => context.with(suppressTracing(context.active()), work);

describe("a traced call under OpenTelemetry's suppressTracing context", () => {
  it("runs as a plain call: same result, no span", async () => {
    const s = site(spec({ result: true }));
    // Started tracing installs the context manager that carries the suppression.
    trace(s, () => "starts tracing");
    resetFinishedSpans();
    expect(suppressed(() => trace(s, () => "sync"))).toBe("sync");
    await expect(suppressed(() => traceAsync(s, async () => "async"))).resolves.toBe("async");
    expect(suppressed(() => withSpan("manual", {}, () => "manual"))).toBe("manual");
    expect(getFinishedSpans()).toEqual([]);
  });

  it("is traced again outside it", () => {
    const s = site(spec());
    suppressed(() => trace(s, () => 1));
    trace(s, () => 2);
    expect(getFinishedSpans()).toHaveLength(1);
  });
});
