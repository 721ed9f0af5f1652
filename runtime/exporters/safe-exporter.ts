/**
 * Wraps any exporter so its failures become one warning instead of an
 * exception, and counts what it delivers and loses for tracingHealth(). The
 * SDK would otherwise route failures to its global error handler, which is
 * silent by default, so a collector that is down would go unnoticed.
 */
import type { ExportResult } from "@opentelemetry/core";
import { EXPORT_FAILED, EXPORT_SUCCESS } from "./export-result";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { describeError } from "../errors";
import { countDropped, countExported } from "../health";
import { runSuppressed } from "../suppression";
import { warnOnce } from "../warn";
import { ExportLedger } from "./export-ledger";

/**
 * One warning per process about spans not reaching the collector, whichever
 * way it shows (a failed export, or an exit flush that got no answer).
 */
export const DELIVERY_WARNING_KEY = "exporter-failed";

export class SafeExporter implements SpanExporter {
  constructor(
    private readonly inner: SpanExporter,
    /** Named in the warning, e.g. "OTLP/gRPC http://localhost:4317". */
    private readonly destination: string | undefined = undefined,
    readonly ledger: ExportLedger = new ExportLedger(),
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    this.ledger.handOver(spans.length);
    let settled = false;
    const finish = (result: ExportResult): void => {
      if (settled) return; // an exporter that answers twice must not be counted twice
      settled = true;
      this.record(spans.length, result);
      done(result);
    };
    try {
      this.inner.export(spans, finish);
    } catch (error) {
      finish({ code: EXPORT_FAILED, error: asError(error) });
    }
  }

  shutdown(): Promise<void> {
    return this.guard(() => this.inner.shutdown());
  }

  forceFlush(): Promise<void> {
    return this.guard(() => this.inner.forceFlush?.());
  }

  private record(count: number, result: ExportResult): void {
    this.ledger.settle(count);
    if (result.code === EXPORT_SUCCESS) {
      countExported(count);
      return;
    }
    const error =
      result.error === undefined
        ? "the exporter reported a failure"
        : describeExportError(result.error);
    countDropped(count, error);
    this.reportFailure(error);
  }

  private reportFailure(error: string): void {
    const where = this.destination === undefined ? "" : ` to ${this.destination}`;
    warnOnce(
      DELIVERY_WARNING_KEY,
      `exporting spans${where} failed (${error}); those spans are dropped and counted in ` +
        "tracingHealth(), the program is not affected; further export failures are not reported",
    );
  }

  /** Runs an optional async exporter hook, untraced; never rejects, never throws. */
  private async guard(hook: () => Promise<void> | undefined): Promise<void> {
    try {
      await runSuppressed(hook);
    } catch (error) {
      this.reportFailure(describeError(error));
    }
  }
}

/**
 * The OTLP exporters put the HTTP status in `code` and not in the message
 * ("Bad Request"); the status is what a user looks up.
 */
function describeExportError(error: unknown): string {
  const text = describeError(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "number" && !text.includes(String(code))
    ? `${text} (status ${code})`
    : text;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(describeError(error));
}
