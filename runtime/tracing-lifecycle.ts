/**
 * Starting, reconfiguring and stopping tracing.
 *
 * - Tracing starts lazily on the first traced call (or manual span), even
 *   after `initializeTracing`: a program calls that first thing, before its
 *   traced modules load and register the config's `serviceName`.
 * - `initializeTracing(options)` replaces all earlier options (it does not
 *   merge with them); if tracing was running, the old provider is flushed and
 *   shut down in the background.
 * - `shutdownTracing()` flushes and stops. A traced call after it starts a
 *   fresh provider with the same options, so late calls are still traced.
 */
import type { Tracer } from "@opentelemetry/api";
import { readEnvConfig } from "./env-config";
import { selectExporter } from "./exporters/select-exporter";
import { createProvider, installContextManager } from "./otel-setup";
import { resolveSettings, type TracingOptions } from "./settings";
import { state, type ActiveTracing } from "./state";
import { TRACER_NAME, TRACER_VERSION } from "./version";
import { reportInternalError, warnOnce } from "./warn";

export function initializeTracing(options: TracingOptions = {}): void {
  state.options = { ...options };
  const previous = detach();
  if (previous !== undefined) void stop(previous);
}

/** Flushes and shuts down; resolves (never rejects) when done. Safe to repeat. */
export async function shutdownTracing(): Promise<void> {
  const previous = detach();
  if (previous !== undefined) await stop(previous);
}

/** The tracer, starting tracing on first use; `undefined` when tracing is off. */
export function currentTracer(): Tracer | undefined {
  return state.tracer ?? start();
}

function start(): Tracer | undefined {
  try {
    const tracing = createTracing();
    state.tracing = tracing;
    state.tracer = tracing?.provider.getTracer(TRACER_NAME, TRACER_VERSION);
  } catch (error) {
    reportInternalError("starting", error);
    state.tracing = undefined;
    state.tracer = undefined;
  }
  state.off = state.tracer === undefined;
  return state.tracer;
}

function createTracing(): ActiveTracing | undefined {
  const env = readEnvConfig(process.env);
  const warnings = [...env.warnings];
  const settings = resolveSettings(state.options, env.settings, state.siteServiceName, warnings);
  for (const warning of warnings) warnOnce(warning.key, warning.message);
  const exporter = settings.enabled ? selectExporter(settings.exporter) : undefined;
  if (exporter === undefined) return undefined;
  installContextManager();
  installExitFlush();
  return { provider: createProvider(settings.serviceName, exporter.processors), exporter };
}

/** Forgets the running provider so the next traced call decides afresh. */
function detach(): ActiveTracing | undefined {
  const previous = state.tracing;
  state.tracing = undefined;
  state.tracer = undefined;
  state.off = false;
  return previous;
}

async function stop(tracing: ActiveTracing): Promise<void> {
  try {
    await tracing.provider.shutdown();
  } catch (error) {
    reportInternalError("shutting down", error);
  }
}

/**
 * Prints spans still in flight before a natural exit. It flushes the
 * processors directly: the provider's forceFlush arms a timeout timer, which
 * would keep the event loop alive and fire `beforeExit` again, forever.
 */
function installExitFlush(): void {
  if (state.exitFlushInstalled) return;
  state.exitFlushInstalled = true;
  process.on("beforeExit", () => {
    for (const processor of state.tracing?.exporter.processors ?? []) {
      processor.forceFlush().catch((error: unknown) => reportInternalError("flushing", error));
    }
  });
}
