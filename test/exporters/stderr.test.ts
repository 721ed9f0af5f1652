/**
 * The console exporter (the default) behind a stderr whose reader went away,
 * or never reads: the program exits as untraced, memory stays bounded, and
 * the lines stderr could not take are counted as dropped spans.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { TracingHealth } from "../../runtime/health";
import { ROOT, tracingEnv } from "../helpers/run";
import { writeProgram } from "./helpers/traced-program";

/**
 * `calls` traced calls in batches (yielding between them), then one JSON
 * line on stdout with the health, the RSS and the stream's own queue.
 */
function program(calls: number): string {
  return writeProgram(`const rt = require("ts-autotrace");
const s = rt.site({ name: "Cart.add", function: "Cart.add", file: "src/cart.ts", line: 3, args: ["qty"], result: true });
const add = (qty) => rt.trace(s, () => qty + 1, [qty]);
(async () => {
  let sum = 0;
  for (let i = 0; i < ${calls}; i++) {
    sum += add(i);
    if (i % 1000 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  console.log(JSON.stringify({
    sum,
    health: rt.tracingHealth(),
    rssMb: Math.round(process.memoryUsage().rss / 1048576),
    queued: process.stderr.writableLength,
  }));
})();
`);
}

interface Report {
  sum: number;
  health: TracingHealth;
  rssMb: number;
  queued: number;
}

interface Run {
  status: number | null;
  signal: string | null;
  stdout: string;
  report: Report;
  durationMs: number;
}

/** Runs `script` with stderr a pipe the parent closes at once, or never reads. */
function runWithStderr(
  script: string,
  stderr: "closed" | "unread",
  env: Record<string, string>,
): Promise<Run> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script], { env: tracingEnv(env), cwd: ROOT });
  if (stderr === "closed") child.stderr.destroy();
  else child.stderr.pause();
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (status, signal) => {
      clearTimeout(killer);
      child.stderr.destroy();
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      resolve({
        status,
        signal,
        stdout,
        report: (line === undefined ? {} : JSON.parse(line)) as Report,
        durationMs: performance.now() - startedAt,
      });
    });
  });
}

describe("a stderr whose reader went away", () => {
  it("does not crash the program: same output and exit code as untraced, spans counted as dropped", async () => {
    const script = program(2000);
    const plain = await runWithStderr(script, "closed", { TRACING_ENABLED: "false" });
    const traced = await runWithStderr(script, "closed", {});
    expect(plain).toMatchObject({ status: 0, signal: null });
    expect(traced).toMatchObject({ status: 0, signal: null });
    expect(traced.report.sum).toBe(plain.report.sum);
    const { health } = traced.report;
    expect(health).toMatchObject({ exporter: "console", spansStarted: 2000, spansDropped: 2000 });
    expect(health.lastExportError).toContain("stderr did not take the line");
  });
});

describe("a stderr pipe that is never read", () => {
  it("drops what the pipe cannot take, keeps memory bounded, and exits when the work is done", async () => {
    // About 200 bytes a line: some 40 MB of output against a 64 KiB pipe.
    const script = program(200_000);
    const plain = await runWithStderr(script, "unread", { TRACING_ENABLED: "false" });
    const traced = await runWithStderr(script, "unread", {});
    expect(traced).toMatchObject({ status: 0, signal: null });
    expect(traced.report.sum).toBe(plain.report.sum);
    const { health } = traced.report;
    expect(health.spansStarted).toBe(200_000);
    expect(health.spansExported + health.spansDropped).toBe(200_000);
    expect(health.spansDropped).toBeGreaterThan(190_000);
    // Nothing waits in the stream's queue, so nothing keeps the process alive either.
    expect(traced.report.queued).toBe(0);
    expect(traced.report.rssMb).toBeLessThan(plain.report.rssMb + 40);
  });
});
