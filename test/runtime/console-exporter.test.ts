import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConsoleLineExporter } from "../../runtime/exporters/console-exporter";
import {
  getFinishedSpans,
  initializeTracing,
  shutdownTracing,
  site,
  trace,
} from "../../runtime/index.js";
import { captureStderr, spec } from "./helpers";

// TRACING_CONSOLE_FORMAT=lines: the one-line-per-span format these tests pin.
beforeEach(() => {
  vi.stubEnv("TRACING_CONSOLE_FORMAT", "lines");
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await shutdownTracing();
});

function runNestedCalls(): void {
  const outer = site(spec({ name: "Cart.checkout", file: "src/cart.ts", line: 12, args: ["qty"] }));
  const inner = site(spec({ name: "Cart.price", result: true, attributes: { tier: "gold plan" } }));
  trace(outer, () => trace(inner, () => 3), [2]);
}

describe("console exporter", () => {
  it("prints one line per span on stderr, children indented under the same trace id", () => {
    const stderr = captureStderr();
    initializeTracing({ exporter: "console", serviceName: "shop" });
    runNestedCalls();
    const [inner, outer] = stderr.lines();
    expect(outer).toMatch(
      /^\[trace ([0-9a-f]{8})\] {2}shop {2}Cart\.checkout {2}\d+\.\d\d ms {2}OK {2}code\.file\.path=src\/cart\.ts:12 args\.qty=2$/,
    );
    expect(inner).toMatch(
      /^\[trace [0-9a-f]{8}\] {2}shop {2}└ Cart\.price {2}[\d.]+ ms {2}OK {2}tier="gold plan" code\.file\.path=src\/test\.ts:\d+ result=3$/,
    );
    expect(inner.slice(0, 16)).toBe(outer.slice(0, 16));
    expect(getFinishedSpans()).toEqual([]);
  });

  it("shows errors with their message and events by name", () => {
    const stderr = captureStderr();
    initializeTracing({ exporter: "console" });
    expect(() =>
      trace(site(spec({ name: "Pay" })), () => {
        throw new Error("card declined");
      }),
    ).toThrow("card declined");
    expect(stderr.lines()[0]).toMatch(
      / {2}Pay {2}[\d.]+ ms {2}ERROR\(card declined\) .* !exception$/,
    );
  });

  it("writes to the sink it is given and reports success", () => {
    initializeTracing({ exporter: "in_memory" });
    trace(site(spec({ name: "A" })), () => 1);
    trace(site(spec({ name: "B" })), () => 1);
    const written: string[] = [];
    const done = vi.fn<(result: ExportResult) => void>();
    new ConsoleLineExporter({ write: (text: string) => written.push(text) }).export(
      getFinishedSpans(),
      done,
    );
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/ {2}A {2}.*\n$/);
    expect(written[1]).toMatch(/ {2}B {2}.*\n$/);
    expect(done).toHaveBeenCalledWith({ code: ExportResultCode.SUCCESS });
  });
});
