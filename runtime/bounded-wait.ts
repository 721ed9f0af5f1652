/** Waiting for tracing's own work without letting it hold the program up. */

/**
 * At most this long for a flush on exit, on a signal and in shutdownTracing():
 * long enough for a healthy collector, short enough that nobody waits on a dead one.
 */
export const FLUSH_CAP_MS = 2000;

/**
 * Resolves `true` when `work` settles (fulfilled or rejected) within `ms`,
 * `false` when time ran out first. The timer is unref'd: it never keeps the
 * process alive by itself.
 */
export function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    const done = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(done, done);
  });
}
