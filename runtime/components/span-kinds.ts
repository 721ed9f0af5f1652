/**
 * The `kind` names a rule or withSpan() may give. Plain data (no
 * OpenTelemetry import) so the transformer can validate with it; the runtime
 * turns a name into SpanKind in component-site.ts.
 */
export const SPAN_KIND_NAMES = ["internal", "server", "client", "producer", "consumer"] as const;

export type SpanKindName = (typeof SPAN_KIND_NAMES)[number];

export function isSpanKindName(value: unknown): value is SpanKindName {
  return typeof value === "string" && (SPAN_KIND_NAMES as readonly string[]).includes(value);
}
