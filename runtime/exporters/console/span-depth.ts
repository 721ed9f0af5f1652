/**
 * Remembers how deep each open span is nested, so the console exporter can
 * indent it. Spans end (and print) before their parents, so the depth has to
 * be captured at start, while the parent is still open and known.
 *
 * Register it AFTER the exporting processor: processors see `onEnd` in order,
 * so the exporter reads the depth before this tracker forgets it.
 */
import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";

export class SpanDepthTracker implements SpanProcessor {
  private readonly depths = new Map<string, number>();

  onStart(span: Span, _parentContext: Context): void {
    const parentId = span.parentSpanContext?.spanId;
    const parentDepth = parentId === undefined ? undefined : this.depths.get(parentId);
    this.depths.set(span.spanContext().spanId, parentDepth === undefined ? 0 : parentDepth + 1);
  }

  onEnd(span: ReadableSpan): void {
    this.depths.delete(span.spanContext().spanId);
  }

  /** 0 for root spans and for spans whose parent this process did not start. */
  depthOf(spanId: string): number {
    return this.depths.get(spanId) ?? 0;
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    this.depths.clear();
    return Promise.resolve();
  }
}
