/**
 * Reading the general TRACING_* and OTEL_* variables: whether tracing is on,
 * which exporter, the service's identity, debug output. Exporter-specific
 * variables are read only when that exporter is chosen (see config/).
 *
 * Pure functions of the env object, so every value can be checked in a table
 * test; the caller prints the warnings.
 */
import { readResourceAttributes } from "./config/resource-config";
import { booleanRule, present, readSetting, type Env, type EnvWarning } from "./config/env-values";

export type { EnvWarning } from "./config/env-values";

export type ExporterName = "console" | "otlp" | "jaeger" | "file" | "in_memory" | "none";

export const EXPORTER_NAMES: readonly ExporterName[] = [
  "console",
  "otlp",
  "jaeger",
  "file",
  "in_memory",
  "none",
];

export interface EnvSettings {
  enabled: boolean;
  /** `undefined` when TRACING_EXPORTER is not set: see tracing-lifecycle.ts. */
  exporter: ExporterName | undefined;
  /** OTEL_SERVICE_NAME, else `service.name` in OTEL_RESOURCE_ATTRIBUTES. */
  serviceName: string | undefined;
  /** OTEL_RESOURCE_ATTRIBUTES, already checked. */
  resourceAttributes: Record<string, string>;
  /** TRACING_DEBUG: print what the runtime decided, as `debug:` lines. */
  debug: boolean;
}

export interface EnvConfig {
  settings: EnvSettings;
  warnings: EnvWarning[];
}

export function readEnvConfig(env: Env): EnvConfig {
  const warnings: EnvWarning[] = [];
  const exporterValue = present(env.TRACING_EXPORTER);
  const resourceAttributes = readResourceAttributes(env, warnings);
  const settings: EnvSettings = {
    enabled: readSetting(env, ["TRACING_ENABLED"], booleanRule, true, warnings),
    exporter:
      exporterValue === undefined
        ? undefined
        : parseExporterName(exporterValue, "TRACING_EXPORTER", warnings),
    serviceName: present(env.OTEL_SERVICE_NAME) ?? resourceAttributes["service.name"],
    resourceAttributes,
    debug: readSetting(env, ["TRACING_DEBUG"], booleanRule, false, warnings),
  };
  return { settings, warnings };
}

/**
 * Shared with `initializeTracing({ exporter })`, so a bad name is treated the
 * same wherever it comes from. `source` names where the value came from.
 */
export function parseExporterName(
  value: string,
  source: string,
  warnings: EnvWarning[],
): ExporterName {
  const name = value.trim().toLowerCase();
  if ((EXPORTER_NAMES as readonly string[]).includes(name)) return name as ExporterName;
  // An unknown exporter is most likely a typo for a real backend; printing
  // spans somewhere unexpected would be worse than not tracing.
  warnings.push({
    key: `exporter-invalid:${value}`,
    message:
      `${source}="${value}" is not a known exporter ` +
      `(valid: ${EXPORTER_NAMES.join(", ")}); tracing is off`,
  });
  return "none";
}
