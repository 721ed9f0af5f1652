/**
 * `TRACING_CONSOLE_FORMAT=tree` (the default): spans are held per trace until
 * the trace's root ends, then the whole trace is printed as one tree. A trace
 * whose root has not ended is printed anyway, marked as such, once its oldest
 * held span has waited `waitMs`, when too many spans are held, and when the
 * process exits, so nothing a program produced is lost to the wait.
 *
 * A held span is not yet delivered: its export finishes when its trace is
 * printed (failed, if stderr dropped the text), so tracingHealth() and the
 * exit flush see held spans as pending.
 */
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { EXPORT_FAILED, EXPORT_SUCCESS } from "../exporters/export-result";
import { DROPPED, STDERR, type LineSink } from "../exporters/console-exporter";
import { isLocalRoot } from "./span-facts";
import { formatTraceTree } from "./tree-format";

export const DEFAULT_TREE_WAIT_MS = 5_000;
/** Held spans beyond this print the oldest traces early: memory stays bounded. */
export const MAX_HELD_SPANS = 10_000;

/** One export() call: done once every trace its spans belong to is printed. */
interface PendingExport {
  remaining: number;
  dropped: boolean;
  done: (result: ExportResult) => void;
}

interface HeldTrace {
  spans: ReadableSpan[];
  exports: PendingExport[];
  since: number;
}

export class ConsoleTreeExporter implements SpanExporter {
  private readonly held = new Map<string, HeldTrace>();
  private heldSpans = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly onExit = () => this.printAll("the process exited before its root span ended");

  constructor(
    private readonly sink: LineSink = STDERR,
    private readonly waitMs = DEFAULT_TREE_WAIT_MS,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (spans.length === 0) return done({ code: EXPORT_SUCCESS });
    const pending: PendingExport = { remaining: spans.length, dropped: false, done };
    for (const span of spans) this.add(span, pending);
  }

  forceFlush(): Promise<void> {
    this.printAll("flushed before its root span ended");
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.printAll("tracing shut down before its root span ended");
    return Promise.resolve();
  }

  private add(span: ReadableSpan, pending: PendingExport): void {
    const traceId = span.spanContext().traceId;
    let trace = this.held.get(traceId);
    if (trace === undefined) {
      trace = { spans: [], exports: [], since: Date.now() };
      this.held.set(traceId, trace);
    }
    trace.spans.push(span);
    trace.exports.push(pending);
    this.heldSpans++;
    if (isLocalRoot(span)) this.print(traceId);
    while (this.heldSpans > MAX_HELD_SPANS)
      this.print(this.held.keys().next().value as string, "printed early: too many spans waiting");
    this.watch();
  }

  private print(traceId: string, note?: string): void {
    const trace = this.held.get(traceId);
    if (trace === undefined) return;
    this.held.delete(traceId);
    this.heldSpans -= trace.spans.length;
    const written = this.sink.write(formatTraceTree(trace.spans, note && `(${note})`)) !== false;
    for (const pending of trace.exports) settle(pending, written);
  }

  private printAll(note: string): void {
    for (const traceId of [...this.held.keys()]) this.print(traceId, note);
    this.watch();
  }

  /** A timer only while something waits, unref'd so it never keeps the program alive. */
  private watch(): void {
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
      process.off("exit", this.onExit);
      return;
    }
    if (this.timer !== undefined) return;
    process.on("exit", this.onExit);
    this.timer = setInterval(() => this.printOverdue(), Math.min(1_000, this.waitMs));
    this.timer.unref();
  }

  private printOverdue(): void {
    const cutoff = Date.now() - this.waitMs;
    for (const [traceId, trace] of [...this.held]) {
      if (trace.since <= cutoff)
        this.print(traceId, `root span still running after ${this.waitMs} ms`);
    }
    this.watch();
  }
}

/** One span of the call is printed (or dropped); the call is done with its last span. */
function settle(pending: PendingExport, written: boolean): void {
  pending.dropped ||= !written;
  if (--pending.remaining > 0) return;
  pending.done(
    pending.dropped ? { code: EXPORT_FAILED, error: DROPPED } : { code: EXPORT_SUCCESS },
  );
}
