/** Builds the span processors for an exporter name (or a program's own exporter). */
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import type { ExporterName } from "../env-config";
import { ConsoleLineExporter } from "./console-exporter";
import type { ExporterSetup } from "./exporter-setup";
import { SafeExporter } from "./safe-exporter";
import { SpanDepthTracker } from "./span-depth";

/** `undefined` for `none`: no processor at all, so tracing stays off. */
export function selectExporter(choice: ExporterName | SpanExporter): ExporterSetup | undefined {
  switch (choice) {
    case "none":
      return undefined;
    case "console":
      return consoleSetup();
    case "in_memory":
      return inMemorySetup();
    default:
      return keepsNothing([simpleProcessor(choice)]);
  }
}

function consoleSetup(): ExporterSetup {
  const depths = new SpanDepthTracker();
  const exporter = new ConsoleLineExporter(process.stderr, (spanId) => depths.depthOf(spanId));
  // The tracker goes last: see span-depth.ts.
  return keepsNothing([simpleProcessor(exporter), depths]);
}

function inMemorySetup(): ExporterSetup {
  const exporter = new InMemorySpanExporter();
  return {
    processors: [simpleProcessor(exporter)],
    finishedSpans: () => exporter.getFinishedSpans(),
    resetFinishedSpans: () => exporter.reset(),
  };
}

function keepsNothing(processors: ExporterSetup["processors"]): ExporterSetup {
  return { processors, finishedSpans: () => [], resetFinishedSpans: () => {} };
}

/** Simple (not batch) so spans appear as they end and nothing waits on a timer. */
function simpleProcessor(exporter: SpanExporter): SimpleSpanProcessor {
  return new SimpleSpanProcessor(new SafeExporter(exporter));
}
