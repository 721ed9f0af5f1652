/**
 * With a program, the `$args` paths and `includeArgs` names of every rule are
 * checked against every function the rule takes before anything is emitted,
 * so a miss fails the build like any other config problem (TS9901, nothing
 * written). Only rules that read parameters by name cost a pass, and only
 * over the files they take.
 */
import * as path from "node:path";
import type * as ts from "typescript";
import { ConfigError, type ConfigProblem } from "../config/config-error";
import type { InstrumentableFunction } from "../match/function-identity";
import { relativeToRoot, type FileRules } from "../match/compiled-rules";
import type { ProgramContext } from "../program-context";
import { parameterNames } from "../plan/binding-names";
import { isFileIgnored } from "../match/ignore-comments";
import { parameterProblems } from "./parameter-check";
import { ruleSources } from "./rule-sources";

export function checkProgramParameters(context: ProgramContext, program: ts.Program): void {
  if (!context.rules.some((r) => readsByName(r.rule))) return;
  // Function identities read parent pointers, which binding sets; the emit
  // that follows creates this same (cached) checker anyway.
  program.getTypeChecker();
  const problems: ConfigProblem[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile))
      continue;
    const file = relativeToRoot(context.config.rootDir, path.resolve(sourceFile.fileName));
    const rules = context.rulesFor(file);
    if (rules === undefined || !rules.rules.some((r) => readsByName(r.rule))) continue;
    if (isFileIgnored(context.ts, sourceFile)) continue;
    checkFile(context, sourceFile, file, rules, problems);
  }
  if (problems.length > 0) throw new ConfigError(context.config.configPath, problems);
}

/**
 * The file's traced functions are found here, before emit, and kept for the
 * rewrite (ProgramContext.matches), so the file is walked once. Problems are
 * listed in source order.
 */
function checkFile(
  context: ProgramContext,
  sourceFile: ts.SourceFile,
  file: string,
  rules: FileRules,
  problems: ConfigProblem[],
): void {
  const matches = context.matches.keep(sourceFile, rules);
  const inOrder = [...(matches?.functions ?? [])].sort(([a], [b]) => a.pos - b.pos);
  for (const [node, { identity, rule }] of inOrder) {
    if (!readsByName(rule.rule)) continue;
    const fn = node as InstrumentableFunction;
    const line = sourceFile.getLineAndCharacterOfPosition(fn.getStart(sourceFile)).line + 1;
    const params = parameterNames(context.ts, fn.parameters);
    const where = { ruleIndex: rule.index, qualifiedName: identity.qualifiedName, file, line };
    problems.push(...parameterProblems(rule.rule, params, where));
  }
}

function readsByName(rule: ProgramContext["rules"][number]["rule"]): boolean {
  return (
    Array.isArray(rule.includeArgs) ||
    ruleSources(rule).sources.some((s) => s.source.root === "args")
  );
}
