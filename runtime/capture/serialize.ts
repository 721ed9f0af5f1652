/**
 * Turning arbitrary argument and return values into span attribute values.
 * Never throws and never runs the program's code: what is read, and the
 * markers used, are in capture/render.ts and the README's "Recorded values".
 */
import { render } from "./render";
import { errorName } from "../shared/describe-error";

/** Long enough to debug with, short enough for any exporter and backend. */
export const MAX_ATTRIBUTE_LENGTH = 1024;

export function toAttributeValue(value: unknown): string | number | boolean {
  try {
    switch (typeof value) {
      case "string":
        return clip(value);
      case "number":
      case "boolean":
        return value;
      default:
        return clip(render(value, MAX_ATTRIBUTE_LENGTH));
    }
  } catch (error) {
    // Only the engine can throw here, e.g. a module namespace read before its bindings exist.
    return `[unserializable: ${errorName(error)}]`;
  }
}

function clip(text: string): string {
  return text.length <= MAX_ATTRIBUTE_LENGTH ? text : `${text.slice(0, MAX_ATTRIBUTE_LENGTH - 1)}…`;
}
