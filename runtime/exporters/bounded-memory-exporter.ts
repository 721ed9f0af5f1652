/**
 * The in_memory exporter: keeps the most recent spans for tests and
 * debugging, at most `maxSpans` of them, so a long run cannot grow without bound.
 */
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

export const DEFAULT_IN_MEMORY_MAX_SPANS = 10_000;

export class BoundedMemoryExporter implements SpanExporter {
  private spans: ReadableSpan[] = [];

  constructor(private readonly maxSpans: number = DEFAULT_IN_MEMORY_MAX_SPANS) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.spans.push(...spans);
    const excess = this.spans.length - this.maxSpans;
    // The oldest go first: the recent spans are the ones a test or a debugger looks at.
    if (excess > 0) this.spans.splice(0, excess);
    done({ code: ExportResultCode.SUCCESS });
  }

  /** Oldest first; a copy, so the caller may keep it while tracing goes on. */
  getFinishedSpans(): ReadableSpan[] {
    return [...this.spans];
  }

  reset(): void {
    this.spans = [];
  }

  shutdown(): Promise<void> {
    this.reset();
    return Promise.resolve();
  }
}
