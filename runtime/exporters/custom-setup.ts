/**
 * An exporter object the program passes to `initializeTracing({ exporter })`.
 * It may do anything, slowly: send over the network, write files, compute.
 * So it is treated like the network exporters: batched (OTEL_BSP_*), and each
 * batch is exported on a later turn of the event loop, never inside the
 * traced call that filled the batch.
 */
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { readBatchSettings } from "../config/batch-config";
import { describeError } from "../errors";
import { runSuppressed } from "../suppression";
import { BatchGuard } from "./batch-guard";
import { EXPORT_FAILED } from "./export-result";
import type { ExporterContext, ExporterSetup } from "./exporter-setup";
import { SafeExporter } from "./safe-exporter";

export const CUSTOM_LABEL = "custom";

export function customSetup(exporter: SpanExporter, context: ExporterContext): ExporterSetup {
  const safe = new SafeExporter(new DeferredExporter(exporter));
  const batch = readBatchSettings(context.env, context.warnings);
  return {
    label: CUSTOM_LABEL,
    processors: [new BatchGuard(safe, batch, "the custom exporter")],
    finishedSpans: () => [],
    resetFinishedSpans: () => {},
    pending: () => safe.ledger.pending(),
  };
}

/**
 * The SDK's batch processor exports synchronously when a span fills the
 * batch: inside that span's traced call. This moves the export to the next
 * turn (setImmediate keeps the async context, so tracing stays suppressed).
 */
class DeferredExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    setImmediate(() => {
      try {
        runSuppressed(() => this.inner.export(spans, done));
      } catch (error) {
        done({
          code: EXPORT_FAILED,
          error: error instanceof Error ? error : new Error(describeError(error)),
        });
      }
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
