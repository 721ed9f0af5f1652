/**
 * What a rule reads from each call, worked out once per rule: the
 * `$args`/`$this`/`$result` attribute sources, the `{args.…}`/`{this.…}`
 * span-name placeholders, and so whether the emitted code must pass the
 * parameters' values and `this` to the runtime.
 */
import type { TracingRule } from "../config/config-types";
import { presetSpanTemplate } from "./preset-name";
import { isSourceText, nameSources, parseSource, type ValueSource } from "../config/value-sources";

export interface RuleSources {
  /** Attribute key (or `spanName`) and its parsed source. */
  sources: { key: string; source: ValueSource }[];
  /** The span name has `{args.…}` or `{this.…}` placeholders. */
  dynamicName: boolean;
  /** The emitted code passes the parameters' values. */
  needsArgs: boolean;
  /** The emitted code passes `this` after the parameters. */
  needsThis: boolean;
  /** The runtime needs the return value (includeResult or a `$result` source). */
  needsResult: boolean;
}

const cache = new WeakMap<TracingRule, RuleSources>();

export function ruleSources(rule: TracingRule): RuleSources {
  let found = cache.get(rule);
  if (found === undefined) {
    found = collect(rule);
    cache.set(rule, found);
  }
  return found;
}

function collect(rule: TracingRule): RuleSources {
  const sources: RuleSources["sources"] = [];
  for (const [key, value] of Object.entries(rule.attributes)) {
    if (!isSourceText(value)) continue;
    const source = parseSource(value);
    if (!("problem" in source)) sources.push({ key, source });
  }
  const template = rule.spanName ?? presetSpanTemplate(rule);
  const placeholders = template ? nameSources(template) : [];
  for (const text of placeholders) {
    const source = parseSource(text);
    if (!("problem" in source)) sources.push({ key: "spanName", source });
  }
  const roots = new Set(sources.map((s) => s.source.root));
  return {
    sources,
    dynamicName: placeholders.length > 0,
    needsArgs: rule.includeArgs !== false || roots.has("args"),
    needsThis: roots.has("this"),
    needsResult: rule.includeResult || roots.has("result"),
  };
}
