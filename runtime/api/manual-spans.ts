/**
 * Hand-written tracing next to the generated kind: extra spans, events and
 * attributes, and access to spans kept by the in_memory exporter (for tests).
 */
import { trace as otelTrace, type Attributes, type Span } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import type { CallSite } from "../emitted/prepared-site";
import { manualSpanParts, type WithSpanOptions } from "../components/manual-span";
import { beginCall, endReturn, endThrow, runInside, type CallSpan } from "../span/call-span";
import { state } from "../shared/state";
import { warnIfNothingTraced } from "./untraced-warning";
import { reportInternalError } from "../shared/warnings";

export type { WithSpanOptions } from "../components/manual-span";

/**
 * Runs `fn` inside a new span, active for everything `fn` calls. The second
 * argument is its attributes, or `{ kind, component, attributes }` (see
 * components/manual-span.ts for how the two are told apart). For an async
 * `fn` the span ends when its promise settles; the returned promise settles
 * the same way (a new promise, so an unhandled rejection stays unhandled).
 */
export function withSpan<T>(name: string, options: Attributes | WithSpanOptions, fn: () => T): T {
  if (state.off) return fn();
  const call = beginCall(manualSite(name, options), undefined);
  if (call === undefined) return fn();
  const value = runInside(call, fn);
  if (isPromiseLike(value)) return endWhenSettled(call, value) as T;
  endReturn(call, value);
  return value;
}

/** Adds an event to the active span; does nothing when there is none. */
export function addEvent(name: string, attributes?: Attributes): void {
  onActiveSpan((span) => span.addEvent(name, attributes));
}

/** Sets attributes on the active span; does nothing when there is none. */
export function setAttributes(attributes: Attributes): void {
  onActiveSpan((span) => span.setAttributes(attributes));
}

/** Spans kept by the in_memory exporter, oldest first; `[]` for other exporters. */
export function getFinishedSpans(): ReadableSpan[] {
  warnIfNothingTraced();
  return state.pipeline?.exporter.memory?.finishedSpans() ?? [];
}

export function resetFinishedSpans(): void {
  state.pipeline?.exporter.memory?.reset();
}

function manualSite(name: string, options: Attributes | WithSpanOptions): CallSite {
  const { attributes, kind } = manualSpanParts(name, options);
  return {
    name,
    label: name,
    key: `manual:${name}`,
    attributes,
    startOptions: kind === undefined ? { attributes } : { attributes, kind },
    argKeys: undefined,
    result: false,
    capture: undefined,
    nameOf: undefined,
    thresholdMs: undefined,
    followPromises: false,
  };
}

function endWhenSettled<V>(call: CallSpan, promise: PromiseLike<V>): Promise<V> {
  return Promise.resolve(promise).then(
    (value) => {
      endReturn(call, value);
      return value;
    },
    (error: unknown) => {
      endThrow(call, error);
      throw error;
    },
  );
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function onActiveSpan(action: (span: Span) => void): void {
  try {
    const span = otelTrace.getActiveSpan();
    if (span !== undefined) action(span);
  } catch (error) {
    reportInternalError("updating the active span", error);
  }
}
