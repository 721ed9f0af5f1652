/**
 * Reading and switching the active OpenTelemetry context on the hot path.
 *
 * When the context manager in use is the one ts-autotrace installed, its
 * AsyncLocalStorage is used directly: the same store the API would reach,
 * minus two calls per traced call. That saves time and, as much, stack depth:
 * deeply recursive traced code (a parser on hostile input) overflows later.
 * Under a manager the program installed, the API is used as is.
 */
import { context, ROOT_CONTEXT, type Context } from "@opentelemetry/api";
import type { AsyncLocalStorage } from "node:async_hooks";
import { state } from "./state";

export function activeContext(): Context {
  const storage = state.contextStorage;
  return storage === undefined ? context.active() : (storage.getStore() ?? ROOT_CONTEXT);
}

export function runInContext<T>(active: Context, body: () => T): T {
  const storage = state.contextStorage;
  return storage === undefined ? context.with(active, body) : storage.run(active, body);
}

/**
 * The storage behind @opentelemetry/context-async-hooks' manager (a private
 * field of the pinned 2.12 version), or undefined if its shape ever changes.
 */
export function storageOf(manager: object): AsyncLocalStorage<Context> | undefined {
  const storage = (manager as { _asyncLocalStorage?: AsyncLocalStorage<Context> })
    ._asyncLocalStorage;
  return typeof storage?.run === "function" && typeof storage.getStore === "function"
    ? storage
    : undefined;
}
