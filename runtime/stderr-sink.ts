/**
 * The runtime's own lines (console spans, warnings) on stderr, written so
 * that stderr can never stall, bloat or crash the program.
 *
 * Node's stream would queue a line stderr cannot take at once, without bound
 * (over 100 MB behind a reader that never reads, and the queued writes keep
 * the process alive), and a reader that went away turns into an uncaught
 * EPIPE. So lines go to the file descriptor directly: a line the pipe cannot
 * take now is dropped (the caller counts it), a closed stderr drops every
 * later line, and nothing is kept but the unwritten end of one line.
 *
 * When the program (or a test runner) replaced `process.stderr.write`, or in
 * a worker thread, lines go through the stream as before, with its queue
 * capped at MAX_STREAM_QUEUE.
 */
import { writeSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

/** Beyond this much queued in a replaced or worker stream, lines are dropped. */
export const MAX_STREAM_QUEUE = 64 * 1024;

/** How soon the unwritten end of a line is tried again (never keeps the process alive). */
const RETRY_MS = 10;

/**
 * After the pipe refused a line, lines are dropped without trying for this
 * long: a refused write costs tens of microseconds (Node builds an Error),
 * which a traced call must not pay each time.
 */
const FULL_PAUSE_MS = 5;

let closed = false;
/** performance.now() until which the pipe is taken to be full. */
let fullUntil = 0;
/** The end of a line the pipe took only part of; it goes out before any other line. */
let remainder: Buffer | undefined;

/** Writes `text` (whole lines); `false` when it was dropped. Never throws. */
export function writeToStderr(text: string): boolean {
  try {
    const stream = process.stderr;
    if (!isMainThread || Object.hasOwn(stream, "write") || typeof stream.fd !== "number") {
      return writeThroughStream(stream, text);
    }
    // The program's own output waiting in the stream's queue must come first.
    if (closed || performance.now() < fullUntil) return false;
    if (!flushRemainder() || stream.writableLength > 0) return false;
    return writeToFd(stream.fd, text);
  } catch {
    return false;
  }
}

function writeThroughStream(stream: NodeJS.WriteStream, text: string): boolean {
  if (stream.destroyed || stream.writableLength > MAX_STREAM_QUEUE) return false;
  stream.write(text);
  return true;
}

function writeToFd(fd: number, text: string): boolean {
  try {
    const written = writeSync(fd, text);
    const bytes = Buffer.byteLength(text);
    if (written < bytes) keepRemainder(Buffer.from(text).subarray(written));
    return true;
  } catch (error) {
    return failed(error);
  }
}

/** `true` when nothing of an earlier line is left to write. */
function flushRemainder(): boolean {
  if (remainder === undefined) return true;
  const fd = process.stderr.fd;
  try {
    const written = writeSync(fd, remainder);
    remainder = written < remainder.length ? remainder.subarray(written) : undefined;
  } catch (error) {
    failed(error);
  }
  return remainder === undefined && !closed;
}

function keepRemainder(rest: Buffer): void {
  remainder = Buffer.from(rest); // a copy: `rest` views a buffer of the whole line
  const retry = (): void => {
    if (!flushRemainder() && !closed) setTimeout(retry, RETRY_MS).unref();
  };
  setTimeout(retry, RETRY_MS).unref();
}

/** EAGAIN: the pipe is full right now. Anything else (EPIPE, EBADF): stderr is gone. */
function failed(error: unknown): false {
  if ((error as { code?: unknown } | null)?.code === "EAGAIN") {
    fullUntil = performance.now() + FULL_PAUSE_MS;
  } else {
    closed = true;
    remainder = undefined;
  }
  return false;
}
