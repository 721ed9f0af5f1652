/**
 * `trace` and `traceAsync`: the closure form that code compiled by ts-autotrace
 * 0.1 calls (its body moved into an arrow). Kept so such code keeps working
 * with this runtime; the transformer no longer emits it.
 *
 * The first line of each is the hot path when tracing is off or the site is
 * missing (an ES module import cycle ran the function before its module body):
 * one flag test, then the plain body.
 */
import { runInContext } from "./active-context";
import type { CallSite } from "./call-site";
import { endWithError, endWithValue, startCall, startedSpan, startTime } from "./call-span";
import { state } from "./state";

export function trace<T>(site: CallSite | undefined, body: () => T, args?: unknown[]): T {
  if (site === undefined || state.off) return body();
  const active = startCall(site, args);
  if (active === undefined) return body();
  const span = startedSpan;
  const startedAt = startTime(site);
  let value: T;
  try {
    value = runInContext(active, body);
  } catch (error) {
    endWithError(site, span, startedAt, error);
    throw error;
  }
  endWithValue(site, span, startedAt, value);
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
  const active = startCall(site, args);
  if (active === undefined) return body();
  const span = startedSpan;
  const startedAt = startTime(site);
  let promise: Promise<T>;
  try {
    promise = runInContext(active, body);
  } catch (error) {
    endWithError(site, span, startedAt, error);
    throw error;
  }
  // Handlers that never throw: the promise then() makes always fulfils, so no
  // second unhandled rejection appears; the caller still sees the original.
  promise.then(
    (value) => endWithValue(site, span, startedAt, value),
    (error: unknown) => endWithError(site, span, startedAt, error),
  );
  return promise;
}
