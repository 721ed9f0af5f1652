/** What an exporter choice hands to the provider and to the manual API. */
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";

export interface ExporterSetup {
  /** Given to the provider's constructor. */
  processors: SpanProcessor[];
  /** Spans kept in memory; `[]` for exporters that keep nothing. */
  finishedSpans(): ReadableSpan[];
  resetFinishedSpans(): void;
}
