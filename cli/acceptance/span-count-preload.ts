/**
 * Loaded with `node --require` into every process of the instrumented test
 * run (vitest runs test files in child processes). At exit it appends the
 * number of spans this process started to the file named by
 * AUTOTRACE_SPAN_COUNT_FILE, one `<pid> <count> <source>` line per process
 * that loaded the runtime.
 *
 * It never loads the runtime into a process that did not: the runtime keeps its
 * state on globalThis, so its presence there says whether this process traced.
 */
import * as fs from "node:fs";

const STATE_KEY = Symbol.for("ts-autotrace.state");

interface RuntimeView {
  tracingHealth?: () => { spansStarted?: unknown };
  getFinishedSpans: () => unknown[];
}

function spansStarted(): { count: number; source: string } | undefined {
  if ((globalThis as Record<symbol, unknown>)[STATE_KEY] === undefined) return undefined;
  // A second copy of the runtime would share the state above, so requiring it
  // here reads the same numbers as the copy the tests loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const runtime = require(process.env.AUTOTRACE_RUNTIME ?? "ts-autotrace") as RuntimeView;
  const started = runtime.tracingHealth?.().spansStarted;
  if (typeof started === "number") return { count: started, source: "tracingHealth" };
  // Older runtimes: the in_memory exporter's spans, which miss any still open.
  return { count: runtime.getFinishedSpans().length, source: "getFinishedSpans" };
}

function record(): void {
  const file = process.env.AUTOTRACE_SPAN_COUNT_FILE;
  if (file === undefined) return;
  try {
    const spans = spansStarted();
    if (spans !== undefined)
      fs.appendFileSync(file, `${process.pid} ${spans.count} ${spans.source}\n`);
  } catch (error) {
    fs.appendFileSync(file, `${process.pid} error ${String(error).replace(/\s+/g, " ")}\n`);
  }
}

process.once("exit", record);

// vitest's pools end their worker processes with SIGTERM, which skips "exit".
// Record, then let the signal do what it would have done: with no listener
// left, Node restores the default action, and the process ends by the signal.
process.once("SIGTERM", () => {
  process.removeListener("exit", record);
  record();
  process.kill(process.pid, "SIGTERM");
});
