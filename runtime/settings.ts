/** Merging `initializeTracing` options, the environment and the build config. */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import {
  parseExporterName,
  type EnvSettings,
  type EnvWarning,
  type ExporterName,
} from "./env-config";

export interface TracingOptions {
  /** Overrides OTEL_SERVICE_NAME and the config's serviceName. */
  serviceName?: string;
  /**
   * Overrides TRACING_EXPORTER. Besides the built-in names, any SDK
   * SpanExporter may be passed (e.g. an OTLP exporter the program installs).
   */
  exporter?: ExporterName | SpanExporter;
  /** Overrides TRACING_ENABLED. */
  enabled?: boolean;
}

export interface ResolvedSettings {
  enabled: boolean;
  exporter: ExporterName | SpanExporter;
  serviceName: string;
}

export const DEFAULT_SERVICE_NAME = "unknown_service";

/**
 * Every setting: explicit program options > environment > build config > default.
 *
 * Service name precedence, highest first:
 *   1. initializeTracing({ serviceName })  - the program itself asked for it
 *   2. OTEL_SERVICE_NAME                   - the deployment's choice
 *   3. serviceName in tracing.config.json  - passed in by the first site() call
 *   4. "unknown_service"
 */
export function resolveSettings(
  options: TracingOptions,
  env: EnvSettings,
  siteServiceName: string | undefined,
  warnings: EnvWarning[],
): ResolvedSettings {
  return {
    enabled: options.enabled ?? env.enabled,
    exporter: resolveExporter(options.exporter, env.exporter, warnings),
    serviceName:
      nonEmpty(options.serviceName) ??
      env.serviceName ??
      nonEmpty(siteServiceName) ??
      DEFAULT_SERVICE_NAME,
  };
}

function resolveExporter(
  option: TracingOptions["exporter"],
  fromEnv: ExporterName,
  warnings: EnvWarning[],
): ExporterName | SpanExporter {
  if (option === undefined) return fromEnv;
  if (typeof option !== "string") return option;
  return parseExporterName(option, "initializeTracing exporter", warnings);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
