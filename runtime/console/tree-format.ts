/**
 * One finished trace as an indented tree, root first and children under their
 * parent in start order:
 *
 *   trace 4bf92f3a  checkout  3 spans
 *   Cart.checkout  12.40 ms  OK  src/cart.ts:18  args.qty=2
 *   ├─ Cart.add  1.42 ms  OK  src/cart.ts:9
 *   └─ Payments.charge  8.10 ms  ERROR TypeError: card declined  src/pay.ts:4
 *        • exception  exception.type=TypeError exception.message="card declined"
 */
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { ATTR_CODE_FILE_PATH, ATTR_SERVICE_NAME } from "../attribute-names";
import { location, showValue } from "../exporters/console-format";
import { durationMs, errorText, hrMs, parentIdOf, shownAttributes, statusName } from "./span-facts";

const SHORT_TRACE_ID = 8;
/** Many lines long; the json and file formats keep it. */
const HIDDEN_EVENT_ATTRIBUTES = new Set(["exception.stacktrace"]);

export function formatTraceTree(spans: readonly ReadableSpan[], note?: string): string {
  const first = spans[0];
  const service = String(first.resource.attributes[ATTR_SERVICE_NAME] ?? "");
  const count = spans.length === 1 ? "1 span" : `${spans.length} spans`;
  const head = [
    `trace ${first.spanContext().traceId.slice(0, SHORT_TRACE_ID)}`,
    service,
    count,
    note ?? "",
  ];
  const lines = [head.filter((part) => part !== "").join("  ")];
  const { roots, children } = arrange(spans);
  for (const root of roots) printSpan(root, children, "", "", lines);
  return `${lines.join("\n")}\n`;
}

/** Spans whose parent is not among them (it has not ended yet, or is remote) count as roots. */
function arrange(spans: readonly ReadableSpan[]) {
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const children = new Map<string, ReadableSpan[]>();
  const roots: ReadableSpan[] = [];
  for (const span of [...spans].sort(byStart)) {
    const parent = parentIdOf(span);
    if (parent === undefined || !ids.has(parent)) roots.push(span);
    else children.set(parent, [...(children.get(parent) ?? []), span]);
  }
  return { roots, children };
}

function byStart(a: ReadableSpan, b: ReadableSpan): number {
  return hrMs(a.startTime) - hrMs(b.startTime);
}

function printSpan(
  span: ReadableSpan,
  children: Map<string, ReadableSpan[]>,
  branch: string,
  indent: string,
  lines: string[],
): void {
  lines.push(`${indent}${branch}${spanSummary(span)}`);
  const below = indent + (branch === "" ? "" : branch === "├─ " ? "│  " : "   ");
  const kids = children.get(span.spanContext().spanId) ?? [];
  const eventIndent = `${below}${kids.length > 0 ? "│" : " "}    `;
  for (const event of span.events) {
    const attributes = shownAttributes(event.attributes ?? {})
      .filter(([k]) => !HIDDEN_EVENT_ATTRIBUTES.has(k))
      .map(([k, v]) => `${k}=${showValue(v)}`);
    lines.push(`${eventIndent}• ${[event.name, ...attributes].join("  ")}`);
  }
  kids.forEach((kid, i) =>
    printSpan(kid, children, i === kids.length - 1 ? "└─ " : "├─ ", below, lines),
  );
}

function spanSummary(span: ReadableSpan): string {
  const status =
    statusName(span) === "ERROR" ? ["ERROR", errorText(span)].filter(Boolean).join(" ") : "OK";
  const parts = [span.name, `${durationMs(span).toFixed(2)} ms`, status];
  if (span.attributes[ATTR_CODE_FILE_PATH] !== undefined) parts.push(location(span.attributes));
  for (const [key, value] of shownAttributes(span.attributes)) {
    if (key !== ATTR_CODE_FILE_PATH) parts.push(`${key}=${showValue(value)}`);
  }
  return parts.join("  ");
}
