/* Folder runtime/delivery/: Span processors and delivery accounting: every span is delivered, or
 * counted as dropped and reported once; nothing waits on the collector inside a traced call. */
/**
 * A BatchSpanProcessor that counts what it drops. The SDK's processor drops
 * spans silently when its queue is full (a collector slower than the program);
 * this guard applies the same limit first, so every dropped span is counted
 * and the first one is reported.
 */
import type { Context } from "@opentelemetry/api";
import type {
  BatchSpanProcessor,
  ReadableSpan,
  Span,
  SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import type { BatchSettings } from "../settings/batch-env";
import { countDropped } from "../api/health";
import { sdkTraceBase } from "../pipeline/sdk-packages";
import { warnOnce } from "../shared/warnings";
import type { SafeExporter } from "./safe-exporter";
import { isSampled } from "./processor-basics";

export class BatchGuard implements SpanProcessor {
  private readonly batch: BatchSpanProcessor;

  constructor(
    private readonly exporter: SafeExporter,
    private readonly settings: BatchSettings,
    private readonly destination: string,
  ) {
    this.batch = new (sdkTraceBase().BatchSpanProcessor)(exporter, settings);
  }

  onStart(span: Span, parentContext: Context): void {
    this.batch.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // The batch processor ignores unsampled spans; they must not count as queued.
    if (!isSampled(span)) return;
    const ledger = this.exporter.ledger;
    if (ledger.queued >= this.settings.maxQueueSize) {
      this.drop();
      return;
    }
    ledger.queued += 1;
    this.batch.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.batch.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.batch.shutdown();
  }

  private drop(): void {
    countDropped(1);
    warnOnce(
      "queue-full",
      `spans for ${this.destination} are being dropped: the export queue is full ` +
        `(OTEL_BSP_MAX_QUEUE_SIZE=${this.settings.maxQueueSize}), the exporter cannot keep up; ` +
        "the program is not affected, tracingHealth() counts the dropped spans",
    );
  }
}
