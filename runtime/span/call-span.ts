/**
 * The span of one traced call: start it, run the body inside it, and end it
 * with the outcome. Every step of the runtime's own work is guarded, so a
 * tracing failure costs at most the span, never the program's result.
 *
 * The sync path (emitted/trace-functions.ts) uses the primitives directly and allocates
 * nothing of its own per call; async functions, generators and manual spans,
 * which must carry the span across turns, use the small CallSpan record.
 */
import { trace as otelTrace, type Context, type Span } from "@opentelemetry/api";
import { activeContext, runInContext } from "./active-context";
import type { CallSite } from "../emitted/prepared-site";
import { recordEnd, recordStart } from "../call-values/record";
import { recordError } from "../capture/exception";
import { state } from "../shared/state";
import { isSuppressed } from "../pipeline/suppression";
import { currentPipeline } from "../pipeline/lifecycle";
import { reportInternalError, warnOnce } from "../shared/warnings";

/**
 * Starts the span of a call as a child of the active context and returns the
 * context to run the body in, or `undefined` when the call must run untraced.
 * The span itself is left in `startedSpan` (read it right away): returning a
 * pair would allocate on every call.
 */
export function startCall(
  site: CallSite,
  args: readonly unknown[] | undefined,
): Context | undefined {
  try {
    const pipeline = currentPipeline();
    if (pipeline === undefined) return undefined;
    const parent = activeContext();
    if (isSuppressed(parent)) return undefined; // the runtime's own work: see suppression.ts
    // Under parentbased_always_off a call outside any span, and so all it
    // calls, is never recorded: skip the span and the context switch.
    if (pipeline.skipRoots && otelTrace.getSpan(parent) === undefined) return undefined;
    const name = site.nameOf === undefined ? site.name : site.nameOf(args);
    const span = pipeline.tracer.startSpan(name, site.startOptions, parent);
    if (span.isRecording()) {
      state.health.spansStarted++;
      // Serialising costs; a sampled-out span would throw the work away.
      if (site.capture !== undefined) recordStart(site.capture, span, args);
    }
    startedSpan = span;
    return otelTrace.setSpan(parent, span);
  } catch (error) {
    reportInternalError("starting a span", error);
    return undefined;
  }
}

/** The span the last successful startCall() started. */
export let startedSpan: Span;

/** performance.now() when the site has a threshold to check, else 0 (not read). */
export function startTime(site: CallSite): number {
  return site.thresholdMs === undefined ? 0 : performance.now();
}

export function endWithValue(site: CallSite, span: Span, startedAt: number, value: unknown): void {
  try {
    if (site.result && span.isRecording()) recordEnd(site.capture!, span, value);
    if (site.thresholdMs !== undefined) checkThreshold(site, span, startedAt);
  } catch (error) {
    reportInternalError("ending a span", error);
  }
  endSpan(span);
}

export function endWithError(site: CallSite, span: Span, startedAt: number, error: unknown): void {
  try {
    if (span.isRecording()) {
      recordError(span, error, site.capture?.rules);
    }
    if (site.thresholdMs !== undefined) checkThreshold(site, span, startedAt);
  } catch (internal) {
    reportInternalError("ending a span", internal);
  }
  endSpan(span);
}

function endSpan(span: Span): void {
  try {
    span.end();
  } catch (error) {
    reportInternalError("exporting a span", error);
  }
}

/** A call whose span outlives one turn: async functions, generators, manual spans. */
export interface CallSpan {
  readonly site: CallSite;
  readonly span: Span;
  /** The active context with this span set, for the body to run in. */
  readonly context: Context;
  readonly startedAt: number;
}

export function beginCall(
  site: CallSite,
  args: readonly unknown[] | undefined,
): CallSpan | undefined {
  const context = startCall(site, args);
  if (context === undefined) return undefined;
  return { site, span: startedSpan, context, startedAt: startTime(site) };
}

/** Runs the body as the active span; a throw ends the span and is rethrown as is. */
export function runInside<T>(call: CallSpan, body: () => T): T {
  try {
    return runInContext(call.context, body);
  } catch (error) {
    endThrow(call, error);
    throw error;
  }
}

export function endReturn(call: CallSpan, value: unknown): void {
  endWithValue(call.site, call.span, call.startedAt, value);
}

export function endThrow(call: CallSpan, error: unknown): void {
  endWithError(call.site, call.span, call.startedAt, error);
}

function checkThreshold(site: CallSite, span: Span, startedAt: number): void {
  const threshold = site.thresholdMs!;
  const durationMs = performance.now() - startedAt;
  if (durationMs <= threshold) return;
  const shown = Math.round(durationMs * 10) / 10;
  span.addEvent("threshold_exceeded", { threshold_ms: threshold, duration_ms: shown });
  warnOnce(
    `threshold:${site.key}`,
    `${site.label} took ${shown} ms, over its ${threshold} ms threshold ` +
      "(further slow calls of it are recorded on the span only)",
  );
}
