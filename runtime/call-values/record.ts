/**
 * Recording a site's captured values on its span, at the start (arguments,
 * `$args`, `$this`) and at the end (result, `$result`), within the value's
 * and the span's budget. Called only for recording spans.
 */
import type { Span } from "@opentelemetry/api";
import { toAttributeValue } from "../capture/serialize";
import type { CapturePlan, Read } from "./capture-plan";
import { REDACTED } from "../redaction/key-patterns";
import { readOwnPath } from "./own-path";

/** What a value over the span's budget is recorded as. */
export const OVER_BUDGET = "[over span budget]";

/**
 * What is left of a span's budget between its start and its end, kept only
 * when the end's values could run past it (rare: the default budget holds
 * eight default-length values), so most calls neither store nor look up.
 */
const budgetLeft = new WeakMap<Span, number>();
let carried = 0;

export function recordStart(plan: CapturePlan, span: Span, values: readonly unknown[] | undefined) {
  const reads = plan.startReads;
  if (reads === undefined) return;
  let left = plan.budget;
  for (let i = 0; i < reads.length; i++) {
    const read = reads[i];
    const value = values?.[read.index];
    // The common case inline: an argument that is a number or boolean, recorded as it is.
    if (read.direct && (typeof value === "number" ? value < 1e12 : typeof value === "boolean")) {
      span.setAttribute(read.key, value as number | boolean);
    } else left = recordRead(plan, span, read, value, left);
  }
  if (plan.carriesBudget && left < plan.endNeeds) {
    budgetLeft.set(span, left);
    carried++;
  }
}

export function recordEnd(plan: CapturePlan, span: Span, result: unknown): void {
  const reads = plan.endReads;
  if (reads === undefined) return;
  let left = plan.budget;
  if (carried > 0 && plan.carriesBudget) {
    const kept = budgetLeft.get(span);
    if (kept !== undefined) {
      left = kept;
      budgetLeft.delete(span);
      carried--;
    }
  }
  for (let i = 0; i < reads.length; i++) {
    const read = reads[i];
    if (read.direct && (typeof result === "number" ? result < 1e12 : typeof result === "boolean")) {
      span.setAttribute(read.key, result as number | boolean);
    } else left = recordRead(plan, span, read, result, left);
  }
}

function recordRead(plan: CapturePlan, span: Span, read: Read, root: unknown, left: number) {
  const value = read.path.length === 0 ? root : readOwnPath(root, read.path);
  if (value === undefined && !read.always) return left;
  if (read.redacted) {
    span.setAttribute(read.key, REDACTED);
    return left;
  }
  // Numbers and booleans have a fixed size: they take none of the budget.
  if (typeof value === "boolean") {
    span.setAttribute(read.key, value);
    return left;
  }
  if (typeof value === "number") {
    span.setAttribute(read.key, value < 1e12 ? value : plan.rules.maskNumber(value));
    return left;
  }
  if (left <= 0) {
    span.setAttribute(read.key, OVER_BUDGET);
    return left;
  }
  const max = left < plan.rules.maxLength ? left : plan.rules.maxLength;
  const recorded =
    typeof value === "string" && value.length <= max && value.length < 13
      ? value // too short to hold a card number or need a cut
      : toAttributeValue(value, plan.rules, max);
  span.setAttribute(read.key, recorded);
  return left - (typeof recorded === "string" ? recorded.length : 8);
}
