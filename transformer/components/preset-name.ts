/**
 * The default span name of the GenAI presets, as their conventions name
 * spans: `invoke_agent {gen_ai.agent.name}` and `execute_tool
 * {gen_ai.tool.name}`, where the value is the rule's literal for that
 * attribute, its `$args`/`$this` source (filled in per call), or the
 * preset's default from the code. A rule's own `spanName` wins.
 */
import { presetOf } from "../../contract/components";
import type { TracingRule } from "../config/config-types";
import { isSourceText, literalText } from "../config/value-sources";
import type { FunctionIdentity } from "../match/function-identity";

/** The template, or undefined for the ordinary default; without `identity`, code defaults stay `{class}`. */
export function presetSpanTemplate(
  rule: TracingRule,
  identity?: FunctionIdentity,
): string | undefined {
  if (rule.spanName !== undefined || rule.component === undefined) return undefined;
  const preset = presetOf(rule.component);
  const naming = preset?.spanName;
  if (preset === undefined || naming === undefined) return undefined;
  const value = rule.attributes[naming.attribute];
  // A name is chosen when the span starts, before there is a result.
  if (isSourceText(value)) {
    return value.startsWith("$result") ? undefined : `${naming.prefix} {${value.slice(1)}}`;
  }
  if (value !== undefined) {
    return `${naming.prefix} ${typeof value === "string" ? literalText(value) : String(value)}`;
  }
  const from = preset.fromCode[naming.attribute];
  if (identity === undefined) return `${naming.prefix} {${from}}`;
  const owner = from === "class" ? identity.ownerName : undefined;
  return `${naming.prefix} ${owner ?? identity.name}`;
}
