/**
 * The single per-process tracing state.
 *
 * It lives on `globalThis` under a registered symbol so that every copy of the
 * runtime loaded into one process (the CommonJS entry, the ES module entry, a
 * second install in a nested node_modules) shares one provider, one set of
 * options and one set of already-printed warnings.
 */
import type { Tracer } from "@opentelemetry/api";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { ExporterSetup } from "./exporters/exporter-setup";
import type { TracingOptions } from "./settings";

/** A started provider and the exporter wiring it owns. */
export interface ActiveTracing {
  provider: NodeTracerProvider;
  exporter: ExporterSetup;
}

export interface RuntimeState {
  /**
   * The hot-path flag: true when traced calls must just run their body
   * (tracing disabled, exporter `none`, or start-up failed).
   */
  off: boolean;
  /** Set once tracing has started; `undefined` means "start on first use". */
  tracer: Tracer | undefined;
  tracing: ActiveTracing | undefined;
  /** The last `initializeTracing` options. */
  options: TracingOptions;
  /** `serviceName` from tracing.config.json, first registered site wins. */
  siteServiceName: string | undefined;
  contextManagerInstalled: boolean;
  exitFlushInstalled: boolean;
  warnedKeys: Set<string>;
}

const STATE_KEY = Symbol.for("ts-autotrace.state");

type StateHolder = { [STATE_KEY]?: RuntimeState };

function createState(): RuntimeState {
  return {
    off: false,
    tracer: undefined,
    tracing: undefined,
    options: {},
    siteServiceName: undefined,
    contextManagerInstalled: false,
    exitFlushInstalled: false,
    warnedKeys: new Set(),
  };
}

export const state: RuntimeState = ((globalThis as StateHolder)[STATE_KEY] ??= createState());
