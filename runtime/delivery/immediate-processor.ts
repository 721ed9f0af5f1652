/**
 * Span processing for the local exporters (console, in_memory, a program's
 * own exporter object): each sampled span goes to the exporter the moment it
 * ends, synchronously.
 *
 * The SDK's SimpleSpanProcessor does the same through a promise chain per
 * span. That costs microseconds per call and several frames of stack at the
 * point where a traced function returns; in deeply recursive code (a parser
 * fed hostile input, which overflows the stack on purpose) those frames and
 * promises were what broke first. Network exporters keep the SDK's batch
 * processor.
 */
import type { Context } from "@opentelemetry/api";
import type {
  ReadableSpan,
  Span,
  SpanExporter,
  SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { ignoreResult, isSampled } from "./processor-basics";

export class ImmediateSpanProcessor implements SpanProcessor {
  constructor(private readonly exporter: SpanExporter) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    if (!isSampled(span)) return;
    // The exporter is a SafeExporter: it never throws and reports its own failures.
    this.exporter.export([span], ignoreResult);
  }

  forceFlush(): Promise<void> {
    return this.exporter.forceFlush?.() ?? Promise.resolve();
  }

  shutdown(): Promise<void> {
    return this.exporter.shutdown();
  }
}
