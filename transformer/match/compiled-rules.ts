/* Folder transformer/match/: Which functions a rule takes: file globs, name patterns, the table
 * of function kinds, ignore comments. */
/**
 * Rules compiled once per program: file matchers (file-globs.ts) and name
 * matchers (name-pattern.ts, compiled on first use).
 * Deciding which rule (if any) applies to a file is done before its AST is
 * visited, so files no rule wants cost nothing.
 */
import * as path from "node:path";
import type { TracingConfig } from "../config/config-types";
import { fileMatcherCompiler } from "./file-globs";
import { compileNamePatterns, type NameMatcher } from "./name-pattern";
import { createRuleSelector, type CompiledRule, type RuleSelector } from "./rule-selector";

export type { CompiledRule } from "./rule-selector";

export function compileRules(config: TracingConfig): CompiledRule[] {
  const compileFiles = fileMatcherCompiler();
  return config.rules.map((rule, index) => ({
    index,
    rule,
    matchesFile: compileFiles(rule.files),
    matchesFunction: lazily(() => compileNamePatterns(rule.functions)),
  }));
}

/** A rule whose files the program does not have never needs its name patterns compiled. */
function lazily(compile: () => NameMatcher): NameMatcher {
  let matcher: NameMatcher | undefined;
  return (fn) => (matcher ??= compile())(fn);
}

/** A source file's path relative to the config folder, with forward slashes. */
export function relativeToRoot(rootDir: string, fileName: string): string {
  return path.relative(rootDir, fileName).split(path.sep).join("/");
}

/**
 * The rules whose `files` take this file, in config order. Rules that list
 * the same globs share a matcher (file-globs.ts), which is asked once.
 */
export function rulesForFile(rules: readonly CompiledRule[], relativePath: string): CompiledRule[] {
  const asked = new Map<CompiledRule["matchesFile"], boolean>();
  return rules.filter((r) => {
    let takes = asked.get(r.matchesFile);
    if (takes === undefined) asked.set(r.matchesFile, (takes = r.matchesFile(relativePath)));
    return takes;
  });
}

/** The rules that take one file, and how to pick the first that takes a function. */
export interface FileRules {
  rules: readonly CompiledRule[];
  select: RuleSelector;
}

/**
 * `rulesForFile` plus a rule selector, built once per distinct set of rules
 * (most files of a program share one), not once per file; and remembered per
 * path, as a build asks for each file more than once (program-context.ts,
 * the parameter check, the rewrite).
 */
export function fileRulesIndex(
  rules: CompiledRule[],
): (relativePath: string) => FileRules | undefined {
  const bySet = new Map<string, FileRules>();
  const byPath = new Map<string, FileRules | undefined>();
  const lookUp = (relativePath: string) => {
    const taking = rulesForFile(rules, relativePath);
    if (taking.length === 0) return undefined;
    const key = taking.map((r) => r.index).join(",");
    let entry = bySet.get(key);
    if (entry === undefined) {
      entry = { rules: taking, select: createRuleSelector(taking) };
      bySet.set(key, entry);
    }
    return entry;
  };
  return (relativePath) => {
    if (byPath.has(relativePath)) return byPath.get(relativePath);
    const entry = lookUp(relativePath);
    byPath.set(relativePath, entry);
    return entry;
  };
}
