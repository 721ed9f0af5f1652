/**
 * One readable line per span, e.g.
 *
 *   [trace 4bf92f3a] checkout  └ Cart.add  1.42 ms  OK  code.file.path=src/cart.ts:12 args.qty=2 result=3 !threshold_exceeded
 *
 * The short trace id groups the lines of one request; the indent shows the
 * nesting depth. Children end, and so print, before their parents.
 */
import { SpanStatusCode, type AttributeValue, type Attributes } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import {
  ATTR_CODE_FILE_PATH,
  ATTR_CODE_FUNCTION_NAME,
  ATTR_CODE_LINE_NUMBER,
  ATTR_SERVICE_NAME,
} from "../attribute-names";

/** Values longer than this are shortened: the line is for a human reader. */
const MAX_SHOWN_VALUE = 120;
const SHORT_TRACE_ID = 8;

/** Shown elsewhere on the line (location) or equal to the span name in practice. */
const HIDDEN_ATTRIBUTES = new Set<string>([ATTR_CODE_FUNCTION_NAME, ATTR_CODE_LINE_NUMBER]);

export function formatSpanLine(span: ReadableSpan, depth: number): string {
  const head = `[trace ${span.spanContext().traceId.slice(0, SHORT_TRACE_ID)}]`;
  const service = String(span.resource.attributes[ATTR_SERVICE_NAME] ?? "");
  const name = depth > 0 ? `${"  ".repeat(depth - 1)}└ ${span.name}` : span.name;
  const duration = `${(span.duration[0] * 1e3 + span.duration[1] / 1e6).toFixed(2)} ms`;
  const details = [...attributeParts(span.attributes), ...span.events.map((e) => `!${e.name}`)];
  return [head, service, name, duration, statusText(span), details.join(" ")]
    .filter((part) => part !== "")
    .join("  ");
}

function statusText(span: ReadableSpan): string {
  if (span.status.code !== SpanStatusCode.ERROR) return "OK";
  return span.status.message ? `ERROR(${clip(span.status.message)})` : "ERROR";
}

function attributeParts(attributes: Attributes): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (HIDDEN_ATTRIBUTES.has(key) || value === undefined) continue;
    parts.push(`${key}=${key === ATTR_CODE_FILE_PATH ? location(attributes) : showValue(value)}`);
  }
  return parts;
}

/** `src/cart.ts:12`, the form editors and terminals turn into links. */
export function location(attributes: Attributes): string {
  const line = attributes[ATTR_CODE_LINE_NUMBER];
  const file = String(attributes[ATTR_CODE_FILE_PATH]);
  return line === undefined ? file : `${file}:${String(line)}`;
}

/**
 * Bare words and captured JSON (args, results) are shown as they are; other
 * text with spaces or quotes is quoted so the fields on the line stay apart.
 */
export function showValue(value: AttributeValue): string {
  if (typeof value !== "string") return clip(JSON.stringify(value));
  const bare = /^[{[]/.test(value) || /^[^\s"=]+$/.test(value);
  return clip(bare ? value : JSON.stringify(value));
}

function clip(text: string): string {
  return text.length <= MAX_SHOWN_VALUE ? text : `${text.slice(0, MAX_SHOWN_VALUE - 1)}…`;
}
