/**
 * Delivering the last spans when the program ends: on a natural exit
 * (`beforeExit`), within FLUSH_CAP_MS.
 *
 * No signal listeners by default: a listener takes away Node's default
 * "terminate" action, so a traced program would outlive a SIGTERM it should
 * die of. Programs flush on a signal in their own handler (README,
 * "Lifecycle"), or opt in with TRACING_FLUSH_ON_SIGNAL (signal-flush.ts).
 */
import type { ExporterSetup } from "./exporters/exporter-setup";
import { DELIVERY_WARNING_KEY } from "./exporters/safe-exporter";
import { FLUSH_CAP_MS, settlesWithin } from "./bounded-wait";
import { countDropped } from "./health";
import { installSignalFlush, pollPendingSignals } from "./signal-flush";
import { state } from "./state";
import { warnOnce } from "./warn";

let exitFlushRunning = false;

export function installExitHooks(): void {
  if (state.exitHooksInstalled) return;
  state.exitHooksInstalled = true;
  process.on("beforeExit", onBeforeExit);
  installSignalFlush((exporter) => flushWithin(exporter, FLUSH_CAP_MS));
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
  pollPendingSignals();
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
