/**
 * Delivering the last spans when the program ends: on a natural exit
 * (`beforeExit`) and on SIGINT/SIGTERM, each within FLUSH_CAP_MS.
 *
 * Signals: a listener stops Node's default "terminate" action, so ours must
 * give it back. When the program has listeners of its own, it decides what a
 * signal means and ours only flushes. When ours is the only one, it flushes
 * and then re-raises the signal with our listener removed, so the process
 * ends exactly as it would have without tracing (killed by that signal).
 */
import type { ExporterSetup } from "./exporters/exporter-setup";
import { DELIVERY_WARNING_KEY } from "./exporters/safe-exporter";
import { FLUSH_CAP_MS, settlesWithin } from "./bounded-wait";
import { countDropped } from "./health";
import { state } from "./state";
import { warnOnce } from "./warn";

const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM"];

let exitFlushRunning = false;
let signalFlushRunning = false;

export function installExitHooks(): void {
  if (state.exitHooksInstalled) return;
  state.exitHooksInstalled = true;
  process.on("beforeExit", onBeforeExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

/**
 * Flushes every processor; resolves `true` if all settled within `ms`. A
 * flush rejects when an export failed, which SafeExporter has already counted
 * and reported, so the rejection itself is not news.
 */
export function flushWithin(exporter: ExporterSetup, ms: number): Promise<boolean> {
  return settlesWithin(Promise.allSettled(exporter.processors.map((p) => p.forceFlush())), ms);
}

/**
 * Flushes processors directly: the provider's forceFlush arms a timer that
 * would keep the event loop alive and fire `beforeExit` again, forever.
 * Nothing pending means nothing to do, which also ends the beforeExit cycle.
 */
function onBeforeExit(): void {
  const exporter = state.tracing?.exporter;
  if (exporter === undefined || exitFlushRunning || exporter.pending() === 0) return;
  exitFlushRunning = true;
  void flushWithin(exporter, FLUSH_CAP_MS).then((finished) => {
    exitFlushRunning = false;
    if (!finished) abandonExport(exporter);
  });
}

/**
 * The program has finished; only a collector that does not answer (and the
 * exporter's retries) keeps the process alive. Exiting now is what the
 * program would have done without tracing.
 */
function abandonExport(exporter: ExporterSetup): void {
  if (reportUndelivered(exporter, "of the program's end")) process.exit();
}

/**
 * Counts the spans a bounded flush left behind as dropped and says so (once,
 * like any delivery problem). Returns whether any were left.
 */
export function reportUndelivered(exporter: ExporterSetup, moment: string): boolean {
  const lost = exporter.pending();
  if (lost === 0) return false;
  countDropped(lost);
  const lastError = state.health.lastExportError;
  warnOnce(
    DELIVERY_WARNING_KEY,
    `${lost} spans for ${exporter.destination ?? exporter.label} were not delivered within ` +
      `${FLUSH_CAP_MS} ms ${moment} (the collector did not answer` +
      `${lastError === undefined ? "" : `; last error: ${lastError}`}); they are dropped`,
  );
  return true;
}

function onSignal(signal: NodeJS.Signals): void {
  const ours = process.listenerCount(signal) === 1;
  const exporter = state.tracing?.exporter;
  // A second signal during the flush means "stop now".
  if (exporter === undefined || signalFlushRunning) {
    if (ours) reraise(signal);
    return;
  }
  signalFlushRunning = true;
  void flushWithin(exporter, FLUSH_CAP_MS).then(() => {
    signalFlushRunning = false;
    if (ours) reraise(signal);
  });
}

function reraise(signal: NodeJS.Signals): void {
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}
