/**
 * Wraps any exporter so its failures become one warning instead of an
 * exception. The SDK would otherwise route them to its global error handler,
 * which is silent by default, so a broken exporter would go unnoticed.
 */
import { ExportResultCode, type ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { describeError } from "../errors";
import { warnOnce } from "../warn";

export class SafeExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      this.inner.export(spans, (result) => {
        if (result.code !== ExportResultCode.SUCCESS) reportExportFailure(result.error);
        done(result);
      });
    } catch (error) {
      reportExportFailure(error);
      done({ code: ExportResultCode.FAILED, error: asError(error) });
    }
  }

  shutdown(): Promise<void> {
    return guard(() => this.inner.shutdown());
  }

  forceFlush(): Promise<void> {
    return guard(() => this.inner.forceFlush?.());
  }
}

function reportExportFailure(error: unknown): void {
  warnOnce(
    "exporter-failed",
    `exporting spans failed (${describeError(error)}); further export failures are not reported`,
  );
}

/** Runs an optional async exporter hook; never rejects, never throws. */
async function guard(hook: () => Promise<void> | undefined): Promise<void> {
  try {
    await hook();
  } catch (error) {
    reportExportFailure(error);
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(describeError(error));
}
