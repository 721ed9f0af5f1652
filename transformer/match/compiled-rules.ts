/* Folder transformer/match/: Which functions a rule takes: file globs, name patterns, the table
 * of function kinds, ignore comments. */
/**
 * Rules compiled once per program: minimatch file matchers and name matchers.
 * Deciding which rule (if any) applies to a file is done before its AST is
 * visited, so files no rule wants cost nothing.
 */
import * as path from "node:path";
import { minimatch } from "minimatch";
import type { TracingConfig } from "../config/config-types";
import { normaliseGlob } from "./glob-hints";
import { compileNamePatterns } from "./name-pattern";
import { createRuleSelector, type CompiledRule, type RuleSelector } from "./rule-selector";

export type { CompiledRule } from "./rule-selector";

export function compileRules(config: TracingConfig): CompiledRule[] {
  return config.rules.map((rule, index) => ({
    index,
    rule,
    matchesFile: compileGlobs(rule.files),
    matchesFunction: compileNamePatterns(rule.functions),
  }));
}

function compileGlobs(written: string[]): (relativePath: string) => boolean {
  const options = { dot: true };
  const globs = written.map(normaliseGlob);
  const includes = globs
    .filter((g) => !g.startsWith("!"))
    .map((g) => new minimatch.Minimatch(g, options));
  const excludes = globs
    .filter((g) => g.startsWith("!"))
    .map((g) => new minimatch.Minimatch(g.slice(1), options));
  return (file) =>
    (includes.length === 0 || includes.some((m) => m.match(file))) &&
    !excludes.some((m) => m.match(file));
}

/** A source file's path relative to the config folder, with forward slashes. */
export function relativeToRoot(rootDir: string, fileName: string): string {
  return path.relative(rootDir, fileName).split(path.sep).join("/");
}

/** The rules whose `files` take this file, in config order. */
export function rulesForFile(rules: CompiledRule[], relativePath: string): CompiledRule[] {
  return rules.filter((r) => r.matchesFile(relativePath));
}

/** The rules that take one file, and how to pick the first that takes a function. */
export interface FileRules {
  rules: readonly CompiledRule[];
  select: RuleSelector;
}

/**
 * `rulesForFile` plus a rule selector, built once per distinct set of rules
 * (most files of a program share one), not once per file.
 */
export function fileRulesIndex(
  rules: CompiledRule[],
): (relativePath: string) => FileRules | undefined {
  const bySet = new Map<string, FileRules>();
  return (relativePath) => {
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
}
