/**
 * What each of our span processors (immediate, batch guard, file batching)
 * does the same way: only sampled spans are exported, and an export's result
 * is not waited for (the exporter is a SafeExporter, which reports its own
 * failures and never throws).
 */
import { TraceFlags } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";

export function isSampled(span: ReadableSpan): boolean {
  return (span.spanContext().traceFlags & TraceFlags.SAMPLED) !== 0;
}

export const ignoreResult = (): void => {};
