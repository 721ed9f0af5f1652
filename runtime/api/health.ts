/* Folder runtime/api/: The functions a program calls by hand: manual spans, events and
 * tracingHealth(). */
/**
 * tracingHealth(): is tracing on, where do spans go, and how many made it.
 * The counters are process-wide and cumulative across reconfiguration.
 */
import { state, type HealthCounters } from "../shared/state";
import { tracedFunctionCount, warnIfNothingTraced } from "./untraced-warning";

/** The counters come from state.health (shared/state.ts, where each is described). */
export interface TracingHealth extends HealthCounters {
  /**
   * True while tracing runs: an exporter, or the program's provider, is in
   * place. (A sampler may still record none of the spans.)
   */
  enabled: boolean;
  /**
   * `otlp`, `jaeger`, `console`, `in_memory`, `none`, `custom` (an exporter
   * object given to initializeTracing), `global` (the program's own registered
   * provider: it exports, not ts-autotrace), or `not started` before the first
   * traced call.
   */
  exporter: string;
  /** Where the spans go, e.g. `OTLP/gRPC http://localhost:4317`; absent for local exporters. */
  destination?: string;
}

export function tracingHealth(): TracingHealth {
  warnIfNothingTraced();
  const setup = state.pipeline?.exporter;
  return {
    enabled: state.pipeline !== undefined,
    exporter: setup?.label ?? (state.off ? "none" : "not started"),
    ...(setup?.destination === undefined ? {} : { destination: setup.destination }),
    ...state.health,
    tracedFunctions: tracedFunctionCount(),
  };
}

export function countExported(spans: number): void {
  state.health.spansExported += spans;
}

export function countDropped(spans: number, error?: string): void {
  state.health.spansDropped += spans;
  if (error !== undefined) state.health.lastExportError = error;
}
