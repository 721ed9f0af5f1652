/**
 * The console exporter in the format TRACING_CONSOLE_FORMAT names: `tree`
 * (default, one tree per finished trace), `lines` (one line per span as it
 * ends, for log pipelines) or `json` (one JSON object per span).
 */
import type { ReadableSpan, SpanExporter, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { ExportResult } from "@opentelemetry/core";
import { choiceRule, readSetting, type Env, type EnvWarning } from "../config/env-values";
import { ConsoleLineExporter, DROPPED, STDERR, type LineSink } from "../exporters/console-exporter";
import { EXPORT_FAILED, EXPORT_SUCCESS } from "../exporters/export-result";
import { SpanDepthTracker } from "../exporters/span-depth";
import { formatSpanJson } from "./json-format";
import { ConsoleTreeExporter } from "./tree-exporter";

export const CONSOLE_FORMATS = ["tree", "lines", "json"] as const;
export type ConsoleFormat = (typeof CONSOLE_FORMATS)[number];

export function readConsoleFormat(env: Env, warnings: EnvWarning[]): ConsoleFormat {
  return readSetting(
    env,
    ["TRACING_CONSOLE_FORMAT"],
    choiceRule(CONSOLE_FORMATS),
    "tree",
    warnings,
  );
}

/** The exporter, and processors that must run after the exporting one. */
export function consoleExporter(
  format: ConsoleFormat,
  sink: LineSink = STDERR,
): { exporter: SpanExporter; after: SpanProcessor[] } {
  if (format === "tree") return { exporter: new ConsoleTreeExporter(sink), after: [] };
  if (format === "json") return { exporter: new ConsoleJsonExporter(sink), after: [] };
  const depths = new SpanDepthTracker();
  // The tracker goes last: see span-depth.ts.
  return {
    exporter: new ConsoleLineExporter(sink, (spanId) => depths.depthOf(spanId)),
    after: [depths],
  };
}

export class ConsoleJsonExporter implements SpanExporter {
  constructor(private readonly sink: LineSink = STDERR) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    let dropped = false;
    for (const span of spans)
      if (this.sink.write(`${formatSpanJson(span)}\n`) === false) dropped = true;
    done(dropped ? { code: EXPORT_FAILED, error: DROPPED } : { code: EXPORT_SUCCESS });
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
