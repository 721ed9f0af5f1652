/**
 * TRACING_CONSOLE_FORMAT: `tree` (the default) prints each finished trace root
 * first with children in start order, errors with type and message, events
 * with their attributes, and prints a trace whose root never ends after a
 * bound; `lines` keeps one line per span; `json` gives one object per span.
 */
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConsoleTreeExporter } from "../../runtime/console/tree-exporter";
import {
  getFinishedSpans,
  initializeTracing,
  shutdownTracing,
  site,
  trace,
  tracingHealth,
} from "../../runtime/index.js";
import { ROOT, run, tracingEnv } from "../helpers/run";
import { captureStderr, sleep, spec } from "../runtime/helpers";

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await shutdownTracing();
});

const checkout = site(
  spec({ name: "Cart.checkout", file: "src/cart.ts", line: 12, args: ["qty"] }),
);
const add = site(spec({ name: "Cart.add", file: "src/cart.ts", line: 20 }));
const price = site(spec({ name: "Cart.price", result: true, attributes: { tier: "gold plan" } }));
const pay = site(spec({ name: "Pay.charge", file: "src/pay.ts", line: 4, thresholdMs: 0 }));

/** checkout → add → price, then checkout → pay (throws a TypeError, caught). */
function runCheckout(): void {
  trace(checkout, () => {
    trace(add, () => trace(price, () => 3));
    try {
      trace(pay, () => {
        throw new TypeError("card declined");
      });
    } catch {
      // the program handles it
    }
  }, [2]);
}

describe("tree (the default)", () => {
  it("prints the trace once its root ends: root first, children in start order, nested", () => {
    const stderr = captureStderr();
    initializeTracing({ exporter: "console", serviceName: "shop" });
    runCheckout();
    const lines = stderr.lines().filter((l) => !l.startsWith("[ts-autotrace] warning"));
    expect(lines[0]).toMatch(/^trace [0-9a-f]{8} {2}shop {2}4 spans$/);
    expect(lines[1]).toMatch(
      /^Cart\.checkout {2}[\d.]+ ms {2}OK {2}src\/cart\.ts:12 {2}args\.qty=2$/,
    );
    expect(lines[2]).toMatch(/^├─ Cart\.add {2}[\d.]+ ms {2}OK {2}src\/cart\.ts:20$/);
    expect(lines[3]).toMatch(
      /^│ {2}└─ Cart\.price {2}[\d.]+ ms {2}OK {2}src\/test\.ts:\d+ {2}tier="gold plan" {2}result=3$/,
    );
    expect(lines[4]).toMatch(
      /^└─ Pay\.charge {2}[\d.]+ ms {2}ERROR TypeError: card declined {2}src\/pay\.ts:4$/,
    );
    expect(lines[5]).toMatch(
      /^ {8}• exception {2}exception\.type=TypeError {2}exception\.message="card declined"$/,
    );
    expect(lines[6]).toMatch(/^ {8}• threshold_exceeded {2}threshold_ms=0 {2}duration_ms=[\d.]+$/);
  });

  it("prints nothing of a trace until its root ends", () => {
    const stderr = captureStderr();
    initializeTracing({ exporter: "console" });
    const before = tracingHealth();
    trace(checkout, () => {
      trace(add, () => 1);
      expect(stderr.lines()).toEqual([]);
      expect(tracingHealth().spansExported).toBe(before.spansExported);
    }, [1]);
    expect(stderr.lines()[0]).toMatch(/^trace [0-9a-f]{8}  .*2 spans$/);
    // Held spans count as delivered only once their trace is printed.
    expect(tracingHealth()).toMatchObject({
      spansExported: before.spansExported + 2,
      spansDropped: before.spansDropped,
    });
  });

  it("prints a trace whose root never ends once the bound has passed, marked as such", async () => {
    initializeTracing({ exporter: "in_memory" });
    runCheckout();
    const withoutRoot = getFinishedSpans().filter((s) => s.name !== "Cart.checkout");
    const written: string[] = [];
    new ConsoleTreeExporter({ write: (text: string) => written.push(text) }, 50).export(
      withoutRoot,
      () => {},
    );
    expect(written).toEqual([]);
    await sleep(1_200);
    expect(written).toHaveLength(1);
    const lines = written[0].split("\n");
    expect(lines[0]).toMatch(
      /^trace [0-9a-f]{8} .*3 spans {2}\(root span still running after 50 ms\)$/,
    );
    // The children are printed as the top of what is known, still in start order.
    expect(lines[1]).toMatch(/^Cart\.add /);
    expect(lines[2]).toMatch(/^└─ Cart\.price /);
    expect(lines[3]).toMatch(/^Pay\.charge .*ERROR TypeError: card declined/);
  });

  it("prints what it holds when tracing shuts down", async () => {
    initializeTracing({ exporter: "in_memory" });
    runCheckout();
    const written: string[] = [];
    const exporter = new ConsoleTreeExporter(
      { write: (text: string) => written.push(text) },
      60_000,
    );
    exporter.export(
      getFinishedSpans().filter((s) => s.name === "Cart.price"),
      () => {},
    );
    await exporter.shutdown();
    expect(written[0]).toMatch(
      /1 span {2}\(tracing shut down before its root span ended\)\nCart\.price /,
    );
  });
});

