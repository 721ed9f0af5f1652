/**
 * The in_memory exporter: keeps the most recent spans for tests and
 * debugging, at most `maxSpans` of them, so a long run cannot grow without bound.
 */
import type { ExportResult } from "@opentelemetry/core";
import { EXPORT_SUCCESS } from "../delivery/export-result";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";

export const DEFAULT_IN_MEMORY_MAX_SPANS = 10_000;

export class BoundedMemoryExporter implements SpanExporter {
  private spans: ReadableSpan[] = [];

  constructor(private readonly maxSpans: number = DEFAULT_IN_MEMORY_MAX_SPANS) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    for (const span of spans) this.spans.push(span);
    // The oldest go first: the recent spans are the ones a test or a debugger
    // looks at. Trimming only when twice full keeps each export O(1) amortised;
    // trimming on every span moved all kept spans each time (a run that traced
    // millions of calls spent most of its time there).
    if (this.spans.length >= 2 * this.maxSpans) this.spans = this.spans.slice(-this.maxSpans);
    done({ code: EXPORT_SUCCESS });
  }

  /** Oldest first, at most `maxSpans`; a copy, so the caller may keep it while tracing goes on. */
  getFinishedSpans(): ReadableSpan[] {
    return this.spans.slice(-this.maxSpans);
  }

  reset(): void {
    this.spans = [];
  }

  shutdown(): Promise<void> {
    this.reset();
    return Promise.resolve();
  }
}
