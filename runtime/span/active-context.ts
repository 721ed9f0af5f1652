/* Folder runtime/span/: The span of one traced call: started in the active context, the body run
 * inside it, ended with its result or error. */
/**
 * Reading and switching the active OpenTelemetry context on the hot path.
 *
 * Traced sync functions keep their body in place, so they cannot hand a
 * callback to `context.with()`. They enter the span's context and restore the
 * previous one around the body instead (the emitted try/finally), which is
 * what AsyncLocalStorage.run() does inside: set the store of the current
 * execution resource, run, put the old store back. That works on the
 * AsyncLocalStorage behind any @opentelemetry/context-async-hooks manager,
 * the one ts-autotrace installs or the program's own SDK's.
 */
import { context, ROOT_CONTEXT, type Context } from "@opentelemetry/api";
import { AsyncLocalStorage } from "node:async_hooks";
import { state } from "../shared/state";
import { describeError } from "../shared/describe-error";
import { warnOnce } from "../shared/warnings";

export function activeContext(): Context {
  const storage = state.contextStorage;
  return storage === undefined ? context.active() : (storage.getStore() ?? ROOT_CONTEXT);
}

/**
 * What AsyncLocalStorage.run() does, without its frames; a failed switch runs
 * the body in the current context rather than failing it.
 */
export function runInContext<T>(active: Context, body: () => T): T {
  if (state.contextStorage === undefined) return context.with(active, body);
  const previous = enterContext(active);
  if (previous === NOT_ENTERED) return body();
  try {
    return body();
  } finally {
    restoreContext(previous);
  }
}

/** What `enterContext` returns when it could not switch: the span then is not made active. */
export const NOT_ENTERED: unique symbol = Symbol("not entered");

/**
 * Makes `active` the current context and returns the store to restore, or
 * NOT_ENTERED. Node 20 keeps the store as a property of the current execution
 * resource; in the reaction of a promise the program froze (zod's
 * `.readonly()`), that write throws. A failed switch must never fail the call.
 */
export function enterContext(active: Context): Context | undefined | typeof NOT_ENTERED {
  const storage = state.contextStorage;
  if (storage === undefined) return enterWithoutStorage();
  const previous = storage.getStore();
  try {
    storage.enterWith(active);
  } catch (error) {
    contextSwitchFailed(error);
    return NOT_ENTERED;
  }
  if (!state.contextSwitchChecked) releaseEarlyHooks();
  return previous;
}

/** Puts back what enterContext replaced; the same resource, so it cannot fail where entering did not. */
export function restoreContext(previous: Context | undefined): void {
  state.contextStorage?.enterWith(previous as Context);
}

/**
 * Turns on Node 20's promise hooks when the runtime loads, if tracing may
 * run. Turned on later, by the first traced call, inside the reaction of a
 * promise the program froze, their `after` hook throws an uncaught TypeError
 * (it tags the running, untracked promise) and kills the process. Promises
 * made once the hooks are on are tagged when created, so freezing them later
 * is harmless. A throw-away storage holds the hooks on until the context
 * manager's own storage does (`releaseEarlyHooks`).
 */
export function enableHooksEarly(): void {
  if (earlyStorage !== undefined || state.contextSwitchChecked) return;
  try {
    earlyStorage = new AsyncLocalStorage<undefined>();
    earlyStorage.enterWith(undefined);
  } catch {
    earlyStorage = undefined; // loaded inside such a reaction: nothing better to do
  }
}

let earlyStorage: AsyncLocalStorage<undefined> | undefined;

/** Once the real storage has been entered (it keeps the hooks on), or when tracing is off. */
export function releaseEarlyHooks(): void {
  state.contextSwitchChecked = true;
  earlyStorage?.disable();
  earlyStorage = undefined;
}

function contextSwitchFailed(error: unknown): void {
  // `|| 0`: a state object made by an older copy of the runtime lacks the counter.
  state.health.contextSwitchFailures = (state.health.contextSwitchFailures || 0) + 1;
  warnOnce(
    "context-switch",
    `a traced call could not enter its span's context (${describeError(error)}); ` +
      "such calls are recorded, but what they call is parented to their caller's span " +
      "(counted in tracingHealth().contextSwitchFailures)",
  );
}

/**
 * A context manager that is not AsyncLocalStorage-based (a program's own,
 * custom one) offers only `with(context, callback)`: a body kept in place
 * cannot run inside it. Its span is still recorded, not active.
 */
function enterWithoutStorage(): typeof NOT_ENTERED {
  warnOnce(
    "context-manager",
    "the program's OpenTelemetry context manager is not AsyncLocalStorage-based, so traced " +
      "functions cannot make their span active; their spans are recorded, but what they " +
      "call is parented to their caller's span",
  );
  return NOT_ENTERED;
}

/**
 * The storage behind @opentelemetry/context-async-hooks' manager (a private
 * field, the same in its 1.x and 2.x versions), or undefined if its shape ever changes.
 */
export function storageOf(manager: object): AsyncLocalStorage<Context> | undefined {
  const storage = (manager as { _asyncLocalStorage?: AsyncLocalStorage<Context> })
    ._asyncLocalStorage;
  return typeof storage?.run === "function" &&
    typeof storage.getStore === "function" &&
    typeof storage.enterWith === "function"
    ? storage
    : undefined;
}

/** The manager the API uses: the program's, when it registered one before us. */
export function globalContextManager(): object | undefined {
  const api = context as unknown as { _getContextManager?: () => object };
  return typeof api._getContextManager === "function" ? api._getContextManager() : undefined;
}
