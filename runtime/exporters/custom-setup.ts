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
  const batch = readBatchSettings(context.env, context.warnings);
  const deferred = new DeferredExporter(exporter, batch.exportTimeoutMillis);
  const safe = new SafeExporter(deferred);
  return {
    label: CUSTOM_LABEL,
    processors: [new BatchGuard(safe, batch, "the custom exporter")],
    finishedSpans: () => [],
    resetFinishedSpans: () => {},
    pending: () => safe.ledger.pending(),
    abandon: (why) => deferred.abandon(why),
  };
}

/**
 * The SDK's batch processor exports synchronously when a span fills the
 * batch: inside that span's traced call. This moves the export to the next
 * turn (setImmediate keeps the async context, so tracing stays suppressed).
 */
class DeferredExporter implements SpanExporter {
  /** The answers still owed to the batch processor. */
  private readonly unanswered = new Set<(result: ExportResult) => void>();

  constructor(
    private readonly inner: SpanExporter,
    /** OTEL_BSP_EXPORT_TIMEOUT: the batch processor gives up then, and so do we. */
    private readonly timeoutMs: number,
  ) {}

  export(spans: ReadableSpan[], reply: (result: ExportResult) => void): void {
    // The processor's own timeout only logs: without ours the spans would stay
    // "in flight" for good, neither delivered nor counted as dropped.
    const timer = setTimeout(
      () => done(failure(`no answer within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    timer.unref();
    const done = (result: ExportResult): void => {
      clearTimeout(timer);
      this.unanswered.delete(done);
      reply(result);
    };
    this.unanswered.add(done);
    setImmediate(() => {
      try {
        runSuppressed(() => this.inner.export(spans, done));
      } catch (error) {
        done(failure(error instanceof Error ? error : describeError(error)));
      }
    });
  }

  /**
   * Fails the exports that never answered: the batch processor's timer for
   * each (OTEL_BSP_EXPORT_TIMEOUT, 30 s) would keep a finished program alive.
   */
  abandon(why: string): void {
    for (const done of [...this.unanswered]) done(failure(why));
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

function failure(error: Error | string): ExportResult {
  return { code: EXPORT_FAILED, error: typeof error === "string" ? new Error(error) : error };
}
