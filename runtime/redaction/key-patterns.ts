/**
 * Redaction by name: which parameter names, attribute keys and nested object
 * keys hold values that must never be recorded. Patterns use `*` as the only
 * wildcard and compare case-insensitively, ignoring `-` and `_`, so
 * `*apiKey*` also takes `x-api-key` and `API_KEY`.
 */

/** Replaces every redacted value. */
export const REDACTED = "[REDACTED]";

/** On unless a rule clears them (`"redact": { "clear": true }`). */
export const DEFAULT_REDACT_PATTERNS: readonly string[] = Object.freeze([
  "*password*",
  "*secret*",
  "*token*",
  "authorization",
  "cookie",
  "*apiKey*",
  "card*",
  "*cardNumber*",
]);

/** True when a key's value must be replaced by `[REDACTED]`. */
export type KeyMatcher = (key: string) => boolean;

const NEVER: KeyMatcher = () => false;

/** One regular expression for all patterns; `undefined` patterns or none match nothing. */
export function compileKeyPatterns(patterns: readonly string[] | undefined): KeyMatcher {
  if (patterns === undefined || patterns.length === 0) return NEVER;
  const source = patterns.map((p) => normalizeKey(p).split("*").map(escape).join(".*")).join("|");
  const regex = new RegExp(`^(?:${source})$`);
  // Most keys repeat (the same object shapes are recorded call after call).
  const seen = new Map<string, boolean>();
  return (key) => {
    let hit = seen.get(key);
    if (hit === undefined) {
      hit = regex.test(normalizeKey(key));
      if (seen.size < 4096) seen.set(key, hit);
    }
    return hit;
  };
}

/**
 * A dotted attribute key (`http.request.header.authorization`) or a path
 * (`args.user.password`) is redacted when any of its segments is.
 */
export function isRedactedPath(matches: KeyMatcher, dotted: string): boolean {
  if (matches === NEVER) return false;
  return dotted.split(".").some((segment) => matches(segment));
}

/** `*`, case and `-`/`_` do not count: `API_KEY`, `api-key` and `apiKey` are one name. */
function normalizeKey(key: string): string {
  return key.replace(/[-_]/g, "").toLowerCase();
}

function escape(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
