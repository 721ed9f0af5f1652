/**
 * Exporter objects a program passes to initializeTracing({ exporter }): one
 * that hangs, throws, or works slowly must not hold up the program, and one
 * that is itself traced code must not trace its own exporting.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TracingHealth } from "../../runtime/health";
import { transpileWithTracing } from "../helpers/transpile";
import { healthOf } from "./helpers/health-probe";
import { runProgram, writeProgram, type ProgramRun } from "./helpers/traced-program";

/** `calls` traced calls, then `await shutdownTracing()`, timed; one JSON line on stdout. */
function programWith(exporter: string, calls = 20): string {
  return writeProgram(`const rt = require("ts-autotrace");
const s = rt.site({ name: "work", function: "work", file: "src/work.ts", line: 1 });
const work = (n) => rt.trace(s, () => n + 1, [n]);
rt.initializeTracing({ exporter: ${exporter} });
(async () => {
  let slowestCallMs = 0;
  for (let i = 0; i < ${calls}; i++) {
    const startedAt = performance.now();
    work(i);
    // The first call starts tracing (loads the SDK): not the exporter's doing.
    if (i > 0) slowestCallMs = Math.max(slowestCallMs, performance.now() - startedAt);
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const startedAt = performance.now();
  await rt.shutdownTracing();
  const shutdownMs = performance.now() - startedAt;
  console.log(JSON.stringify({ slowestCallMs, shutdownMs, health: rt.tracingHealth() }));
  console.log("the rest of the program ran");
})();
`);
}

interface Report {
  slowestCallMs: number;
  shutdownMs: number;
  health: TracingHealth;
}

function reportOf(run: ProgramRun): Report {
  const line = run.stdout.split("\n").find((l) => l.startsWith("{"));
  if (line === undefined) throw new Error(`no report on stdout:\n${run.stdout}\n${run.stderr}`);
  return JSON.parse(line) as Report;
}

