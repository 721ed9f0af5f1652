/**
 * Turning arbitrary argument and return values into span attribute values.
 * Never throws: whatever a program passes around, tracing must not fail on it.
 */
import { errorName } from "./errors";

/** Long enough to debug with, short enough for any exporter and backend. */
export const MAX_ATTRIBUTE_LENGTH = 1024;

export function toAttributeValue(value: unknown): string | number | boolean {
  try {
    return convert(value);
  } catch (error) {
    // Cycles, throwing getters or toJSON, hostile proxies.
    return `[unserializable: ${errorName(error)}]`;
  }
}

function convert(value: unknown): string | number | boolean {
  switch (typeof value) {
    case "string":
      return clip(value);
    case "number":
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
      return value === null ? "null" : clip(toJson(value));
  }
}

function toJson(value: unknown): string {
  // JSON.stringify returns undefined for e.g. a toJSON() that returns undefined.
  return JSON.stringify(value, bigintAsText) ?? "undefined";
}

/** JSON.stringify throws on bigint; a nested bigint should not lose the whole value. */
function bigintAsText(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? `${value}n` : value;
}

function clip(text: string): string {
  return text.length <= MAX_ATTRIBUTE_LENGTH ? text : `${text.slice(0, MAX_ATTRIBUTE_LENGTH - 1)}…`;
}
