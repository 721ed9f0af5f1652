/**
 * The rule keys that say what a span is and what it may record: `kind`,
 * `component`, `includeArgs` (true or parameter names), values from the call
 * in `attributes` and `spanName`, `redact`, `maxValueLength` and
 * `maxTotalValueLength`. Each problem names the key, what was given and the fix.
 */
import { COMPONENT_NAMES, type ComponentName } from "../../contract/components";
import { SPAN_KIND_NAMES, type SpanKindName } from "../../contract/components";
import type { RedactOptions } from "./config-types";
import { describe, isPlainObject, suggestion, type Json, type Report } from "./json-text";
import { isSourceText, nameSources, parseSource } from "./value-sources";

export const COMPONENT_RULE_KEYS = [
  "kind",
  "component",
  "redact",
  "maxValueLength",
  "maxTotalValueLength",
];
export const REDACT_KEYS = ["clear", "add", "cardNumbers"];
const SPAN_NAME_PLACEHOLDERS = ["{class}", "{function}", "{file}"];
const PATTERN = /^[A-Za-z0-9_*.-]+$/;

export interface ComponentKeys {
  kind?: SpanKindName;
  component?: ComponentName;
  redact?: RedactOptions;
  maxValueLength?: number;
  maxTotalValueLength?: number;
}

export function validateComponentKeys(
  rule: Record<string, Json>,
  path: string,
  report: Report,
): ComponentKeys {
  return {
    kind: oneOf(rule.kind, SPAN_KIND_NAMES, `${path}.kind`, "kinds", report),
    component: oneOf(rule.component, COMPONENT_NAMES, `${path}.component`, "presets", report),
    redact: validateRedact(rule.redact, `${path}.redact`, report),
    maxValueLength: positiveInteger(rule.maxValueLength, `${path}.maxValueLength`, report),
    maxTotalValueLength: positiveInteger(
      rule.maxTotalValueLength,
      `${path}.maxTotalValueLength`,
      report,
    ),
  };
}

/** `true`, `false`, or a non-empty list of parameter names (checked per function later). */
export function validateIncludeArgs(value: Json, path: string, report: Report): boolean | string[] {
  if (value === undefined) return false;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) {
    return value as string[];
  }
  report(path, `expected true, false or a list of parameter names, got ${describe(value)}.`);
  return false;
}

/** Syntax of `$args.x` / `$this.x` / `$result.x` attribute values. */
export function checkAttributeSources(
  attributes: Record<string, Json>,
  path: string,
  report: Report,
): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (!isSourceText(value)) continue;
    const source = parseSource(value);
    if ("problem" in source) report(`${path}.${key}`, source.problem);
  }
}

/** Problems of one `{...}` placeholder of a span name, or undefined. */
export function spanNamePlaceholderProblem(placeholder: string): string | undefined {
  if (SPAN_NAME_PLACEHOLDERS.includes(placeholder)) return undefined;
  const [inner] = nameSources(placeholder);
  if (inner !== undefined) {
    const source = parseSource(inner);
    return "problem" in source ? source.problem : undefined;
  }
  const allowed = [...SPAN_NAME_PLACEHOLDERS, "{args.<parameter>}", "{this.<path>}"];
  return `unknown placeholder ${placeholder}; use ${allowed.join(", ")}.`;
}

function oneOf<T extends string>(
  value: Json,
  allowed: readonly T[],
  path: string,
  what: string,
  report: Report,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return value as T;
  const given = typeof value === "string" ? `"${value}"` : describe(value);
  const hint = typeof value === "string" ? suggestion(value, allowed, `Known ${what}`) : "";
  report(path, `unknown value ${given}. ${hint || `Known ${what}: ${allowed.join(", ")}.`}`);
  return undefined;
}

function validateRedact(value: Json, path: string, report: Report): RedactOptions | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value))
    return { clear: false, add: patterns(value, path, report), cards: true };
  if (!isPlainObject(value)) {
    report(
      path,
      `expected a list of patterns such as ["*ssn*"], or { "clear": true, "add": [...] }, got ${describe(value)}.`,
    );
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!REDACT_KEYS.includes(key))
      report(`${path}.${key}`, `unknown key. ${suggestion(key, REDACT_KEYS, "Allowed keys")}`);
  }
  const flag = (key: string) => {
    const given = value[key];
    if (given === undefined || typeof given === "boolean") return given;
    report(`${path}.${key}`, `expected true or false, got ${describe(given)}.`);
    return undefined;
  };
  const add = value.add === undefined ? [] : patterns(value.add, `${path}.add`, report);
  return { clear: flag("clear") ?? false, add, cards: flag("cardNumbers") ?? true };
}

function patterns(value: Json, path: string, report: Report): string[] {
  if (!Array.isArray(value)) {
    report(path, `expected a list of patterns such as ["*ssn*"], got ${describe(value)}.`);
    return [];
  }
  return value.filter((pattern, i) => {
    if (typeof pattern === "string" && PATTERN.test(pattern)) return true;
    report(
      `${path}[${i}]`,
      `expected a name pattern of letters, digits, _ - . and * (the wildcard), got ${describe(pattern)}.`,
    );
    return false;
  }) as string[];
}

function positiveInteger(value: Json, path: string, report: Report): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return value;
  report(path, `expected a whole number of characters >= 1, got ${describe(value)}.`);
  return undefined;
}
