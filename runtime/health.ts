/**
 * tracingHealth(): is tracing on, where do spans go, and how many made it.
 * The counters are process-wide and cumulative across reconfiguration.
 */
import { state } from "./state";
import { tracedFunctionCount, warnIfNothingTraced } from "./untraced-warning";

export interface TracingHealth {
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
  /** Spans started and recorded (sampled in). */
  spansStarted: number;
  /** Spans the exporter confirmed as delivered. */
  spansExported: number;
  /** Spans lost: export queue full, or an export that failed. */
  spansDropped: number;
  /**
   * Traced calls that ran their body untraced because the runtime could not
   * switch to their span's context (on Node 20: inside the reaction of a
   * promise the program froze). Warned about once.
   */
  contextSwitchFailures: number;
  /** The last export failure, e.g. `Error: 14 UNAVAILABLE: ...`. */
  lastExportError: string | undefined;
  /** Traced functions loaded so far; 0 means the code was built or run without ts-autotrace. */
  tracedFunctions: number;
}

export function tracingHealth(): TracingHealth {
  warnIfNothingTraced();
  const setup = state.tracing?.exporter;
  return {
    enabled: state.tracer !== undefined,
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
