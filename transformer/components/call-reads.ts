/* Folder transformer/components/: The build-time side of components: which values a rule reads
 * from each call, and the checks that its `$args` paths name real parameters. */
/**
 * Per traced function: which parameter names its site lists, whether `this`
 * is passed, and the build-time check that the rule's `$args` paths and
 * `includeArgs` names are parameters of this function. Without a program
 * (ts.transpileModule) the check can only run here, so a miss throws the
 * ConfigError; with one, check-program.ts has already reported it.
 */
import { ConfigError } from "../config/config-error";
import type { CompiledRule } from "../match/compiled-rules";
import type { FunctionIdentity } from "../match/function-identity";
import type { ProgramContext } from "../program-context";
import { parameterProblems } from "./parameter-check";
import { ruleSources } from "./rule-sources";

export interface CallReads {
  /** Parameter names for the site, when the rule records or reads arguments or `this`. */
  args: readonly string[] | undefined;
  needsThis: boolean;
}

export function readsFromCall(
  context: ProgramContext,
  rule: CompiledRule,
  identity: FunctionIdentity,
  params: readonly string[],
  at: { file: string; line: number },
): CallReads {
  const { needsArgs, needsThis } = ruleSources(rule.rule);
  if (!needsArgs && !needsThis) return { args: undefined, needsThis };
  const problems = parameterProblems(rule.rule, params, {
    ruleIndex: rule.index,
    qualifiedName: identity.qualifiedName,
    ...at,
  });
  if (problems.length > 0) throw new ConfigError(context.config.configPath, problems);
  // No parameters and no `this`: nothing to pass (an $args path would have failed above).
  return { args: params.length > 0 || needsThis ? params : undefined, needsThis };
}
