/** The names a traced function's spans carry. */
import { presetSpanTemplate } from "../components/preset-name";
import type { TracingRule } from "../config/config-types";
import type { FunctionIdentity } from "../match/function-identity";

/**
 * Span name: the rule's `spanName` template (or a GenAI preset's), else
 * `Class.member` or the function's name. `{args.…}`/`{this.…}` stay for the
 * runtime to fill in per call.
 */
export function spanName(rule: TracingRule, identity: FunctionIdentity, file: string): string {
  const template = rule.spanName ?? presetSpanTemplate(rule, identity);
  if (!template) return identity.qualifiedName;
  return template
    .replace(/\{class\}/g, identity.ownerName ?? "")
    .replace(/\{function\}/g, identity.name)
    .replace(/\{file\}/g, file);
}
