/** Merging `initializeTracing` options, the environment and the build config. */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import {
  parseExporterName,
  type EnvSettings,
  type EnvWarning,
  type ExporterName,
} from "./tracing-env";

export interface TracingOptions {
  /** Overrides OTEL_SERVICE_NAME and the config's serviceName. */
  serviceName?: string;
  /**
   * Overrides TRACING_EXPORTER. Besides the built-in names, any SDK
   * SpanExporter may be passed (e.g. an exporter the program configures itself).
   */
  exporter?: ExporterName | SpanExporter;
  /** Overrides TRACING_ENABLED. */
  enabled?: boolean;
}

export interface ResolvedSettings {
  enabled: boolean;
  /**
   * `undefined` when neither the program nor the environment chose one: then
   * a tracer provider the program registered is used, else `console`.
   */
  exporter: ExporterName | SpanExporter | undefined;
  serviceName: string;
}

export const DEFAULT_SERVICE_NAME = "unknown_service";

/**
 * Every setting: explicit program options > environment > build config > default.
 *
 * Service name precedence, highest first:
 *   1. initializeTracing({ serviceName })  - the program itself asked for it
 *   2. OTEL_SERVICE_NAME                   - the deployment's choice
 *   3. service.name in OTEL_RESOURCE_ATTRIBUTES
 *   4. serviceName in tracing.config.json  - passed in by the first site() call
 *   5. the name in the program's package.json
 *   6. "unknown_service"
 */
export function resolveSettings(
  options: TracingOptions,
  env: EnvSettings,
  fromBuild: { siteServiceName?: string; packageName?: string },
  warnings: EnvWarning[],
): ResolvedSettings {
  return {
    enabled: options.enabled ?? env.enabled,
    exporter: resolveExporter(options.exporter, env.exporter, warnings),
    serviceName:
      nonEmpty(options.serviceName) ??
      env.serviceName ??
      nonEmpty(fromBuild.siteServiceName) ??
      nonEmpty(fromBuild.packageName) ??
      DEFAULT_SERVICE_NAME,
  };
}

function resolveExporter(
  option: TracingOptions["exporter"],
  fromEnv: ExporterName | undefined,
  warnings: EnvWarning[],
): ExporterName | SpanExporter | undefined {
  if (option === undefined) return fromEnv;
  if (typeof option !== "string") return option;
  return parseExporterName(option, "initializeTracing exporter", warnings);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
