/**
 * Applying ValueRules inside a JSON-writing serializer: a replacer that
 * redacts keys at every depth and masks card numbers in every string and
 * number, and writes Maps (as their entries) and Errors (name, message and
 * own properties) so their contents are redacted like an object's.
 *
 * This plugs into runtime/serialize.ts; it decides only what is written, not
 * how the value is walked.
 */
import { REDACTED } from "./key-patterns";
import type { ValueRules } from "./value-rules";

export type JsonReplacer = (this: unknown, key: string, value: unknown) => unknown;

const replacers = new WeakMap<ValueRules, JsonReplacer>();

/** One replacer per ValueRules object (per site), not per call. */
export function replacerFor(rules: ValueRules): JsonReplacer {
  let replacer = replacers.get(rules);
  if (replacer === undefined) {
    replacer = makeReplacer(rules);
    replacers.set(rules, replacer);
  }
  return replacer;
}

function makeReplacer(rules: ValueRules): JsonReplacer {
  return function replace(key, value) {
    // Array indexes are not names; "" is the value itself.
    if (key !== "" && !isIndex(key) && rules.redactKey(key)) return REDACTED;
    switch (typeof value) {
      case "string":
        return rules.maskText(value);
      case "number":
        return rules.maskNumber(value);
      case "bigint":
        return `${value}n`;
      case "object":
        if (value instanceof Map) return mapEntries(value);
        if (value instanceof Error) return errorFields(value);
        return value;
      default:
        return value;
    }
  };
}

/** `new Map([["a", 1]])` as `{ "a": 1 }`; its keys then go through the replacer. */
function mapEntries(map: Map<unknown, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Map.prototype.entries.call(map) as IterableIterator<[unknown, unknown]>) {
    out[typeof k === "string" ? k : String(k)] = v;
  }
  return out;
}

function errorFields(error: Error): Record<string, unknown> {
  const fields: Record<string, unknown> = { name: error.name, message: error.message };
  return Object.assign(fields, error);
}

function isIndex(key: string): boolean {
  return key.length > 0 && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57;
}
