/** Waiting for tracing's own work without letting it hold the program up. */

/**
 * At most this long for a flush on exit, on a signal and in shutdownTracing():
 * long enough for a healthy collector, short enough that nobody waits on a dead one.
 */
export const FLUSH_CAP_MS = 2000;

/**
 * Resolves `true` when `work` settles (fulfilled or rejected) within `ms`,
 * `false` when time ran out first. By default the timer is unref'd and never
 * keeps the process alive by itself; `keepAlive` is for waits the program
 * awaits (shutdownTracing()), which must end in time even when nothing else
 * keeps the event loop running, or the rest of the program would never run.
 */
export function settlesWithin(
  work: Promise<unknown>,
  ms: number,
  { keepAlive = false } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    if (!keepAlive) timer.unref();
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(done, done);
  });
}
