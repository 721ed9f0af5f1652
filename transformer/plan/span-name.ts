/** The names a traced function's spans carry. */
import type { TracingRule } from "../config/config-types";
import type { FunctionIdentity } from "../match/function-identity";

/** Span name: the rule's `spanName` template, else `Class.member` or the function's name. */
export function spanName(rule: TracingRule, identity: FunctionIdentity, file: string): string {
  const template = rule.spanName;
  if (!template) return identity.qualifiedName;
  return template
    .replace(/\{class\}/g, identity.ownerName ?? "")
    .replace(/\{function\}/g, identity.name)
    .replace(/\{file\}/g, file);
}
