/**
 * The exporters that send spans over the network (otlp, jaeger): batched, so
 * a traced call never waits on the collector, with every span either counted
 * as delivered or as dropped.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { readBatchSettings } from "../settings/batch-env";
import { readJaegerSettings } from "../settings/jaeger-env";
import { readOtlpSettings, readOtlpTransport } from "../settings/otlp-env";
import { describeError } from "../shared/describe-error";
import { warnOnce } from "../shared/warnings";
import { BatchGuard } from "../delivery/batch-guard";
import type { ExporterContext, ExporterSetup } from "./chosen-exporter";
import { createJaegerExporter, jaegerDestination } from "./jaeger-exporter";
import { createOtlpExporter, otlpDestination } from "./otlp-exporter";
import { SafeExporter } from "../delivery/safe-exporter";

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

function jaegerTarget({ env, warnings }: ExporterContext): NetworkTarget {
  const settings = readJaegerSettings(env, warnings);
  const transport = readOtlpTransport(env, warnings);
  return {
    label: "jaeger",
    destination: jaegerDestination(settings),
    create: () => createJaegerExporter(settings, transport),
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
