/* Folder runtime/capture/: Recording values read-only: arguments, results and thrown values
 * become attribute text without running any of the program's code, within the output budget. */
/**
 * What a span records about a thrown value, built without running the
 * program's code: no getter, `toString` or Proxy trap of the value runs, and
 * its `stack` is read at most once per exception, however many traced frames
 * it passes on its way up (each would otherwise format it again).
 *
 * The SDK's span.recordException(error) reads `error.name`, `.message`,
 * `.code` and `.stack` by plain property access, which would run getters; it
 * is given a plain object built here instead.
 */
import { SpanStatusCode, type Span } from "@opentelemetry/api";
import { DEFAULT_VALUE_RULES } from "../redaction/value-rules";
import { clip, toAttributeValue } from "./serialize";
import { call, intrinsics as I } from "./intrinsics";
import { dataProperty, errorNameOf, findProperty, isErrorLike, readsNoCode } from "./lookup";

export interface ExceptionRecord {
  name?: string;
  message: string;
  code?: string | number;
  stack?: string;
}

/**
 * A recorded stack is cut here: it starts with the message, which may be
 * megabytes, and the budget, not the value's size, sets what recording costs.
 */
export const MAX_STACK_LENGTH = 16_384;

/** Stacks already read, by exception object; `null` when it had none. */
const stacks = new WeakMap<object, string | null>();

/** `rules` (the site's) mask card numbers in the message and stack, as in recorded values. */
export function recordError(span: Span, error: unknown, rules = DEFAULT_VALUE_RULES): void {
  const exception = exceptionRecord(error);
  exception.message = clip(rules.maskText(exception.message, rules.maxLength), rules.maxLength);
  if (exception.stack !== undefined) {
    exception.stack = clip(rules.maskText(exception.stack, MAX_STACK_LENGTH), MAX_STACK_LENGTH);
  }
  span.recordException(exception);
  span.setStatus({ code: SpanStatusCode.ERROR, message: exception.message });
}

export function exceptionRecord(error: unknown): ExceptionRecord {
  if (typeof error !== "object" || error === null) {
    // Converting a primitive (a symbol too) to text runs no program code.
    return typeof error === "function"
      ? { message: `${toAttributeValue(error)}` }
      : { message: String(error) };
  }
  if (I.isProxy(error) || !isErrorLike(error)) return { message: `${toAttributeValue(error)}` };
  const name = errorNameOf(error);
  const message = messageOf(error);
  const record: ExceptionRecord = { name, message };
  const code = dataProperty(error, "code");
  if (typeof code === "string" || typeof code === "number") record.code = code;
  if (!isStackOverflow(name, message) && headerReadsNoCode(error)) {
    const stack = stackOf(error);
    if (stack !== undefined) record.stack = stack;
  }
  return record;
}

/** The message as a data property; `[Getter]` when it is an accessor, which is not called. */
function messageOf(error: object): string {
  const found = findProperty(error, "message");
  if (found === undefined) return "";
  if (!I.hasOwn(found, "value")) return "[Getter]";
  const message: unknown = found.value;
  return typeof message === "string" ? message : `${toAttributeValue(message)}`;
}

/**
 * V8's "Maximum call stack size exceeded": recorded without its stack, since
 * formatting it runs Error.prepareStackTrace (source-map support, test
 * runners), which at the overflow's depth can abort the process inside V8,
 * and that stack is only the recursion repeated anyway. Tested without a
 * regular expression: compiling one at that depth can abort too.
 */
function isStackOverflow(name: string, message: string): boolean {
  return name === "RangeError" && (call(I.stringIncludes, message, "call stack") as boolean);
}

/**
 * V8 formats a stack lazily, starting with `${name}: ${message}` read by
 * plain property access: with a getter or Proxy there, reading the stack
 * would run it, so such an error is recorded without its stack.
 */
function headerReadsNoCode(error: object): boolean {
  return readsNoCode(error, "name") && readsNoCode(error, "message");
}

function stackOf(error: object): string | undefined {
  const known = call(I.weakMapGet, stacks, error) as string | null | undefined;
  if (known !== undefined) return known ?? undefined;
  const stack = readStack(error);
  call(I.weakMapSet, stacks, error, stack ?? null);
  return stack;
}

/**
 * The own `stack` only: a data property (V8 formats it on this first read),
 * or V8's own accessor where the engine defines one; a getter the program
 * put there is not called.
 */
function readStack(error: object): string | undefined {
  const own = I.descriptor(error, "stack");
  if (own === undefined) return undefined;
  let stack: unknown;
  if (I.hasOwn(own, "value")) stack = own.value;
  else if (I.stackGetter !== undefined && own.get === I.stackGetter) stack = call(own.get, error);
  return typeof stack === "string" ? stack : undefined;
}
