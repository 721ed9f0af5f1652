/**
 * The per-rule options object the emitted code declares once per file
 * (`var __autotrace_r0 = {...}`) and the runtime turns into part of each
 * CallSite (runtime/emitted/site-table.ts). Only what differs from the defaults is written.
 */
import type { SiteOptions } from "../../contract";
import type { TracingRule } from "../config/config-types";
import { isSourceText, literalText } from "../config/value-sources";
import { ruleSources } from "./rule-sources";

export function ruleOptions(rule: TracingRule): SiteOptions {
  const options: SiteOptions = {};
  if (rule.includeResult) options.result = true;
  if (!rule.followPromises) options.followPromises = false;
  if (rule.thresholdMs !== undefined) options.thresholdMs = rule.thresholdMs;
  const { literals, sources } = splitAttributes(rule);
  if (Object.keys(literals).length > 0) options.attributes = literals;
  if (Object.keys(sources).length > 0) options.sources = sources;
  if (rule.kind !== undefined) options.kind = rule.kind;
  if (rule.component !== undefined) options.component = rule.component;
  if (ruleSources(rule).dynamicName) options.nameTemplate = true;
  // The site lists every parameter when the rule reads any; these say which are recorded.
  const { needsArgs, needsThis } = ruleSources(rule);
  if (rule.includeArgs === false && (needsArgs || needsThis)) options.recordArgs = false;
  if (Array.isArray(rule.includeArgs)) options.recordArgs = rule.includeArgs;
  if (rule.redact?.clear) options.redactDefaults = false;
  if (rule.redact && rule.redact.add.length > 0) options.redact = rule.redact.add;
  if (rule.redact?.cards === false) options.cardNumbers = false;
  if (rule.maxValueLength !== undefined) options.maxValueLength = rule.maxValueLength;
  if (rule.maxTotalValueLength !== undefined)
    options.maxTotalValueLength = rule.maxTotalValueLength;
  return options;
}

/** `$args.sql` values go to `sources` (without the `$`); `$$x` is the literal `$x`. */
function splitAttributes(rule: TracingRule) {
  const literals: NonNullable<SiteOptions["attributes"]> = {};
  const sources: Record<string, string> = {};
  for (const [key, value] of Object.entries(rule.attributes)) {
    if (isSourceText(value)) sources[key] = value.slice(1);
    else literals[key] = typeof value === "string" ? literalText(value) : value;
  }
  return { literals, sources };
}
