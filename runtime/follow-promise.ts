/**
 * A function that is not `async` but returns a native Promise (`return
 * db.query(...)`): its span ends when the promise settles, with the resolved
 * value as `result` and a rejection as ERROR.
 *
 * Watching a promise means calling `then` on it, which marks it handled: if
 * the program never handles it, Node would no longer report the rejection.
 * So the caller gets the promise `then` returns instead, which settles the
 * same way one microtask later and which the program handles, or not, as it
 * did the original; an unhandled rejection is reported with the same reason.
 * The returned promise is then a different object (`f() === f()` of a cached
 * promise no longer holds): a rule's `"followPromises": false` turns this off.
 *
 * Only a promise of the engine's own Promise class whose `then` is the
 * original is followed. Any other thenable (a query builder runs its query on
 * `then`) or a Promise subclass (its constructor would run) ends the span at
 * return and is handed back untouched.
 */
import { types } from "node:util";
import { endWithError, endWithValue } from "./call-span";
import type { CallScope } from "./traced-call";

// The intrinsic ones, even if a polyfill replaced the global Promise.
const NATIVE_PROTOTYPE: object = Object.getPrototypeOf((async () => {})());
const nativeThen = (NATIVE_PROTOTYPE as Promise<unknown>).then;
const hasOwn = Object.prototype.hasOwnProperty;

/** Checked without running program code: no getter, trap or `then` is invoked. */
export function isNativePromise(value: unknown): value is Promise<unknown> {
  return (
    types.isPromise(value) &&
    Object.getPrototypeOf(value) === NATIVE_PROTOTYPE &&
    !hasOwn.call(value, "then") &&
    !hasOwn.call(value, "constructor") &&
    (NATIVE_PROTOTYPE as Promise<unknown>).then === nativeThen
  );
}

export function followPromise(scope: CallScope, promise: Promise<unknown>): Promise<unknown> {
  return nativeThen.call(
    promise,
    (value) => {
      endWithValue(scope.site, scope.span, scope.startedAt, value);
      return value;
    },
    (error: unknown) => {
      endWithError(scope.site, scope.span, scope.startedAt, error);
      throw error;
    },
  );
}
