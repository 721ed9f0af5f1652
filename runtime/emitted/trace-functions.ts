/**
 * What a traced function's emitted code calls. A sync function keeps its body
 * in place, with the span around it:
 *
 *   function f(a) {
 *     const c = RT.enter(SITE, [a]);          // start the span, enter its context
 *     try { ...BODY, `return RT.exitWith(c, x)`...; RT.exit(c); }   // restore, end
 *     catch (e) { RT.threw(c, e); throw e; }
 *   }
 *
 * (a body with a `finally` of its own: `return RT.returned(c, x)`, which only
 * records x, and `finally { RT.exit(c); }`).
 *
 * An async function starts its body as an inner function inside the span's
 * context and restores the caller's context as soon as that returns its
 * promise (`suspend`): the caller's code after the call must not run inside
 * the callee's span. See transformer/rewrite/wrap-body.ts for the exact shapes.
 *
 * `enter` returns undefined when the call runs untraced (tracing off, the
 * site missing in an ES module import cycle, a failed start); every other
 * function then does nothing but pass the value on.
 */
import type { Span } from "@opentelemetry/api";
import { types } from "node:util";
import { enterContext, NOT_ENTERED, restoreContext } from "../span/active-context";
import type { CallSite } from "./prepared-site";
import { endWithError, endWithValue, startCall, startedSpan, startTime } from "../span/call-span";
import { state } from "../shared/state";

/** One traced call in flight (allocated only when the call is traced). */
export class CallScope {
  /** The last value the body returned (a later `return` in a `finally` wins). */
  value: unknown = undefined;
  /** The context is still the span's: `exit` or `suspend` must restore it. */
  entered = true;
  /** The span has ended, or a returned promise ends it when it settles. */
  ended = false;

  constructor(
    readonly site: CallSite,
    readonly span: Span,
    readonly previous: unknown,
    readonly startedAt: number,
  ) {}
}

// Each entry point is a one-line check that V8 inlines into the traced
// function, with the work in a separate function: untraced calls then cost a
// few compares, not calls.

export function enter(site: CallSite | undefined, args?: unknown[]): CallScope | undefined {
  return site === undefined || state.off ? undefined : open(site, args);
}

function open(site: CallSite, args: unknown[] | undefined): CallScope | undefined {
  const active = startCall(site, args);
  if (active === undefined) return undefined;
  const span = startedSpan;
  const previous = enterContext(active);
  const scope = new CallScope(site, span, previous, startTime(site));
  // The switch failed (see enterContext): the span still records the call
  // and ends, but is not active, so what the body calls is parented to the
  // caller's span. Nothing is left to restore.
  if (previous === NOT_ENTERED) scope.entered = false;
  return scope;
}

/**
 * `return x` becomes `return RT.returned(c, x)`. A native Promise is followed:
 * the span ends when it settles, and the caller gets the promise that
 * `then` returns (see followPromise below for why a new one).
 */
export function returned<T>(scope: CallScope | undefined, value: T): T {
  return scope === undefined ? value : record(scope, value);
}

function record<T>(scope: CallScope, value: T): T {
  if (scope.ended) return value;
  scope.value = value;
  if (scope.site.followPromises && isNativePromise(value)) {
    scope.ended = true;
    return followPromise(scope, value) as T;
  }
  return value;
}

/** `return x` when nothing of the body runs after it: records x and ends the call. */
export function exitWith<T>(scope: CallScope | undefined, value: T): T {
  return scope === undefined ? value : leave(scope, value);
}

function leave<T>(scope: CallScope, value: T): T {
  const result = record(scope, value);
  endReturned(scope);
  return result;
}

/** In the emitted `catch`, which rethrows the same value right after. */
export function threw(scope: CallScope | undefined, error: unknown): void {
  if (scope !== undefined) endThrown(scope, error);
}

function endThrown(scope: CallScope, error: unknown): void {
  release(scope);
  if (scope.ended) return;
  scope.ended = true;
  endWithError(scope.site, scope.span, scope.startedAt, error);
}

/** In the emitted `finally`: the body completed (a throw was already handled by `threw`). */
export function exit(scope: CallScope | undefined): void {
  if (scope !== undefined) endReturned(scope);
}

function endReturned(scope: CallScope): void {
  release(scope);
  if (scope.ended) return;
  scope.ended = true;
  endWithValue(scope.site, scope.span, scope.startedAt, scope.value);
}

/** An async body has returned its promise: the caller continues in its own context. */
export function suspend<T>(scope: CallScope | undefined, promise: T): T {
  if (scope !== undefined) release(scope);
  return promise;
}

function release(scope: CallScope): void {
  if (!scope.entered) return;
  scope.entered = false;
  restoreContext(scope.previous as Parameters<typeof restoreContext>[0]);
}

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
 *
 * The intrinsic Promise, even if a polyfill replaced the global one.
 */
const NATIVE_PROTOTYPE: object = Object.getPrototypeOf((async () => {})());
const nativeThen = (NATIVE_PROTOTYPE as Promise<unknown>).then;
const hasOwn = Object.prototype.hasOwnProperty;

/** Checked without running program code: no getter, trap or `then` is invoked. */
function isNativePromise(value: unknown): value is Promise<unknown> {
  // The typeof test first: most returned values are not objects, and it spares them a call into C++.
  return (
    typeof value === "object" &&
    value !== null &&
    types.isPromise(value) &&
    Object.getPrototypeOf(value) === NATIVE_PROTOTYPE &&
    !hasOwn.call(value, "then") &&
    !hasOwn.call(value, "constructor") &&
    (NATIVE_PROTOTYPE as Promise<unknown>).then === nativeThen
  );
}

function followPromise(scope: CallScope, promise: Promise<unknown>): Promise<unknown> {
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
