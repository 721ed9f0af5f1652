/**
 * Batching for the file exporter: spans are collected and written as one line
 * when `maxBatch` have ended or `delayMs` after the first of a batch, and
 * whatever is left is written synchronously when the process exits (even by
 * process.exit()), on forceFlush and on shutdown. Writing is synchronous and
 * local, so there is no queue to drop from and the timer never keeps the
 * program alive.
 */
import { TraceFlags, type Context } from "@opentelemetry/api";
import type {
  ReadableSpan,
  Span,
  SpanExporter,
  SpanProcessor,
} from "@opentelemetry/sdk-trace-base";

const ignoreResult = (): void => {};

export class FileBatchProcessor implements SpanProcessor {
  private batch: ReadableSpan[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly onExit = () => this.write();

  constructor(
    private readonly exporter: SpanExporter,
    private readonly maxBatch = 512,
    private readonly delayMs = 1_000,
  ) {}

  /** Spans ended but not yet written. */
  get waiting(): number {
    return this.batch.length;
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    if ((span.spanContext().traceFlags & TraceFlags.SAMPLED) === 0) return;
    this.batch.push(span);
    if (this.batch.length >= this.maxBatch) this.write();
    else if (this.timer === undefined) {
      process.on("exit", this.onExit);
      this.timer = setTimeout(() => this.write(), this.delayMs);
      this.timer.unref();
    }
  }

  forceFlush(): Promise<void> {
    this.write();
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.write();
    return this.exporter.shutdown();
  }

  private write(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    process.off("exit", this.onExit);
    if (this.batch.length === 0) return;
    const spans = this.batch;
    this.batch = [];
    this.exporter.export(spans, ignoreResult);
  }
}
