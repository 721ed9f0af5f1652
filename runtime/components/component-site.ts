/* Folder runtime/components/: Issue 12's components (database, http, messaging, ...): the span
 * kind, preset attributes and span names a rule's `component` key gives a site or a manual span.
 */
/**
 * The parts of a CallSite that issue 12's rule keys decide: the span kind,
 * the preset's attributes, the static attributes with redacted keys replaced,
 * the capture plan and a per-call span name. Used by site() for generated
 * sites and by withSpan() for manual ones.
 */
import { SpanKind } from "@opentelemetry/api";
import type { AttributeValue, CallSiteSpec } from "../../contract";
import { capturePlan, type CapturePlan } from "../call-values/capture-plan";
import { isRedactedPath, REDACTED } from "../redaction/key-patterns";
import { spanNameOf, type NameOf } from "../call-values/span-name";
import { valueRules, type ValueRules } from "../redaction/value-rules";
import { presetOf, type ComponentPreset } from "../../contract/components";
import { isSpanKindName, type SpanKindName } from "../../contract/components";

const KINDS: Record<SpanKindName, SpanKind> = {
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};

export interface ComponentParts {
  /** Undefined for INTERNAL, so start options stay `{ attributes }` as before. */
  kind: SpanKind | undefined;
  /** Preset attributes, then the rule's own, with redacted keys replaced. */
  attributes: Record<string, AttributeValue>;
  capture: CapturePlan | undefined;
  nameOf: NameOf | undefined;
}

export function componentParts(spec: CallSiteSpec): ComponentParts {
  const preset = spec.component === undefined ? undefined : presetOf(spec.component);
  const kindName = resolveKind(spec.kind, preset);
  const rules = valueRules(spec);
  const attributes = {
    ...presetAttributes(preset, kindName, spec.function, spec.sources),
    ...spec.attributes,
  };
  return {
    kind: kindName === "internal" ? undefined : KINDS[kindName],
    attributes: redactStatic(attributes, rules),
    capture: capturePlan(spec),
    nameOf: spec.nameTemplate ? spanNameOf(spec.name, spec.args ?? [], rules) : undefined,
  };
}

function resolveKind(kind: string | undefined, preset: ComponentPreset | undefined): SpanKindName {
  if (isSpanKindName(kind)) return kind;
  return preset?.kind ?? "internal";
}

/**
 * Constants, then defaults from the code: `Class.member` gives the class as
 * `class` and the member as `function`; a function without an owner is both.
 * A default the rule maps from the call (`sources`) is left to that; a
 * manual span has no function and gets none.
 */
function presetAttributes(
  preset: ComponentPreset | undefined,
  kind: SpanKindName,
  qualifiedName: string,
  sources: Readonly<Record<string, string>> | undefined,
): Record<string, AttributeValue> {
  if (preset === undefined) return {};
  const dot = qualifiedName.lastIndexOf(".");
  const fromCode = {
    class: dot > 0 ? qualifiedName.slice(0, dot) : qualifiedName,
    function: qualifiedName.slice(dot + 1),
  };
  const out: Record<string, AttributeValue> = { ...preset.constants };
  if (kind === "consumer") Object.assign(out, preset.consumerConstants);
  // Manual spans (withSpan) have no function: no defaults from the code.
  if (qualifiedName === "") return out;
  for (const [key, from] of Object.entries(preset.fromCode)) {
    if (sources?.[key] === undefined) out[key] = fromCode[from];
  }
  return out;
}

export function redactStatic(
  attributes: Record<string, AttributeValue>,
  rules: ValueRules,
): Record<string, AttributeValue> {
  for (const key of Object.keys(attributes)) {
    if (isRedactedPath(rules.redactKey, key)) attributes[key] = REDACTED;
  }
  return attributes;
}

export function kindOf(name: unknown): SpanKind | undefined {
  return isSpanKindName(name) && name !== "internal" ? KINDS[name] : undefined;
}
