/**
 * withSpan()'s second argument: plain attributes (as before), or the rules'
 * vocabulary `{ kind, component, attributes }`. It is read as options when
 * it has no other keys and `attributes` is an object or `kind`/`component` a
 * known name; anything else is attributes. Attribute values under redacted
 * keys (default patterns) are replaced, as for generated spans.
 */
import type { Attributes, SpanKind } from "@opentelemetry/api";
import type { AttributeValue } from "../../contract";
import { DEFAULT_VALUE_RULES } from "../redaction/value-rules";
import { componentParts, kindOf, redactStatic } from "./component-site";
import { presetOf } from "../../contract/components";

export interface WithSpanOptions {
  /** `internal` (default), `server`, `client`, `producer`, `consumer`; a preset's if absent. */
  kind?: "internal" | "server" | "client" | "producer" | "consumer";
  /** A preset: sets the kind and its constant attributes (see README, Components). */
  component?: string;
  attributes?: Attributes;
}

const OPTION_KEYS = new Set(["kind", "component", "attributes"]);

export function manualSpanParts(
  name: string,
  given: Attributes | WithSpanOptions,
): { attributes: Readonly<Record<string, AttributeValue>>; kind: SpanKind | undefined } {
  const options = isSpanOptions(given) ? given : { attributes: given as Attributes };
  const attributes = { ...(options.attributes ?? {}) } as Record<string, AttributeValue>;
  if (options.component === undefined && options.kind === undefined) {
    return { attributes: redactStatic(attributes, DEFAULT_VALUE_RULES), kind: undefined };
  }
  const parts = componentParts({
    name,
    function: "",
    file: "",
    line: 0,
    kind: options.kind,
    component: options.component,
    attributes,
  });
  return { attributes: parts.attributes, kind: parts.kind };
}

function isSpanOptions(value: Attributes | WithSpanOptions): value is WithSpanOptions {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((k) => OPTION_KEYS.has(k))) return false;
  const v = value as Record<string, unknown>;
  return (
    (typeof v.attributes === "object" && v.attributes !== null) ||
    kindOf(v.kind) !== undefined ||
    v.kind === "internal" ||
    (typeof v.component === "string" && presetOf(v.component) !== undefined)
  );
}
