/**
 * Describing thrown values without ever throwing ourselves: a program may throw
 * anything (strings, frozen proxies, objects whose getters throw), and the
 * runtime must still be able to talk about it.
 */

/** `TypeError`, `Error`, or the `typeof` of a non-Error value. */
export function errorName(error: unknown): string {
  try {
    return error instanceof Error ? String(error.name) : typeof error;
  } catch {
    return "unknown";
  }
}

/** The error's message, or the value itself as text. */
export function errorMessage(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return `[${errorName(error)}]`;
  }
}

/** `TypeError: x is not a function`, for warnings. */
export function describeError(error: unknown): string {
  return `${errorName(error)}: ${errorMessage(error)}`;
}

/**
 * V8's "Maximum call stack size exceeded". Tested without a regular
 * expression: compiling one at the overflow's depth can abort the process.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && errorMessage(error).includes("call stack");
}
