/**
 * Turning arbitrary argument and return values into span attribute values.
 * Never throws and never runs the program's code: what is read, and the
 * markers used, are in capture/render.ts and the README's "Recorded values".
 * What may be recorded (redacted keys, masked card numbers, lengths) comes in
 * as ValueRules, which render applies while it writes.
 */
import { render } from "./render";
import { errorName } from "../shared/describe-error";
import { DEFAULT_VALUE_RULES, type ValueRules } from "../redaction/value-rules";

/** Long enough to debug with, short enough for any exporter and backend. */
export const MAX_ATTRIBUTE_LENGTH = 1024;

/** `maxLength` is what is left of the value's and the span's budget. */
export function toAttributeValue(
  value: unknown,
  rules: ValueRules = DEFAULT_VALUE_RULES,
  maxLength = rules.maxLength,
): string | number | boolean {
  try {
    switch (typeof value) {
      case "string":
        return clip(rules.maskText(value, maxLength), maxLength);
      case "number":
        return rules.maskNumber(value);
      case "boolean":
        return value;
      default:
        return clip(render(value, maxLength, rules), maxLength);
    }
  } catch (error) {
    // Only the engine can throw here, e.g. a module namespace read before its bindings exist.
    return `[unserializable: ${errorName(error)}]`;
  }
}

/** At most `max` characters; a cut shows as a trailing `…`. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
