/** `TRACING_EXPORTER=file`: OTLP/JSON lines appended to TRACING_FILE_PATH (default traces.jsonl). */
import * as path from "node:path";
import { present } from "../config/env-values";
import type { ExporterContext, ExporterSetup } from "../exporters/exporter-setup";
import { SafeExporter } from "../exporters/safe-exporter";
import { FileBatchProcessor } from "./file-batch-processor";
import { OtlpJsonFileExporter } from "./otlp-json-file-exporter";

export const DEFAULT_TRACE_FILE = "traces.jsonl";

export function fileSetup({ env }: ExporterContext): ExporterSetup {
  const filePath = path.resolve(present(env.TRACING_FILE_PATH) ?? DEFAULT_TRACE_FILE);
  const destination = `file ${filePath}`;
  const exporter = new SafeExporter(new OtlpJsonFileExporter(filePath), destination);
  const processor = new FileBatchProcessor(exporter);
  return {
    label: "file",
    destination,
    processors: [processor],
    finishedSpans: () => [],
    resetFinishedSpans: () => {},
    pending: () => processor.waiting + exporter.ledger.pending(),
  };
}
