/**
 * What a site may record, as options a serializer applies while it writes:
 * keys to redact (at any depth), card numbers to mask in text, and how long a
 * value may get. Built once per site, shared by all its calls.
 */
import { maskCardNumber, maskCardNumbers } from "./card-numbers";
import { compileKeyPatterns, DEFAULT_REDACT_PATTERNS, type KeyMatcher } from "./key-patterns";

/** Per value, unless a rule says `maxValueLength`. */
export const DEFAULT_MAX_VALUE_LENGTH = 1024;
/** Per span, all captured values together, unless a rule says `maxTotalValueLength`. */
export const DEFAULT_MAX_TOTAL_VALUE_LENGTH = 8192;

export interface ValueRules {
  /** A recorded value's text is cut to this many characters. */
  readonly maxLength: number;
  /** Keys (parameter names, attribute keys, nested keys) whose values become [REDACTED]. */
  readonly redactKey: KeyMatcher;
  /**
   * Text with Luhn-valid 13-19 digit numbers masked (identity when masking is
   * off). With `limit`, only the first `limit` characters of the result are
   * meant to be kept: the rest may be cut, and the cost is bounded by `limit`.
   */
  readonly maskText: (text: string, limit?: number) => string;
  readonly maskNumber: (value: number) => number | string;
}

export interface ValueRulesSpec {
  redactDefaults?: boolean;
  redact?: readonly string[];
  cardNumbers?: boolean;
  maxValueLength?: number;
}

const identity = <T>(value: T): T => value;

export function valueRules(spec: ValueRulesSpec): ValueRules {
  const patterns = [
    ...(spec.redactDefaults === false ? [] : DEFAULT_REDACT_PATTERNS),
    ...(spec.redact ?? []),
  ];
  const masks = spec.cardNumbers !== false;
  return Object.freeze({
    maxLength: spec.maxValueLength ?? DEFAULT_MAX_VALUE_LENGTH,
    redactKey: compileKeyPatterns(patterns),
    maskText: masks ? maskCardNumbers : identity,
    maskNumber: masks ? maskCardNumber : identity,
  });
}

/** The rules of sites that say nothing: default patterns, masking on, 1,024 characters. */
export const DEFAULT_VALUE_RULES = valueRules({});
