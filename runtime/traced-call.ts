/**
 * `trace` and `traceAsync`: what the transformer's rewritten functions call.
 *
 * The first line of each is the hot path when tracing is off or the site is
 * missing (an ES module import cycle ran the function before its module body):
 * one flag test, then the plain body.
 */
import type { CallSite } from "./call-site";
import { beginCall, endReturn, endThrow, runInside, type CallSpan } from "./call-span";
import { reportInternalError } from "./warn";
import { state } from "./state";

export function trace<T>(site: CallSite | undefined, body: () => T, args?: unknown[]): T {
  if (site === undefined || state.off) return body();
  const call = beginCall(site, args);
  if (call === undefined) return body();
  const value = runInside(call, body);
  endReturn(call, value);
  return value;
}

/**
 * The span ends when the promise settles. The promise is returned unchanged
 * (the emitted code awaits it), so the caller sees exactly what body produced.
 */
export function traceAsync<T>(
  site: CallSite | undefined,
  body: () => Promise<T>,
  args?: unknown[],
): Promise<T> {
  if (site === undefined || state.off) return body();
  const call = beginCall(site, args);
  if (call === undefined) return body();
  const promise = runInside(call, body);
  endOnSettle(call, promise);
  return promise;
}

/**
 * Handlers that never throw, attached with then(onOk, onErr): the promise
 * they create always fulfils, so no second unhandled rejection appears.
 */
function endOnSettle(call: CallSpan, promise: Promise<unknown>): void {
  try {
    promise.then(
      (value) => endReturn(call, value),
      (error: unknown) => endThrow(call, error),
    );
  } catch (error) {
    // Not a real promise (e.g. a thenable whose `then` throws): end right away.
    reportInternalError("watching a promise", error);
    endReturn(call, promise);
  }
}
