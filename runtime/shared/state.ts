/**
 * The single per-process tracing state.
 *
 * It lives on `globalThis` under a registered symbol so that every copy of the
 * runtime loaded into one process (the CommonJS entry, the ES module entry, a
 * second install in a nested node_modules) shares one provider, one set of
 * options and one set of already-printed warnings.
 */
import type { Context, Tracer } from "@opentelemetry/api";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { PackageInfo } from "../settings/package-json";
import type { ExporterSetup } from "../exporters/chosen-exporter";
import type { TracingOptions } from "../settings/precedence";

/**
 * The running pipeline, set as one value when tracing starts and cleared as
 * one when it stops (pipeline/lifecycle.ts); `undefined` before the first
 * traced call and after shutdownTracing().
 */
export interface Pipeline {
  readonly tracer: Tracer;
  /**
   * Our own provider; `undefined` when the program registered a global
   * provider of its own and the runtime uses that one (it exports nothing then).
   */
  readonly provider: NodeTracerProvider | undefined;
  readonly exporter: ExporterSetup;
  /** The sampler never records a span without a parent (parentbased_always_off). */
  readonly skipRoots: boolean;
}

/** What the exit hooks (pipeline/exit-hooks.ts, pipeline/signal-flush.ts) have done. */
export interface ExitHookState {
  installed: boolean;
  /** A beforeExit flush is under way. */
  flushRunning: boolean;
  /** TRACING_FLUSH_ON_SIGNAL was read (once per process). */
  signalFlushRead: boolean;
  /** The signal listeners are installed. */
  signalListening: boolean;
  /** One more event-loop turn was scheduled so a pending signal is delivered. */
  signalPollScheduled: boolean;
}

/** Process-wide counts behind tracingHealth(); they survive reconfiguration. */
export interface HealthCounters {
  /** Spans started and recorded (sampled in). */
  spansStarted: number;
  /** Spans the exporter confirmed as delivered. */
  spansExported: number;
  /** Spans lost: export queue full, or an export that failed. */
  spansDropped: number;
  /**
   * Traced calls whose span could not be made the active context (on Node
   * 20: inside the reaction of a promise the program froze): recorded, with
   * what they call parented to their caller's span. Warned about once.
   */
  contextSwitchFailures: number;
  /** The last export failure, e.g. `Error: 14 UNAVAILABLE: ...`. */
  lastExportError: string | undefined;
  /** Traced functions loaded so far; 0 means the code was built or run without ts-autotrace. */
  tracedFunctions: number;
}

export interface RuntimeState {
  /**
   * The hot-path flag: true when traced calls must just run their body
   * (tracing disabled, exporter `none`, start-up failed, or a sampler that
   * records nothing).
   */
  off: boolean;
  /** Set once tracing has started; `undefined` means "start on first use". */
  pipeline: Pipeline | undefined;
  /** The last `initializeTracing` options. */
  options: TracingOptions;
  /** `serviceName` from tracing.config.json, first registered site wins. */
  siteServiceName: string | undefined;
  /** The program's package.json, read once when tracing first starts. */
  packageInfo: PackageInfo | undefined;
  /** TRACING_DEBUG: print `debug:` lines about what the runtime decided. */
  debug: boolean;
  health: HealthCounters;
  contextManagerInstalled: boolean;
  /** The AsyncLocalStorage of the context manager we installed, if it is the one in use. */
  contextStorage: AsyncLocalStorage<Context> | undefined;
  /** The first context switch (which turns on Node's promise hooks) has happened safely. */
  contextSwitchChecked: boolean;
  exitHooks: ExitHookState;
  warnedKeys: Set<string>;
}

const STATE_KEY = Symbol.for("ts-autotrace.state");

type StateHolder = { [STATE_KEY]?: RuntimeState };

function createState(): RuntimeState {
  return {
    off: false,
    pipeline: undefined,
    options: {},
    siteServiceName: undefined,
    packageInfo: undefined,
    debug: false,
    health: {
      spansStarted: 0,
      spansExported: 0,
      spansDropped: 0,
      contextSwitchFailures: 0,
      lastExportError: undefined,
      tracedFunctions: 0,
    },
    contextManagerInstalled: false,
    contextStorage: undefined,
    contextSwitchChecked: false,
    exitHooks: {
      installed: false,
      flushRunning: false,
      signalFlushRead: false,
      signalListening: false,
      signalPollScheduled: false,
    },
    warnedKeys: new Set(),
  };
}

export const state: RuntimeState = ((globalThis as StateHolder)[STATE_KEY] ??= createState());
