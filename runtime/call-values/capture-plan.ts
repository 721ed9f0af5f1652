/* Folder runtime/call-values/: What one call records, planned once per site: which arguments,
 * `this` and result paths become attributes, read without running program code. */
/**
 * A site's capture plan, built once in site(): which values each call records
 * (includeArgs, includeResult, `$args`/`$this`/`$result` attribute sources),
 * where each comes from, and which are redacted by name before any is read.
 */
import { isRedactedPath } from "../redaction/key-patterns";
import {
  valueRules,
  DEFAULT_MAX_TOTAL_VALUE_LENGTH,
  type ValueRules,
  type ValueRulesSpec,
} from "../redaction/value-rules";

/** `index` of a read from the result rather than the call's values. */
export const FROM_RESULT = -1;

export interface Read {
  /** Attribute key: `args.qty`, `result`, or the rule's own (`db.query.text`). */
  readonly key: string;
  /** Index into the values the emitted code passes: parameters, then `this`; or FROM_RESULT. */
  readonly index: number;
  readonly path: readonly string[];
  /** The key or a path step matches a redact pattern: recorded as [REDACTED]. */
  readonly redacted: boolean;
  /** includeArgs/includeResult record `undefined` too; a path that finds nothing sets nothing. */
  readonly always: boolean;
  /** The value itself (no path), not redacted: numbers and booleans are set as they are. */
  readonly direct: boolean;
}

export interface CapturePlan {
  readonly rules: ValueRules;
  /** Characters all captured values of one span may use together. */
  readonly budget: number;
  readonly startReads: readonly Read[] | undefined;
  readonly endReads: readonly Read[] | undefined;
  /** Both phases record: the budget left at the start is kept for the end. */
  readonly carriesBudget: boolean;
  /** The most the end's values can take (each at most maxLength). */
  readonly endNeeds: number;
}

export interface CaptureSpec extends ValueRulesSpec {
  /** Parameter names the emitted code passes values for, in order; `this` follows them. */
  args?: readonly string[];
  recordArgs?: boolean | readonly string[];
  result?: boolean;
  /** Attribute key to `args.sql`, `this.name`, `result.hit`. */
  sources?: Readonly<Record<string, string>>;
  maxTotalValueLength?: number;
}

export function capturePlan(spec: CaptureSpec): CapturePlan | undefined {
  const rules = valueRules(spec);
  const start: Read[] = [...argReads(spec, rules)];
  const end: Read[] = spec.result === true ? [read(rules, "result", FROM_RESULT, [], true)] : [];
  for (const [key, text] of Object.entries(spec.sources ?? {})) {
    const source = sourceRead(rules, key, text, spec.args ?? []);
    if (source) (source.index === FROM_RESULT ? end : start).push(source);
  }
  if (start.length === 0 && end.length === 0) return undefined;
  return Object.freeze({
    rules,
    budget: spec.maxTotalValueLength ?? DEFAULT_MAX_TOTAL_VALUE_LENGTH,
    startReads: start.length > 0 ? Object.freeze(start) : undefined,
    endReads: end.length > 0 ? Object.freeze(end) : undefined,
    carriesBudget: start.length > 0 && end.length > 0,
    endNeeds: end.length * rules.maxLength,
  });
}

function argReads(spec: CaptureSpec, rules: ValueRules): Read[] {
  const names = spec.args ?? [];
  const recorded = spec.recordArgs ?? true;
  if (recorded === false) return [];
  return names
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => recorded === true || recorded.includes(name))
    .map(({ name, index }) => read(rules, `args.${name}`, index, [], true, name));
}

/** `args.order.id` -> the value at parameter `order`, path `id`; `this.x` -> after the parameters. */
function sourceRead(rules: ValueRules, key: string, text: string, names: readonly string[]) {
  const [root, ...path] = text.split(".");
  if (root === "result") return read(rules, key, FROM_RESULT, path, false);
  if (root === "this") return read(rules, key, names.length, path, false);
  const index = names.indexOf(path[0]);
  if (root !== "args" || index < 0) return undefined;
  return read(rules, key, index, path.slice(1), false, path[0]);
}

function read(
  rules: ValueRules,
  key: string,
  index: number,
  path: string[],
  always: boolean,
  parameter?: string,
): Read {
  const steps = parameter === undefined ? path : [parameter, ...path];
  const redacted =
    isRedactedPath(rules.redactKey, key) || steps.some((step) => rules.redactKey(step));
  const direct = path.length === 0 && !redacted;
  return Object.freeze({ key, index, path: Object.freeze(path), redacted, always, direct });
}
