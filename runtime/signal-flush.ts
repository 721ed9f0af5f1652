/**
 * Opt-in flushing on SIGINT/SIGTERM (TRACING_FLUSH_ON_SIGNAL=true). Off by
 * default, like OpenTelemetry's own SDK: any signal listener changes what a
 * signal does to a process (Node no longer terminates it, and a busy one only
 * notices at its next event-loop turn).
 *
 * Switched on, the outcome stays the untraced one:
 * - The program listens itself (before or after us): ours does nothing; the
 *   program decides, and calls shutdownTracing() in its handler to flush.
 * - Ours is the only listener: it removes itself (a second signal then kills
 *   at once), flushes within FLUSH_CAP_MS and re-raises the signal, so the
 *   process is killed by it as it would have been untraced.
 */
import { booleanRule, readSetting, type EnvWarning } from "./config/env-values";
import { FLUSH_CAP_MS, settlesWithin } from "./bounded-wait";
import type { ExporterSetup } from "./exporters/exporter-setup";
import { state } from "./state";
import { warnOnce } from "./warn";

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

let installed = false;
let listening = false;
let pollScheduled = false;

/** Reads TRACING_FLUSH_ON_SIGNAL once per process; installs the listeners when it is true. */
export function installSignalFlush(flush: (exporter: ExporterSetup) => Promise<unknown>): void {
  if (installed) return;
  installed = true;
  const warnings: EnvWarning[] = [];
  const wanted = readSetting(
    process.env,
    ["TRACING_FLUSH_ON_SIGNAL"],
    booleanRule,
    false,
    warnings,
  );
  for (const warning of warnings) warnOnce(warning.key, warning.message);
  if (!wanted) return;
  listening = true;
  const onSignal = (signal: NodeJS.Signals): void => {
    // Our listener is first (prepended): any other one counted here is the program's.
    if (process.listenerCount(signal) > 1) return;
    process.removeListener(signal, onSignal);
    const exporter = state.tracing?.exporter;
    const work = exporter === undefined ? Promise.resolve() : flush(exporter);
    // A referenced wait: the process must live to be killed by the signal.
    void settlesWithin(work, FLUSH_CAP_MS, { keepAlive: true }).then(() =>
      process.kill(process.pid, signal),
    );
  };
  for (const signal of SIGNALS) process.prependListener(signal, onSignal);
}

/**
 * Node delivers a signal to its listeners when the event loop polls. A
 * program that ran busy to its end has not polled since: one more turn
 * (once per beforeExit) lets a signal that arrived meanwhile take effect.
 */
export function pollPendingSignals(): void {
  if (!listening || pollScheduled) {
    pollScheduled = false;
    return;
  }
  pollScheduled = true;
  setImmediate(() => {});
}
