/**
 * Writes spans as OTLP/JSON lines, as the OpenTelemetry file exporter
 * specification defines them: each export is one `TracesData` object
 * (`{"resourceSpans":[...]}`) on one line, UTF-8, ended by `\n`, appended.
 *
 * The encoding is the official one (@opentelemetry/otlp-transformer's JSON
 * serializer: hex ids, integer enums), loaded only when this exporter is chosen.
 * Each line is one write(2) on a file opened with O_APPEND, so two processes
 * appending to the same file never interleave inside a line.
 */
import * as fs from "node:fs";
import type { ExportResult } from "@opentelemetry/core";
import type { ReadableSpan, SpanExporter } from "@opentelemetry/sdk-trace-base";
import { EXPORT_FAILED, EXPORT_SUCCESS } from "../exporters/export-result";

type TransformerModule = typeof import("@opentelemetry/otlp-transformer");

const NEWLINE = Buffer.from("\n");

export class OtlpJsonFileExporter implements SpanExporter {
  private fd: number | undefined;
  private readonly serialize: (spans: ReadableSpan[]) => Uint8Array;

  constructor(readonly filePath: string) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    const { JsonTraceSerializer } = require("@opentelemetry/otlp-transformer") as TransformerModule;
    this.serialize = (spans) => JsonTraceSerializer.serializeRequest(spans) ?? new Uint8Array();
  }

  /** Synchronous, so it also works in a process 'exit' listener. */
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (spans.length === 0) return done({ code: EXPORT_SUCCESS });
    try {
      this.fd ??= fs.openSync(this.filePath, "a");
      writeAll(this.fd, Buffer.concat([this.serialize(spans), NEWLINE]));
      done({ code: EXPORT_SUCCESS });
    } catch (error) {
      done({ code: EXPORT_FAILED, error: error as Error });
    }
  }

  shutdown(): Promise<void> {
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
    return Promise.resolve();
  }
}

/** A regular file takes a whole buffer in one write; the loop covers a short write all the same. */
function writeAll(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset);
}
