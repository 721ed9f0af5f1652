/**
 * The runtime's only way to talk to the user: one prefixed line on stderr.
 * stdout belongs to the traced program, so nothing here ever writes there.
 */
import { describeError, isStackOverflow } from "./errors";
import { state } from "./state";
import { writeToStderr } from "./stderr-sink";

const PREFIX = "[ts-autotrace]";

export function warn(message: string): void {
  write(`${PREFIX} warning: ${message}\n`);
}

/** What the runtime decided, for TRACING_DEBUG=true; silent otherwise. */
export function debug(message: string): void {
  if (state.debug) write(`${PREFIX} debug: ${message}\n`);
}

/** A closed or full stderr drops the line: a warning must never crash or stall the program. */
function write(line: string): void {
  writeToStderr(line);
}

/** Warns the first time `key` is seen in this process; later calls are silent. */
export function warnOnce(key: string, message: string): void {
  if (state.warnedKeys.has(key)) return;
  state.warnedKeys.add(key);
  warn(message);
}

/**
 * For failures of the runtime's own work. One warning per stage, because the
 * same failure usually repeats on every call and would flood stderr.
 */
export function reportInternalError(stage: string, error: unknown): void {
  const report = () =>
    warnOnce(
      `internal:${stage}`,
      `tracing failed while ${stage} (${describeError(error)}); ` +
        "the program continues, affected calls are not traced",
    );
  // A stack overflow means there is no stack left here: writing (which a test
  // runner may intercept and format with regular expressions, whose compiling
  // this deep aborts V8) waits for a fresh stack.
  if (isStackOverflow(error)) process.nextTick(report);
  else report();
}
