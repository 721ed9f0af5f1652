/**
 * Deciding how this process traces, when tracing starts: from the
 * `initializeTracing` options, the environment and the build config.
 */
import type { Tracer } from "@opentelemetry/api";
import { findPackageInfo } from "./config/package-info";
import {
  readSamplerSettings,
  samplesNothing,
  skipsRoots,
  type SamplerSettings,
} from "./config/sampler-config";
import { readEnvConfig, type EnvSettings, type EnvWarning } from "./env-config";
import type { ExporterSetup } from "./exporters/exporter-setup";
import { selectExporter } from "./exporters/select-exporter";
import { createProvider, installContextManager, registeredTracer } from "./otel-setup";
import { resolveSettings, type ResolvedSettings } from "./settings";
import { state, type ActiveTracing } from "./state";
import { TRACER_NAME, TRACER_VERSION } from "./version";
import { debug, warnOnce } from "./warn";

export interface StartedTracing {
  tracing: ActiveTracing;
  tracer: Tracer;
  /** The sampler records no span at all: traced calls can skip span work. */
  samplesNothing: boolean;
  /** The sampler never records a span without a parent. */
  skipsRoots: boolean;
}

/** `undefined` when tracing is off (disabled, `none`, or an exporter that cannot load). */
export function createTracing(): StartedTracing | undefined {
  const env = readEnvConfig(process.env);
  state.debug = env.settings.debug;
  const warnings = [...env.warnings];
  try {
    return build(env.settings, warnings);
  } finally {
    for (const warning of warnings) warnOnce(warning.key, warning.message);
  }
}

function build(envSettings: EnvSettings, warnings: EnvWarning[]): StartedTracing | undefined {
  const packageInfo = (state.packageInfo ??= findPackageInfo());
  const fromBuild = { siteServiceName: state.siteServiceName, packageName: packageInfo.name };
  const settings = resolveSettings(state.options, envSettings, fromBuild, warnings);
  if (!settings.enabled) return undefined;
  // One pipeline, not two: unless an exporter was chosen explicitly, spans go
  // wherever the program's own OpenTelemetry set-up sends its spans.
  const programTracer = settings.exporter === undefined ? registeredTracer() : undefined;
  if (programTracer !== undefined) return useProgramProvider(programTracer);
  return ownPipeline(settings, envSettings, warnings);
}

function ownPipeline(
  settings: ResolvedSettings,
  envSettings: EnvSettings,
  warnings: EnvWarning[],
): StartedTracing | undefined {
  const { serviceName } = settings;
  const context = { env: process.env, serviceName, warnings };
  const exporter = selectExporter(settings.exporter ?? "console", context);
  if (exporter === undefined) return undefined;
  const sampler = readSamplerSettings(process.env, warnings);
  installContextManager();
  const identity = {
    serviceName,
    attributes: envSettings.resourceAttributes,
    packageInfo: state.packageInfo ?? {},
  };
  const provider = createProvider(identity, sampler, exporter.processors);
  debug(describePipeline(serviceName, exporter, sampler));
  return {
    tracing: { provider, exporter },
    tracer: provider.getTracer(TRACER_NAME, TRACER_VERSION),
    samplesNothing: samplesNothing(sampler),
    skipsRoots: skipsRoots(sampler),
  };
}

function useProgramProvider(tracer: Tracer): StartedTracing {
  installContextManager();
  debug(
    "the program registered its own global tracer provider before the first traced call; " +
      "using it (its sampler, resource and exporters), so ts-autotrace installs no exporter " +
      "of its own. Set TRACING_EXPORTER to export separately.",
  );
  const exporter: ExporterSetup = {
    label: "global",
    processors: [],
    finishedSpans: () => [],
    resetFinishedSpans: () => {},
    pending: () => 0,
  };
  return {
    tracing: { provider: undefined, exporter },
    tracer,
    samplesNothing: false,
    skipsRoots: false,
  };
}

function describePipeline(
  serviceName: string,
  exporter: ExporterSetup,
  sampler: SamplerSettings,
): string {
  const where = exporter.destination === undefined ? "" : ` to ${exporter.destination}`;
  const ratio = sampler.name.endsWith("traceidratio") ? ` (ratio ${sampler.ratio})` : "";
  return (
    `tracing as service.name="${serviceName}" with the ${exporter.label} exporter${where}, ` +
    `sampler ${sampler.name}${ratio}`
  );
}
