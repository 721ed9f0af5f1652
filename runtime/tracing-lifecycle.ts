/**
 * Starting, reconfiguring and stopping tracing.
 *
 * - Tracing starts lazily on the first traced call (or manual span), even
 *   after `initializeTracing`: a program calls that first thing, before its
 *   traced modules load and register the config's `serviceName`.
 * - `initializeTracing(options)` replaces all earlier options (it does not
 *   merge with them); if tracing was running, the old provider is flushed and
 *   shut down in the background.
 * - `shutdownTracing()` flushes and stops, within FLUSH_CAP_MS. A traced call
 *   after it starts a fresh provider with the same options, so late calls are
 *   still traced.
 */
import type { Tracer } from "@opentelemetry/api";
import { releaseEarlyHooks } from "./active-context";
import { FLUSH_CAP_MS, settlesWithin } from "./bounded-wait";
import { installExitHooks, reportUndelivered } from "./exit-hooks";
import type { TracingOptions } from "./settings";
import { state, type ActiveTracing } from "./state";
import { createTracing } from "./tracing-setup";
import { checkAtExitFor } from "./untraced-warning";
import { reportInternalError } from "./warn";

export function initializeTracing(options: TracingOptions = {}): void {
  state.options = { ...options };
  checkAtExitFor(options.exporter ?? process.env.TRACING_EXPORTER);
  const previous = detach();
  if (previous !== undefined) void stop(previous, false);
}

/** Flushes and shuts down; resolves (never rejects) within FLUSH_CAP_MS. Safe to repeat. */
export async function shutdownTracing(): Promise<void> {
  const previous = detach();
  if (previous !== undefined) await stop(previous, true);
}

/** The tracer, starting tracing on first use; `undefined` when traced calls must run plainly. */
export function currentTracer(): Tracer | undefined {
  return state.tracer ?? start();
}

function start(): Tracer | undefined {
  try {
    const started = createTracing();
    state.tracing = started?.tracing;
    state.tracer = started?.tracer;
    // Samplers that can record nothing make traced calls plain calls.
    state.off = started === undefined || started.samplesNothing;
    state.skipRoots = started?.skipsRoots ?? false;
    if (started?.tracing.provider !== undefined) installExitHooks();
  } catch (error) {
    reportInternalError("starting", error);
    detach();
    state.off = true;
  }
  if (state.off) releaseEarlyHooks(); // no context switch will ever need them
  // Also for the first call under a sampler that records nothing.
  return state.off ? undefined : state.tracer;
}

/** Forgets the running provider so the next traced call decides afresh. */
function detach(): ActiveTracing | undefined {
  const previous = state.tracing;
  state.tracing = undefined;
  state.tracer = undefined;
  state.off = false;
  state.skipRoots = false;
  return previous;
}

/**
 * Shutdown rejects when the last export failed; SafeExporter already reported
 * that. `awaited`: the program waits for this, so the cap's timer must keep
 * the process alive (see settlesWithin); in the background it must not.
 */
async function stop({ provider, exporter }: ActiveTracing, awaited: boolean): Promise<void> {
  if (provider === undefined) return; // the program's provider is the program's to stop
  let shutdown: Promise<void>;
  try {
    shutdown = provider.shutdown(); // started now: initializeTracing does not wait for it
  } catch (error) {
    shutdown = Promise.reject(error);
  }
  const finished = await settlesWithin(shutdown, FLUSH_CAP_MS, { keepAlive: awaited });
  if (finished) return;
  exporter.abandon?.(`the exporter did not answer within ${FLUSH_CAP_MS} ms of shutdown`);
  reportUndelivered(exporter, "of shutdown");
}
