/* Folder runtime/exporters/: One file per exporter, and choosing one by TRACING_EXPORTER's name.
 */
/** What an exporter choice hands to the provider, the manual API and the exit hooks. */
import type { ReadableSpan, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Env, EnvWarning } from "../settings/env-values";

/** What building an exporter may need besides its name. */
export interface ExporterContext {
  env: Env;
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
  /** The spans the in_memory exporter keeps; absent for exporters that keep none. */
  memory?: { finishedSpans(): ReadableSpan[]; reset(): void };
  /** Spans accepted but not yet delivered: queued, or in an export still running. */
  pending(): number;
  /** Gives up on exports that did not answer in time, so nothing of them keeps the process alive. */
  abandon?(why: string): void;
}
