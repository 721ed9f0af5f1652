/** Shared by the config validators: how a given value reads in an error, and "did you mean". */

import { nearestNames } from "./nearest-names";

export type Json = unknown;

/** Where a problem is and what to say about it; collected, never thrown. */
export type Report = (path: string, message: string) => void;

export function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short rendering of a given value for error messages. */
export function describe(value: Json): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value))
    return value.length === 0 ? "an empty array" : `an array ${truncate(JSON.stringify(value))}`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${truncate(JSON.stringify(value))}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** ` Did you mean "x"?` for a near miss, else the allowed names; for the end of a message. */
export function suggestion(given: string, allowed: readonly string[], what = "Allowed"): string {
  const nearest = closestKey(given, allowed);
  return nearest ? `Did you mean "${nearest}"?` : `${what}: ${allowed.join(", ")}.`;
}

/** The allowed name nearest to a misspelt one, if it is near enough to be a typo. */
export function closestKey(key: string, allowed: readonly string[]): string | undefined {
  return nearestNames(key, allowed, 1)[0];
}
