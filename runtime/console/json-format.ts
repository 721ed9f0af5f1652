/**
 * `TRACING_CONSOLE_FORMAT=json`: one JSON object per span, one per line, for
 * tools that read stderr. Times are ISO strings and milliseconds; ids are hex.
 */
import type { Attributes, HrTime } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { ATTR_SERVICE_NAME } from "../attribute-names";
import { durationMs, errorText, hrMs, parentIdOf, statusName } from "./span-facts";

export function formatSpanJson(span: ReadableSpan): string {
  const context = span.spanContext();
  const record = {
    traceId: context.traceId,
    spanId: context.spanId,
    parentSpanId: parentIdOf(span) ?? null,
    name: span.name,
    service: span.resource.attributes[ATTR_SERVICE_NAME] ?? null,
    start: isoTime(span.startTime),
    durationMs: Number(durationMs(span).toFixed(3)),
    status: statusName(span),
    error: errorText(span) ?? null,
    attributes: plain(span.attributes),
    events: span.events.map((e) => ({
      name: e.name,
      time: isoTime(e.time),
      attributes: plain(e.attributes ?? {}),
    })),
  };
  return JSON.stringify(record);
}

function isoTime(time: HrTime): string {
  return new Date(hrMs(time)).toISOString();
}

function plain(attributes: Attributes): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined));
}
