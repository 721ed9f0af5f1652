/**
 * Picks the first rule that takes a function, in time that barely grows with
 * the number of rules: the include patterns of all rules that take a file are
 * folded into two regular expressions (own names, and `Class.member` names)
 * with one capture group per rule, so one native match finds the first
 * candidate. The candidate is then checked in full (exclusions, constructors);
 * only when that check fails does the search go on rule by rule.
 */
import type { TracingRule } from "../config/config-types";
import { patternSource, type NameMatcher, type NamedFunction } from "./name-pattern";

/** A rule compiled once per program (match/compiled-rules.ts builds them). */
export interface CompiledRule {
  index: number;
  rule: TracingRule;
  matchesFile: (relativePath: string) => boolean;
  matchesFunction: NameMatcher;
}

export type RuleSelector = (fn: NamedFunction) => CompiledRule | undefined;

export function createRuleSelector(rules: readonly CompiledRule[]): RuleSelector {
  if (rules.length <= 2) return (fn) => firstMatch(rules, fn, 0);
  const byName = combined(rules, (pattern) => !pattern.includes("."));
  const byQualifiedName = combined(rules, (pattern) => pattern.includes("."));
  return (fn) => {
    const candidate = Math.min(
      firstGroup(byName?.exec(fn.name)),
      firstGroup(byQualifiedName?.exec(fn.qualifiedName)),
    );
    if (candidate === Infinity) return undefined;
    return rules[candidate].matchesFunction(fn)
      ? rules[candidate]
      : firstMatch(rules, fn, candidate + 1);
  };
}

function firstMatch(
  rules: readonly CompiledRule[],
  fn: NamedFunction,
  from: number,
): CompiledRule | undefined {
  for (let i = from; i < rules.length; i++) if (rules[i].matchesFunction(fn)) return rules[i];
  return undefined;
}

/** `^(?:(a|b)|(?!)|(c))$`: group i+1 matches when rule i has an include pattern that matches. */
function combined(
  rules: readonly CompiledRule[],
  kind: (pattern: string) => boolean,
): RegExp | undefined {
  let any = false;
  const groups = rules.map((rule) => {
    const patterns = includePatterns(rule.rule.functions).filter(kind);
    any ||= patterns.length > 0;
    return patterns.length === 0 ? "((?!))" : `(${patterns.map(patternSource).join("|")})`;
  });
  return any ? new RegExp(`^(?:${groups.join("|")})$`) : undefined;
}

/** A list of exclusions alone means "everything except", as in name-pattern.ts. */
function includePatterns(patterns: string[]): string[] {
  const includes = patterns.filter((p) => !p.startsWith("!"));
  return includes.length > 0 ? includes : ["*"];
}

function firstGroup(match: RegExpExecArray | null | undefined): number {
  if (!match) return Infinity;
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return i - 1;
  return Infinity;
}
