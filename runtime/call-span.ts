/**
 * The span of one traced call: start it, run the body inside it, and end it
 * with the outcome. Every step of the runtime's own work is guarded, so a
 * tracing failure costs at most the span, never the program's result.
 */
import {
  context,
  SpanStatusCode,
  trace as otelTrace,
  type Context,
  type Exception,
  type Span,
} from "@opentelemetry/api";
import type { CallSite } from "./call-site";
import { errorMessage } from "./errors";
import { countStarted } from "./health";
import { toAttributeValue } from "./serialize";
import { state } from "./state";
import { currentTracer } from "./tracing-lifecycle";
import { reportInternalError, warnOnce } from "./warn";

export interface CallSpan {
  readonly site: CallSite;
  readonly span: Span;
  /** The active context with this span set, for the body to run in. */
  readonly context: Context;
  /** performance.now() at start; only read when the site has a threshold. */
  readonly startedAt: number;
}

/** Starts the span, or returns `undefined` when the call must run untraced. */
export function beginCall(
  site: CallSite,
  args: readonly unknown[] | undefined,
): CallSpan | undefined {
  try {
    const tracer = currentTracer();
    if (tracer === undefined) return undefined;
    const parent = context.active();
    // Under parentbased_always_off a call outside any span, and so all it
    // calls, is never recorded: skip the span and the context switch.
    if (state.skipRoots && otelTrace.getSpan(parent) === undefined) return undefined;
    const span = tracer.startSpan(site.name, { attributes: site.attributes }, parent);
    if (span.isRecording()) {
      countStarted();
      // Serialising costs; a sampled-out span would throw the work away.
      if (site.argKeys !== undefined) recordArgs(span, site.argKeys, args);
    }
    const startedAt = site.thresholdMs === undefined ? 0 : performance.now();
    return { site, span, context: otelTrace.setSpan(parent, span), startedAt };
  } catch (error) {
    reportInternalError("starting a span", error);
    return undefined;
  }
}

/** Runs the body as the active span; a throw ends the span and is rethrown as is. */
export function runInside<T>(call: CallSpan, body: () => T): T {
  try {
    return context.with(call.context, body);
  } catch (error) {
    endThrow(call, error);
    throw error;
  }
}

export function endReturn(call: CallSpan, value: unknown): void {
  finish(call, () => {
    if (call.site.result && call.span.isRecording()) {
      call.span.setAttribute("result", toAttributeValue(value));
    }
  });
}

export function endThrow(call: CallSpan, error: unknown): void {
  finish(call, () => {
    if (!call.span.isRecording()) return;
    call.span.recordException(asException(error));
    call.span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
  });
}

function finish(call: CallSpan, annotate: () => void): void {
  try {
    annotate();
    checkThreshold(call);
  } catch (error) {
    reportInternalError("ending a span", error);
  }
  try {
    call.span.end();
  } catch (error) {
    reportInternalError("exporting a span", error);
  }
}

function recordArgs(
  span: Span,
  keys: readonly string[],
  args: readonly unknown[] | undefined,
): void {
  for (let i = 0; i < keys.length; i++) {
    span.setAttribute(keys[i], toAttributeValue(args?.[i]));
  }
}

function checkThreshold({ site, span, startedAt }: CallSpan): void {
  if (site.thresholdMs === undefined) return;
  const durationMs = performance.now() - startedAt;
  if (durationMs <= site.thresholdMs) return;
  const shown = Math.round(durationMs * 10) / 10;
  span.addEvent("threshold_exceeded", { threshold_ms: site.thresholdMs, duration_ms: shown });
  warnOnce(
    `threshold:${site.key}`,
    `${site.label} took ${shown} ms, over its ${site.thresholdMs} ms threshold ` +
      "(further slow calls of it are recorded on the span only)",
  );
}

/** Errors keep their name and stack; anything else thrown is recorded as text. */
function asException(error: unknown): Exception {
  return error instanceof Error ? error : errorMessage(error);
}
