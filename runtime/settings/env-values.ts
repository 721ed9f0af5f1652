/**
 * Reading one setting from the environment. Every reader here is a pure
 * function of the env object (no printing, no process access) so each value
 * can be checked in a table test; the caller prints the warnings.
 *
 * A bad value never stops the program: it becomes one warning that names the
 * variable and the value, and the setting falls back to what it would be had
 * the variable not been set.
 */

export type Env = Readonly<Record<string, string | undefined>>;

export interface EnvWarning {
  /** Dedupe key for warnOnce. */
  key: string;
  message: string;
}

/** How to read one kind of value. */
export interface ValueRule<T> {
  /** Completes "X is not ...", e.g. "a whole number from 1 up". */
  expected: string;
  /** `undefined` when the text is not a valid value. */
  parse(text: string): T | undefined;
}

/** Trimmed value, with unset and blank treated alike. */
export function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

/**
 * The value of the first variable in `names` that is set and valid, else
 * `fallback`. `names` is the precedence order (e.g. a TRACING_* variable
 * before its OTEL_* twin). Each invalid value that was skipped gets a warning
 * that says which value is used instead.
 */
export function readSetting<T>(
  env: Env,
  names: readonly string[],
  rule: ValueRule<T>,
  fallback: T,
  warnings: EnvWarning[],
): T {
  return readSettingWithSource(env, names, rule, fallback, warnings).value;
}

/** `readSetting`, also telling which variable the value came from (`undefined`: the fallback). */
export function readSettingWithSource<T>(
  env: Env,
  names: readonly string[],
  rule: ValueRule<T>,
  fallback: T,
  warnings: EnvWarning[],
): { value: T; source: string | undefined } {
  const rejected: { name: string; text: string }[] = [];
  let found: { value: T; source: string | undefined } = { value: fallback, source: undefined };
  for (const name of names) {
    const text = present(env[name]);
    if (text === undefined) continue;
    const parsed = rule.parse(text);
    if (parsed !== undefined) {
      found = { value: parsed, source: name };
      break;
    }
    rejected.push({ name, text });
  }
  for (const { name, text } of rejected) {
    warnings.push(invalidValue(name, text, `is not ${rule.expected}`, String(found.value)));
  }
  return found;
}

export function invalidValue(
  name: string,
  text: string,
  problem: string,
  used: string,
): EnvWarning {
  return { key: `env:${name}=${text}`, message: `${name}="${text}" ${problem}; using ${used}` };
}

/** A whole number within [min, max]; "5e3", "1.5" and "-1" are rejected, not rounded. */
export function integerRule(min: number, max = Number.MAX_SAFE_INTEGER): ValueRule<number> {
  const upTo = max === Number.MAX_SAFE_INTEGER ? "up" : `to ${max}`;
  return {
    expected: `a whole number from ${min} ${upTo}`,
    parse(text) {
      if (!/^\d+$/.test(text)) return undefined;
      const value = Number(text);
      return value >= min && value <= max ? value : undefined;
    },
  };
}

/** One of a fixed set of words, compared case-insensitively. */
export function choiceRule<T extends string>(choices: readonly T[]): ValueRule<T> {
  return {
    expected: `one of ${choices.join(", ")}`,
    parse(text) {
      const word = text.toLowerCase();
      return choices.find((choice) => choice === word);
    },
  };
}

const TRUE_WORDS = ["true", "1", "yes", "on"];
const FALSE_WORDS = ["false", "0", "no", "off"];

export const booleanRule: ValueRule<boolean> = {
  expected: `a boolean (use ${TRUE_WORDS.join("/")} or ${FALSE_WORDS.join("/")})`,
  parse(text) {
    const word = text.toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    return undefined;
  },
};

/** An absolute http:// or https:// URL with a host, kept as written. */
export const httpUrlRule: ValueRule<string> = {
  expected: "an http:// or https:// URL",
  parse(text) {
    try {
      const url = new URL(text);
      const web = url.protocol === "http:" || url.protocol === "https:";
      return web && url.hostname !== "" ? text : undefined;
    } catch {
      return undefined;
    }
  },
};
