/**
 * Reading the TRACING_* and OTEL_SERVICE_NAME environment variables.
 *
 * A pure function of the env object (no printing, no process access) so every
 * value can be checked in a table test; the caller prints the warnings.
 */

/** Exporters that exist in this version. */
export type ExporterName = "console" | "in_memory" | "none";

export const EXPORTER_NAMES: readonly ExporterName[] = ["console", "in_memory", "none"];

/** Accepted names that have no implementation yet and fall back to console. */
const PLANNED_EXPORTERS = ["jaeger", "otlp"];

export interface EnvWarning {
  /** Dedupe key for warnOnce. */
  key: string;
  message: string;
}

export interface EnvSettings {
  enabled: boolean;
  exporter: ExporterName;
  serviceName: string | undefined;
}

export interface EnvConfig {
  settings: EnvSettings;
  warnings: EnvWarning[];
}

type Env = Readonly<Record<string, string | undefined>>;

const TRUE_WORDS = ["true", "1", "yes", "on"];
const FALSE_WORDS = ["false", "0", "no", "off"];

export function readEnvConfig(env: Env): EnvConfig {
  const warnings: EnvWarning[] = [];
  const enabled = parseEnabled(present(env.TRACING_ENABLED), warnings);
  const exporterValue = present(env.TRACING_EXPORTER);
  const exporter =
    exporterValue === undefined
      ? "console"
      : parseExporterName(exporterValue, "TRACING_EXPORTER", warnings);
  return { settings: { enabled, exporter, serviceName: present(env.OTEL_SERVICE_NAME) }, warnings };
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
  if (PLANNED_EXPORTERS.includes(name)) {
    warnings.push({
      key: `exporter-planned:${name}`,
      message: `${source}="${value}": the ${name} exporter is not available in this version; using console`,
    });
    return "console";
  }
  // An unknown exporter is most likely a typo for a real backend; printing
  // spans somewhere unexpected would be worse than not tracing.
  warnings.push({
    key: `exporter-invalid:${value}`,
    message:
      `${source}="${value}" is not a known exporter ` +
      `(valid: ${[...EXPORTER_NAMES, ...PLANNED_EXPORTERS].join(", ")}); tracing is off`,
  });
  return "none";
}

function parseEnabled(value: string | undefined, warnings: EnvWarning[]): boolean {
  if (value === undefined) return true;
  const word = value.toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  warnings.push({
    key: `enabled-invalid:${value}`,
    message:
      `TRACING_ENABLED="${value}" is not a boolean ` +
      `(use ${TRUE_WORDS.join("/")} or ${FALSE_WORDS.join("/")}); tracing stays enabled`,
  });
  return true;
}

/** Trimmed value, with unset and blank treated alike. */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}
