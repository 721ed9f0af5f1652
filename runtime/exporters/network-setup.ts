/**
 * The exporters that send spans over the network (otlp, jaeger): batched, so
 * a traced call never waits on the collector, with every span either counted
 * as delivered or as dropped.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { readBatchSettings } from "../config/batch-config";
import { readJaegerSettings } from "../config/jaeger-config";
import { readOtlpSettings, readOtlpTransport } from "../config/otlp-config";
import { describeError } from "../errors";
import { warnOnce } from "../warn";
import { BatchGuard } from "./batch-guard";
import type { ExporterContext, ExporterSetup } from "./exporter-setup";
import { createJaegerExporter, jaegerDestination } from "./jaeger-exporter";
import { createOtlpExporter, otlpDestination } from "./otlp-exporter";
import { SafeExporter } from "./safe-exporter";

/** Settings are read before anything is loaded, so their warnings come out either way. */
interface NetworkTarget {
  label: "otlp" | "jaeger";
  destination: string;
  create(): SpanExporter;
}

export function networkSetup(
  label: NetworkTarget["label"],
  context: ExporterContext,
): ExporterSetup | undefined {
  const target = label === "otlp" ? otlpTarget(context) : jaegerTarget(context);
  const batch = readBatchSettings(context.env, context.warnings);
  const exporter = createExporter(target);
  if (exporter === undefined) return undefined;
  return {
    label: target.label,
    destination: target.destination,
    processors: [new BatchGuard(exporter, batch, target.destination)],
    finishedSpans: () => [],
    resetFinishedSpans: () => {},
    pending: () => exporter.ledger.pending(),
  };
}

function otlpTarget({ env, warnings }: ExporterContext): NetworkTarget {
  const settings = readOtlpSettings(env, warnings);
  return {
    label: "otlp",
    destination: otlpDestination(settings),
    create: () => createOtlpExporter(settings),
  };
}

function jaegerTarget({ env, warnings, serviceName }: ExporterContext): NetworkTarget {
  const settings = readJaegerSettings(env, warnings);
  const transport = readOtlpTransport(env, warnings);
  return {
    label: "jaeger",
    destination: jaegerDestination(settings),
    create: () => createJaegerExporter(settings, transport, serviceName),
  };
}

/** A missing or broken exporter package turns tracing off with one warning, never a crash. */
function createExporter(target: NetworkTarget): SafeExporter | undefined {
  try {
    return new SafeExporter(target.create(), target.destination);
  } catch (error) {
    warnOnce(
      `exporter-load:${target.label}`,
      `the ${target.label} exporter for ${target.destination} could not be created ` +
        `(${describeError(error)}); tracing is off`,
    );
    return undefined;
  }
}
