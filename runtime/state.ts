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
import type { PackageInfo } from "./config/package-info";
import type { ExporterSetup } from "./exporters/exporter-setup";
import type { TracingOptions } from "./settings";

/** A started tracer and the exporter wiring behind it. */
export interface ActiveTracing {
  /**
   * Our own provider; `undefined` when the program registered a global
   * provider of its own and the runtime uses that one (it exports nothing then).
   */
  provider: NodeTracerProvider | undefined;
  exporter: ExporterSetup;
}

/** Process-wide counts behind tracingHealth(); they survive reconfiguration. */
export interface HealthCounters {
  spansStarted: number;
  spansExported: number;
  spansDropped: number;
  /** Traced calls that ran untraced because entering their span's context failed. */
  contextSwitchFailures: number;
  lastExportError: string | undefined;
  /** Traced functions loaded in this process (sites registered by emitted code). */
  tracedFunctions: number;
}

export interface RuntimeState {
  /**
   * The hot-path flag: true when traced calls must just run their body
   * (tracing disabled, exporter `none`, start-up failed, or a sampler that
   * records nothing).
   */
  off: boolean;
  /** The sampler never records a span without a parent (parentbased_always_off). */
  skipRoots: boolean;
  /** Set once tracing has started; `undefined` means "start on first use". */
  tracer: Tracer | undefined;
  tracing: ActiveTracing | undefined;
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
  exitHooksInstalled: boolean;
  warnedKeys: Set<string>;
}

const STATE_KEY = Symbol.for("ts-autotrace.state");

type StateHolder = { [STATE_KEY]?: RuntimeState };

function createState(): RuntimeState {
  return {
    off: false,
    skipRoots: false,
    tracer: undefined,
    tracing: undefined,
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
    exitHooksInstalled: false,
    warnedKeys: new Set(),
  };
}

export const state: RuntimeState = ((globalThis as StateHolder)[STATE_KEY] ??= createState());
