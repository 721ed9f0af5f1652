/**
 * What the tree and JSON console formats read off a finished span: its
 * duration, its status with the error's type, and the attributes worth showing.
 */
import { SpanStatusCode, type Attributes, type HrTime } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { ATTR_CODE_FUNCTION_NAME, ATTR_CODE_LINE_NUMBER } from "../attribute-names";

export function durationMs(span: ReadableSpan): number {
  return hrMs(span.duration);
}

export function hrMs(time: HrTime): number {
  return time[0] * 1e3 + time[1] / 1e6;
}

/** The parent's id when the parent is a span of this process's trace tree. */
export function parentIdOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

/** A root here: no parent, or a parent in another process (a remote context). */
export function isLocalRoot(span: ReadableSpan): boolean {
  return span.parentSpanContext === undefined || span.parentSpanContext.isRemote === true;
}

export type StatusName = "OK" | "ERROR" | "UNSET";

export function statusName(span: ReadableSpan): StatusName {
  if (span.status.code === SpanStatusCode.ERROR) return "ERROR";
  return span.status.code === SpanStatusCode.OK ? "OK" : "UNSET";
}

/** `TypeError: card declined`: the type from the exception event, when there is one. */
export function errorText(span: ReadableSpan): string | undefined {
  if (span.status.code !== SpanStatusCode.ERROR) return undefined;
  const exception = span.events.find((e) => e.name === "exception")?.attributes;
  const type = exception?.["exception.type"] ?? span.attributes["error.type"];
  const message = span.status.message || String(exception?.["exception.message"] ?? "");
  if (type === undefined) return message || undefined;
  return message ? `${String(type)}: ${message}` : String(type);
}

/** The line number goes with the file path; the function name is the span's name in practice. */
const FOLDED = new Set<string>([ATTR_CODE_FUNCTION_NAME, ATTR_CODE_LINE_NUMBER]);

export function shownAttributes(
  attributes: Attributes,
): [string, NonNullable<Attributes[string]>][] {
  const shown: [string, NonNullable<Attributes[string]>][] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (!FOLDED.has(key) && value !== undefined) shown.push([key, value]);
  }
  return shown;
}
