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
import { identifyFunction, isInstrumentable } from "../match/function-identity";
import { relativeToRoot } from "../match/compiled-rules";
import type { ProgramContext } from "../program-context";
import { parameterNames } from "../plan/binding-names";
import { hasIgnoreComment, isFileIgnored } from "../match/ignore-comments";
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
    checkFile(context, sourceFile, file, rules.select, problems);
  }
  if (problems.length > 0) throw new ConfigError(context.config.configPath, problems);
}

function checkFile(
  context: ProgramContext,
  sourceFile: ts.SourceFile,
  file: string,
  select: NonNullable<ReturnType<ProgramContext["rulesFor"]>>["select"],
  problems: ConfigProblem[],
): void {
  const tsi = context.ts;
  const visit = (node: ts.Node): void => {
    if (isInstrumentable(tsi, node)) {
      const identity = identifyFunction(tsi, node);
      const rule = identity && select(identity);
      if (identity && rule && readsByName(rule.rule) && !hasIgnoreComment(tsi, sourceFile, node)) {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        const params = parameterNames(tsi, node.parameters);
        const where = { ruleIndex: rule.index, qualifiedName: identity.qualifiedName, file, line };
        problems.push(...parameterProblems(rule.rule, params, where));
      }
    }
    tsi.forEachChild(node, visit);
  };
  visit(sourceFile);
}

function readsByName(rule: ProgramContext["rules"][number]["rule"]): boolean {
  return (
    Array.isArray(rule.includeArgs) ||
    ruleSources(rule).sources.some((s) => s.source.root === "args")
  );
}
