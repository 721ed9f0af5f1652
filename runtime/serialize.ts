/**
 * Turning arbitrary argument and return values into span attribute values.
 * Never throws: whatever a program passes around, tracing must not fail on it.
 */
import { replacerFor } from "./redaction/json-hooks";
import { DEFAULT_VALUE_RULES, type ValueRules } from "./redaction/value-rules";
import { errorName } from "./errors";

/** Long enough to debug with, short enough for any exporter and backend. */
export const MAX_ATTRIBUTE_LENGTH = 1024;

/**
 * `rules` redact keys and mask card numbers while writing (redaction/json-hooks.ts);
 * `maxLength` is what is left of the value's and the span's budget.
 */
export function toAttributeValue(
  value: unknown,
  rules: ValueRules = DEFAULT_VALUE_RULES,
  maxLength = rules.maxLength,
): string | number | boolean {
  try {
    return convert(value, rules, maxLength);
  } catch (error) {
    // Cycles, throwing getters or toJSON, hostile proxies.
    return `[unserializable: ${errorName(error)}]`;
  }
}

function convert(value: unknown, rules: ValueRules, max: number): string | number | boolean {
  switch (typeof value) {
    case "string":
      return clip(rules.maskText(value), max);
    case "number":
      return rules.maskNumber(value);
    case "boolean":
      return value;
    case "bigint":
      return `${value}n`;
    case "symbol":
      return value.toString();
    case "function":
      return `[function ${value.name || "anonymous"}]`;
    case "undefined":
      return "undefined";
    default:
      // typeof "object"; null is the one object JSON would not describe usefully.
      return value === null ? "null" : clip(toJson(value, rules), max);
  }
}

function toJson(value: unknown, rules: ValueRules): string {
  // JSON.stringify returns undefined for e.g. a toJSON() that returns undefined.
  // The replacer also writes bigints, which JSON.stringify would throw on.
  return JSON.stringify(value, replacerFor(rules)) ?? "undefined";
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