describe("tree delivery", () => {
  it("finishes each export when its trace is printed, failed when stderr dropped the text", () => {
    initializeTracing({ exporter: "in_memory" });
    runCheckout();
    const spans = getFinishedSpans();
    const results: number[] = [];
    const exporter = new ConsoleTreeExporter({ write: () => false }, 60_000);
    for (const span of spans) exporter.export([span], (r) => results.push(r.code));
    // Each span's export finishes at once, when the root (last to end) prints the trace.
    expect(results).toEqual([1, 1, 1, 1]); // ExportResultCode.FAILED
  });
});

describe("lines and json", () => {
  it("lines: one line per span as it ends, children first", () => {
    vi.stubEnv("TRACING_CONSOLE_FORMAT", "lines");
    const stderr = captureStderr();
    initializeTracing({ exporter: "console", serviceName: "shop" });
    runCheckout();
    const names = stderr
      .lines()
      .filter((l) => l.startsWith("[trace "))
      .map((l) => /^\[trace \w+\] {2}shop {2}[ └]*(\S+)/.exec(l)?.[1]);
    expect(names).toEqual(["Cart.price", "Cart.add", "Pay.charge", "Cart.checkout"]);
  });

  it("json: one parseable object per span with ids, status, error and events", () => {
    vi.stubEnv("TRACING_CONSOLE_FORMAT", "json");
    const stderr = captureStderr();
    initializeTracing({ exporter: "console", serviceName: "shop" });
    runCheckout();
    const records = stderr
      .lines()
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.name)).toEqual([
      "Cart.price",
      "Cart.add",
      "Pay.charge",
      "Cart.checkout",
    ]);
    const [priceRecord, , payRecord, root] = records;
    expect(root).toMatchObject({
      parentSpanId: null,
      service: "shop",
      status: "UNSET",
      attributes: { "args.qty": 2 },
    });
    expect(priceRecord.traceId).toBe(root.traceId);
    expect(payRecord).toMatchObject({
      parentSpanId: root.spanId,
      status: "ERROR",
      error: "TypeError: card declined",
    });
    expect(payRecord.events[0]).toMatchObject({
      name: "exception",
      attributes: { "exception.type": "TypeError" },
    });
    expect(new Date(root.start).getTime()).toBeGreaterThan(0);
    expect(root.durationMs).toBeGreaterThanOrEqual(payRecord.durationMs);
  });

  it("an unknown format warns and falls back to tree", () => {
    vi.stubEnv("TRACING_CONSOLE_FORMAT", "yaml");
    const stderr = captureStderr();
    initializeTracing({ exporter: "console" });
    runCheckout();
    const text = stderr.lines().join("\n");
    expect(text).toMatch(/TRACING_CONSOLE_FORMAT="yaml".*tree, lines, json/);
    expect(text).toMatch(/^trace [0-9a-f]{8} /m);
  });
});

describe("tree at process exit", () => {
  it("prints a trace whose root is still running when the program calls process.exit()", () => {
    const program = `
      const { site, trace } = require(${JSON.stringify(path.join(ROOT, "dist", "runtime", "index.js"))});
      const root = site({ name: "serve", function: "serve", file: "src/s.ts", line: 1 });
      const step = site({ name: "step", function: "step", file: "src/s.ts", line: 2 });
      trace(root, () => { trace(step, () => 1); process.exit(0); });
    `;
    const result = run(process.execPath, ["-e", program], {
      env: tracingEnv({ TRACING_EXPORTER: "console" }),
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^trace [0-9a-f]{8} {2}\S+ {2}1 span {2}\(the process exited before its root span ended\)\nstep {2}[\d.]+ ms {2}OK {2}src\/s\.ts:2\n$/,
    );
  });
});
