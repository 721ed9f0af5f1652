/**
 * Span names with values from the call: `"{class}.{function} {args.operation}"`
 * (class and function are filled in at build time; `{args.…}` and `{this.…}`
 * per call). Each value is cut at 64 characters and the whole name at 256:
 * every distinct name is a distinct operation in most backends, so a value
 * with many distinct values (ids, SQL text) belongs in an attribute instead.
 */
import { isRedactedPath, REDACTED } from "../redaction/key-patterns";
import { readOwnPath } from "./own-path";
import type { ValueRules } from "../redaction/value-rules";

export const MAX_NAME_VALUE_LENGTH = 64;
export const MAX_SPAN_NAME_LENGTH = 256;

type Part = string | { index: number; path: readonly string[]; redacted: boolean };

/** A function from the call's values to its span name; undefined when the name is fixed. */
export type NameOf = (values: readonly unknown[] | undefined) => string;

export function spanNameOf(
  template: string,
  names: readonly string[],
  rules: ValueRules,
): NameOf | undefined {
  const parts = parse(template, names, rules);
  if (parts.every((p) => typeof p === "string")) return undefined;
  return (values) => {
    let name = "";
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      name += typeof part === "string" ? part : valueText(part, values, rules);
    }
    name = name.trim();
    return name.length <= MAX_SPAN_NAME_LENGTH ? name : name.slice(0, MAX_SPAN_NAME_LENGTH);
  };
}

function parse(template: string, names: readonly string[], rules: ValueRules): Part[] {
  return template.split(/(\{(?:args|this)\.?[^}]*\})/).map((piece) => {
    const match = /^\{(args|this)\.?([^}]*)\}$/.exec(piece);
    if (!match) return piece;
    const steps = match[2] === "" ? [] : match[2].split(".");
    const index = match[1] === "this" ? names.length : names.indexOf(steps[0]);
    const path = match[1] === "this" ? steps : steps.slice(1);
    const redacted = isRedactedPath(rules.redactKey, steps.join("."));
    return { index, path, redacted };
  });
}

function valueText(
  part: Exclude<Part, string>,
  values: readonly unknown[] | undefined,
  rules: ValueRules,
): string {
  if (part.index < 0) return "";
  const value = readOwnPath(values?.[part.index], part.path);
  if (value === undefined) return "";
  if (part.redacted) return REDACTED;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return "";
  const text = rules.maskText(value, MAX_NAME_VALUE_LENGTH);
  return text.length <= MAX_NAME_VALUE_LENGTH ? text : text.slice(0, MAX_NAME_VALUE_LENGTH);
}
