/** What an exporter choice hands to the provider, the manual API and the exit hooks. */
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Env, EnvWarning } from "../config/env-values";

/** What building an exporter may need besides its name. */
export interface ExporterContext {
  env: Env;
  /** The resolved service name (the Jaeger Thrift exporter sends it itself). */
  serviceName: string;
  /** Collects the warnings about the exporter's variables. */
  warnings: EnvWarning[];
}

export interface ExporterSetup {
  /** The exporter's name in tracingHealth(). */
  label: string;
  /** Where spans go, for warnings and tracingHealth(); absent for local exporters. */
  destination?: string;
  /** Given to the provider's constructor. */
  processors: SpanProcessor[];
  /** Spans kept in memory; `[]` for exporters that keep nothing. */
  finishedSpans(): ReadableSpan[];
  resetFinishedSpans(): void;
  /** Spans accepted but not yet delivered: queued, or in an export still running. */
  pending(): number;
  /** Gives up on exports that did not answer in time, so nothing of them keeps the process alive. */
  abandon?(why: string): void;
}