describe("shutdownTracing() with an exporter that never answers", () => {
  it("returns after at most 2 s and the rest of the program runs", async () => {
    const run = await runProgram(
      programWith(`{
  export() {},
  forceFlush: () => new Promise(() => {}),
  shutdown: () => new Promise(() => {}),
}`),
      {},
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("the rest of the program ran");
    const { shutdownMs, health } = reportOf(run);
    expect(shutdownMs).toBeGreaterThanOrEqual(1900);
    expect(shutdownMs).toBeLessThan(2600);
    expect(health).toMatchObject({ spansStarted: 20, spansDropped: 20 });
    expect(run.warnings).toEqual([
      expect.stringContaining(
        "exporting spans failed (Error: the exporter did not answer within 2000 ms of shutdown)",
      ),
    ]);
    // Nothing of the abandoned export keeps the process alive.
    expect(run.durationMs).toBeLessThan(5000);
  });
});

describe("an exporter that never answers, in a program that just ends", () => {
  const NATURAL_END = `process.on("exit", () => {
  process.stderr.write("HEALTH " + JSON.stringify(require("ts-autotrace").tracingHealth()) + "\\n");
});
const rt = require("ts-autotrace");
const s = rt.site({ name: "work", function: "work", file: "src/work.ts", line: 1 });
rt.initializeTracing({ exporter: { export() {}, shutdown: () => new Promise(() => {}) } });
(async () => {
  for (let i = 0; i < 20; i++) {
    rt.trace(s, () => i);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
})();
`;

  it("the final flush waits 2 s, then counts the spans as dropped and the process exits", async () => {
    const run = await runProgram(writeProgram(NATURAL_END), {});
    expect(run.status).toBe(0);
    expect(run.durationMs).toBeLessThan(4500);
    expect(healthOf(run)).toMatchObject({ spansStarted: 20, spansDropped: 20 });
    expect(run.warnings).toEqual([
      expect.stringContaining(
        "20 spans for custom were not delivered within 2000 ms of the program's end",
      ),
    ]);
  });

  it("an export in flight keeps the process until OTEL_BSP_EXPORT_TIMEOUT, then counts as dropped", async () => {
    const run = await runProgram(writeProgram(NATURAL_END), {
      OTEL_BSP_SCHEDULE_DELAY: "1",
      OTEL_BSP_EXPORT_TIMEOUT: "1500",
    });
    expect(run.status).toBe(0);
    expect(run.durationMs).toBeGreaterThan(1500);
    expect(run.durationMs).toBeLessThan(1500 + 2000 + 1500);
    expect(healthOf(run)).toMatchObject({ spansStarted: 20, spansExported: 0, spansDropped: 20 });
    expect(run.warnings).toEqual([
      expect.stringContaining("exporting spans failed (Error: no answer within 1500 ms)"),
    ]);
  });
});

describe("initializeTracing() replacing an exporter that never answers", () => {
  it("returns at once; the old exporter keeps the process at most 2 s more", async () => {
    const run = await runProgram(
      writeProgram(`const rt = require("ts-autotrace");
const s = rt.site({ name: "work", function: "work", file: "src/work.ts", line: 1 });
rt.initializeTracing({ exporter: { export() {}, shutdown: () => new Promise(() => {}) } });
for (let i = 0; i < 5; i++) rt.trace(s, () => i);
const startedAt = performance.now();
rt.initializeTracing({ exporter: "none" });
console.log("initializeTracing took " + Math.round(performance.now() - startedAt) + " ms");
console.log("END_AT " + Date.now());
`),
      {},
    );
    const endedAt = Date.now();
    expect(run.status).toBe(0);
    expect(Number(/took (\d+) ms/.exec(run.stdout)?.[1])).toBeLessThan(100);
    const exitLagMs = endedAt - Number(/END_AT (\d+)/.exec(run.stdout)?.[1]);
    expect(exitLagMs).toBeLessThan(3000);
    expect(exitLagMs).toBeGreaterThan(1500);
  });
});

describe("an exporter that throws everywhere", () => {
  it("changes nothing for the program: shutdownTracing() returns at once", async () => {
    const run = await runProgram(
      programWith(`{
  export() { throw new Error("export broke"); },
  forceFlush() { throw new Error("flush broke"); },
  shutdown() { return Promise.reject(new Error("shutdown broke")); },
}`),
      {},
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("the rest of the program ran");
    const { shutdownMs, health } = reportOf(run);
    expect(shutdownMs).toBeLessThan(500);
    expect(health).toMatchObject({ spansStarted: 20, spansExported: 0, spansDropped: 20 });
    expect(run.warnings).toEqual([expect.stringContaining("failed (Error: export broke)")]);
  });
});

describe("an exporter that does slow synchronous work", () => {
  it("is batched: no traced call waits for it, and every span is still delivered", async () => {
    // 300 ms of busy work per export, as a synchronous network client might do.
    const run = await runProgram(
      programWith(
        `{
  export(spans, done) { const end = Date.now() + 300; while (Date.now() < end); done({ code: 0 }); },
  shutdown: () => Promise.resolve(),
}`,
        2000,
      ),
      {},
    );
    expect(run.status).toBe(0);
    const { slowestCallMs, health } = reportOf(run);
    // Run inline, one call in 512 (a full batch) would take the 300 ms.
    expect(slowestCallMs).toBeLessThan(150);
    expect(health).toMatchObject({ spansStarted: 2000, spansExported: 2000, spansDropped: 0 });
  });
});

/** An exporter class and the program using it, both compiled with `"functions": ["*"]`. */
const TRACED_EXPORTER_SOURCE = `import { initializeTracing, shutdownTracing, tracingHealth } from "ts-autotrace";

class Encoder {
  encode(span: { name: string }): string {
    return JSON.stringify({ name: span.name });
  }
}

export class RecordingExporter {
  names: string[] = [];
  private encoder = new Encoder();

  export(spans: { name: string }[], done: (result: { code: number }) => void): void {
    for (const span of spans) this.names.push(JSON.parse(this.encoder.encode(span)).name);
    // Work the export starts asynchronously is the runtime's work too.
    setTimeout(() => this.acknowledge(done), 1);
  }

  acknowledge(done: (result: { code: number }) => void): void {
    this.encoder.encode({ name: "ack" });
    done({ code: 0 });
  }

  forceFlush(): Promise<void> {
    this.encoder.encode({ name: "flush" });
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.encoder.encode({ name: "shutdown" });
    return Promise.resolve();
  }
}

function work(n: number): number {
  return n + 1;
}

// @autotrace-ignore
async function main(): Promise<void> {
  const exporter = new RecordingExporter();
  initializeTracing({ exporter: exporter as never });
  for (let i = 0; i < 12; i++) work(i);
  await shutdownTracing();
  console.log(JSON.stringify({ names: exporter.names, health: tracingHealth() }));
}

void main();
`;

function compileTracedExporter(): string {
  // A program folder (removed after the tests) holding the source and its config.
  const main = writeProgram("", {
    "input.ts": TRACED_EXPORTER_SOURCE,
    "tracing.config.json": JSON.stringify({ rules: [{ files: "input.ts", functions: ["*"] }] }),
  });
  const dir = dirname(main);
  const { outputText, warnings } = transpileWithTracing(
    join(dir, "input.ts"),
    join(dir, "tracing.config.json"),
    { module: 1 /* CommonJS */ },
  );
  expect(warnings).toEqual([]);
  expect(outputText).toContain("Encoder.encode");
  writeFileSync(main, outputText);
  return main;
}

describe("an exporter that is itself traced code", () => {
  it("produces spans of the program's calls only, none of its own exporting", async () => {
    const run = await runProgram(compileTracedExporter(), {});
    expect(run.status).toBe(0);
    const { names, health } = JSON.parse(run.stdout) as { names: string[]; health: TracingHealth };
    // Exactly the twelve calls of work: nothing of Encoder.encode, export,
    // acknowledge, forceFlush or shutdown.
    expect(names).toEqual(Array.from({ length: 12 }, () => "work"));
    expect(health).toMatchObject({ spansStarted: 12, spansExported: 12, spansDropped: 0 });
  });
});
