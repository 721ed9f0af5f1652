/** Builds the span processors for an exporter name (or a program's own exporter). */
import type { SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { integerRule, readSetting } from "../config/env-values";
import type { ExporterName } from "../env-config";
import { BoundedMemoryExporter, DEFAULT_IN_MEMORY_MAX_SPANS } from "./bounded-memory-exporter";
import { consoleExporter, readConsoleFormat } from "../console/console-setup";
import { fileSetup } from "../file/file-setup";
import { customSetup } from "./custom-setup";
import { ImmediateSpanProcessor } from "./immediate-processor";
import type { ExporterContext, ExporterSetup } from "./exporter-setup";
import { networkSetup } from "./network-setup";
import { SafeExporter } from "./safe-exporter";

/** `undefined` for `none` (and for an exporter that cannot load): tracing stays off. */
export function selectExporter(
  choice: ExporterName | SpanExporter,
  context: ExporterContext,
): ExporterSetup | undefined {
  switch (choice) {
    case "none":
      return undefined;
    case "console":
      return consoleSetup(context);
    case "file":
      return fileSetup(context);
    case "in_memory":
      return inMemorySetup(context);
    case "otlp":
    case "jaeger":
      return networkSetup(choice, context);
    default:
      return customSetup(choice, context);
  }
}

function consoleSetup({ env, warnings }: ExporterContext): ExporterSetup {
  const { exporter, after } = consoleExporter(readConsoleFormat(env, warnings));
  return localSetup("console", new SafeExporter(exporter), after);
}

function inMemorySetup({ env, warnings }: ExporterContext): ExporterSetup {
  const maxSpans = readSetting(
    env,
    ["TRACING_IN_MEMORY_MAX_SPANS"],
    integerRule(1),
    DEFAULT_IN_MEMORY_MAX_SPANS,
    warnings,
  );
  const exporter = new BoundedMemoryExporter(maxSpans);
  return {
    ...localSetup("in_memory", new SafeExporter(exporter)),
    finishedSpans: () => exporter.getFinishedSpans(),
    resetFinishedSpans: () => exporter.reset(),
  };
}

/**
 * Immediate (not batch) processing, so spans appear as they end and nothing
 * waits on a timer. `extra` processors run after the exporting one.
 */
function localSetup(
  label: string,
  exporter: SafeExporter,
  extra: SpanProcessor[] = [],
): ExporterSetup {
  return {
    label,
    processors: [new ImmediateSpanProcessor(exporter), ...extra],
    finishedSpans: () => [],
    resetFinishedSpans: () => {},
    pending: () => exporter.ledger.pending(),
  };
}
