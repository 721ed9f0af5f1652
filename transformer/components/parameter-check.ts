/**
 * Build-time check of a rule against one function it takes: every
 * `$args.<parameter>` source, `{args.<parameter>}` placeholder and
 * `includeArgs` name must be one of the function's parameters. A miss is a
 * config problem naming the rule key, the function and its parameters.
 */
import type { ConfigProblem } from "../config/config-error";
import type { TracingRule } from "../config/config-types";
import { suggestion } from "../config/json-text";
import { ruleSources } from "./rule-sources";

/** `Repo.find (src/repo.ts:12)`: how the messages name the function. */
export interface FunctionWhere {
  ruleIndex: number;
  qualifiedName: string;
  file: string;
  line: number;
}

export function parameterProblems(
  rule: TracingRule,
  params: readonly string[],
  where: FunctionWhere,
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const rulePath = `rules[${where.ruleIndex}]`;
  const check = (path: string, name: string, shown: string) => {
    if (params.includes(name)) return;
    problems.push({ path, message: unknownParameter(shown, name, params, where) });
  };
  for (const { key, source } of ruleSources(rule).sources) {
    if (source.root !== "args") continue;
    const path = key === "spanName" ? `${rulePath}.spanName` : `${rulePath}.attributes.${key}`;
    const shown =
      key === "spanName" ? `{args.${source.path.join(".")}}` : `$args.${source.path.join(".")}`;
    check(path, source.path[0], shown);
  }
  if (Array.isArray(rule.includeArgs)) {
    rule.includeArgs.forEach((name, i) =>
      check(`${rulePath}.includeArgs[${i}]`, name, JSON.stringify(name)),
    );
  }
  return problems;
}

function unknownParameter(
  shown: string,
  name: string,
  params: readonly string[],
  where: FunctionWhere,
): string {
  const fn = `${where.qualifiedName} (${where.file}:${where.line})`;
  const has = params.length === 0 ? "has no parameters" : `has the parameters ${params.join(", ")}`;
  const hint = params.length === 0 ? "" : ` ${suggestion(name, params, "Use one of")}`;
  return (
    `${shown} reads the parameter "${name}", but ${fn}, which this rule takes, ${has}.${hint}` +
    ' Rename the path, or narrow the rule\'s "functions".'
  );
}
