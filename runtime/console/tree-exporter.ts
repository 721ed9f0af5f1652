/**
 * `TRACING_CONSOLE_FORMAT=tree` (the default): spans are held per trace until
 * the trace's root ends, then the whole trace is printed as one tree. A trace
 * whose root has not ended is printed anyway, marked as such, once its oldest
 * held span has waited `waitMs`, when too many spans are held, and when the
 * process exits, so nothing a program produced is lost to the wait.
 */
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { EXPORT_SUCCESS } from "../exporters/export-result";
import type { LineSink } from "../exporters/console-exporter";
import { isLocalRoot } from "./span-facts";
import { formatTraceTree } from "./tree-format";

export const DEFAULT_TREE_WAIT_MS = 5_000;
/** Held spans beyond this print the oldest traces early: memory stays bounded. */
export const MAX_HELD_SPANS = 10_000;

interface HeldTrace {
  spans: ReadableSpan[];
  since: number;
}

export class ConsoleTreeExporter implements SpanExporter {
  private readonly held = new Map<string, HeldTrace>();
  private heldSpans = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly onExit = () => this.printAll("the process exited before its root span ended");

  constructor(
    private readonly sink: LineSink = process.stderr,
    private readonly waitMs = DEFAULT_TREE_WAIT_MS,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) this.add(span);
    done({ code: EXPORT_SUCCESS });
  }

  forceFlush(): Promise<void> {
    this.printAll("flushed before its root span ended");
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.printAll("tracing shut down before its root span ended");
    return Promise.resolve();
  }

  private add(span: ReadableSpan): void {
    const traceId = span.spanContext().traceId;
    let trace = this.held.get(traceId);
    if (trace === undefined) {
      trace = { spans: [], since: Date.now() };
      this.held.set(traceId, trace);
    }
    trace.spans.push(span);
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
    this.sink.write(formatTraceTree(trace.spans, note && `(${note})`));
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
