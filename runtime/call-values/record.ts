/**
 * Recording a site's captured values on its span, at the start (arguments,
 * `$args`, `$this`) and at the end (result, `$result`), within the value's
 * and the span's budget. Called only for recording spans.
 */
import type { Span } from "@opentelemetry/api";
import { toAttributeValue } from "../serialize";
import type { CapturePlan, Read } from "./capture-plan";
import { REDACTED } from "../redaction/key-patterns";
import { readOwnPath } from "./own-path";

/** What a value over the span's budget is recorded as. */
export const OVER_BUDGET = "[over span budget]";

/** What is left of a span's budget between its start and its end. */
const budgetLeft = new WeakMap<Span, number>();

export function recordStart(plan: CapturePlan, span: Span, values: readonly unknown[] | undefined) {
  const reads = plan.startReads;
  if (reads === undefined) return;
  let left = plan.budget;
  for (let i = 0; i < reads.length; i++) {
    left = recordRead(plan, span, reads[i], values?.[reads[i].index], left);
  }
  if (plan.carriesBudget) budgetLeft.set(span, left);
}

export function recordEnd(plan: CapturePlan, span: Span, result: unknown): void {
  const reads = plan.endReads;
  if (reads === undefined) return;
  let left = plan.carriesBudget ? (budgetLeft.get(span) ?? plan.budget) : plan.budget;
  for (let i = 0; i < reads.length; i++) left = recordRead(plan, span, reads[i], result, left);
}

function recordRead(plan: CapturePlan, span: Span, read: Read, root: unknown, left: number) {
  const value = read.path.length === 0 ? root : readOwnPath(root, read.path);
  if (value === undefined && !read.always) return left;
  if (read.redacted) {
    span.setAttribute(read.key, REDACTED);
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
