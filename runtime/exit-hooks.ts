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
export function flushWithin(
  exporter: ExporterSetup,
  ms: number,
  keepAlive = false,
): Promise<boolean> {
  const flushes = Promise.allSettled(exporter.processors.map((p) => p.forceFlush()));
  return settlesWithin(flushes, ms, { keepAlive });
}

/**
 * Flushes processors directly: the provider's forceFlush arms a timer that
 * would keep the event loop alive and fire `beforeExit` again, forever.
 * Nothing pending means nothing to do, which also ends the beforeExit cycle.
 * The cap's timer keeps the process alive, so spans a hung export holds are
 * counted (and reported) before the process ends, at most FLUSH_CAP_MS later.
 */
function onBeforeExit(): void {
  pollPendingSignals();
  const exporter = state.tracing?.exporter;
  if (exporter === undefined || exitFlushRunning || exporter.pending() === 0) return;
  exitFlushRunning = true;
  void flushWithin(exporter, FLUSH_CAP_MS, true).then(() => {
    exitFlushRunning = false;
    abandonExport(exporter);
  });
}

/**
 * The program has finished and the flush is over; what is still pending will
 * not be delivered (a collector that does not answer, the exporter's
 * retries). Exiting now is what the program would have done without tracing,
 * and it ends the beforeExit cycle a flush that left spans behind would start.
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
