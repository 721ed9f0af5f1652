/** The default exporter: one line per span on stderr (stdout is the program's). */
import type { ExportResult } from "@opentelemetry/core";
import { EXPORT_FAILED, EXPORT_SUCCESS } from "./export-result";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { writeToStderr } from "../stderr-sink";
import { formatSpanLine } from "./console-format";

/** Where the lines go; tests pass a collector. `write` returns `false` for a dropped line. */
export interface LineSink {
  write(text: string): unknown;
}

/** stderr through the non-blocking sink; the console formats all write here. */
export const STDERR: LineSink = { write: writeToStderr };

export const DROPPED = new Error(
  "stderr did not take the line (closed, or read slower than spans are written); it is dropped",
);

export class ConsoleLineExporter implements SpanExporter {
  constructor(
    private readonly sink: LineSink = STDERR,
    private readonly depthOf: (spanId: string) => number = () => 0,
  ) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    // Written synchronously so the last spans are out before the process exits.
    let dropped = false;
    for (const span of spans) {
      const line = `${formatSpanLine(span, this.depthOf(span.spanContext().spanId))}\n`;
      if (this.sink.write(line) === false) dropped = true;
    }
    // The processor hands over one span at a time, so a failure counts exactly the dropped one.
    done(dropped ? { code: EXPORT_FAILED, error: DROPPED } : { code: EXPORT_SUCCESS });
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
