/** The default exporter: one line per span on stderr (stdout is the program's). */
import type { ExportResult } from "@opentelemetry/core";
import { EXPORT_SUCCESS } from "./export-result";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { formatSpanLine } from "./console-format";

/** The part of a writable stream the exporter needs; tests pass a collector. */
export interface LineSink {
  write(text: string): unknown;
}

export class ConsoleLineExporter implements SpanExporter {
  constructor(
    private readonly sink: LineSink = process.stderr,
    private readonly depthOf: (spanId: string) => number = () => 0,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    // Written synchronously so the last spans are out before the process exits.
    for (const span of spans) {
      this.sink.write(`${formatSpanLine(span, this.depthOf(span.spanContext().spanId))}\n`);
    }
    done({ code: EXPORT_SUCCESS });
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
