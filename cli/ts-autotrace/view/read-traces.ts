/**
 * Reads an OTLP/JSON lines file (what TRACING_EXPORTER=file writes, one
 * TracesData per line) into plain spans. Bad lines are errors that name the
 * line; ids may be hex (OTLP/JSON) and times strings or numbers.
 */
import * as fs from "node:fs";
import { InputError } from "../terminal";

export type AttributeMap = Record<string, unknown>;

export interface ViewSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
  /** Milliseconds since the epoch, to the microsecond. */
  startMs: number;
  durationMs: number;
  /** OTLP Status.StatusCode: 0 unset, 1 ok, 2 error. */
  status: number;
  statusMessage: string;
  attributes: AttributeMap;
  events: { name: string; timeMs: number; attributes: AttributeMap }[];
}

type Raw = Record<string, unknown>;

export function readTraceFile(file: string): ViewSpan[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `cannot read ${file} (${code === "ENOENT" ? "it does not exist" : String(error)}).`,
    );
  }
  const spans: ViewSpan[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let data: Raw;
    try {
      data = JSON.parse(line) as Raw;
    } catch (error) {
      throw new InputError(
        `${file}:${i + 1} is not JSON (${(error as Error).message}); expected one OTLP/JSON TracesData object per line.`,
      );
    }
    if (!Array.isArray(data.resourceSpans)) {
      throw new InputError(
        `${file}:${i + 1} has no "resourceSpans"; expected one OTLP/JSON TracesData object per line.`,
      );
    }
    for (const rs of list(data.resourceSpans)) readResourceSpans(rs, spans);
  });
  return spans;
}

function readResourceSpans(rs: Raw, into: ViewSpan[]): void {
  const resource = attributesOf((rs.resource as Raw | undefined)?.attributes);
  const service = String(resource["service.name"] ?? "");
  for (const ss of list(rs.scopeSpans)) {
    for (const s of list(ss.spans)) {
      const startMs = nanosToMs(s.startTimeUnixNano);
      const status = (s.status ?? {}) as Raw;
      into.push({
        traceId: String(s.traceId),
        spanId: String(s.spanId),
        parentSpanId: s.parentSpanId ? String(s.parentSpanId) : undefined,
        name: String(s.name ?? ""),
        service,
        startMs,
        durationMs: Math.max(0, nanosToMs(s.endTimeUnixNano) - startMs),
        status: Number(status.code ?? 0),
        statusMessage: String(status.message ?? ""),
        attributes: attributesOf(s.attributes),
        events: list(s.events).map((e) => ({
          name: String(e.name ?? ""),
          timeMs: nanosToMs(e.timeUnixNano),
          attributes: attributesOf(e.attributes),
        })),
      });
    }
  }
}

/** Unix nanoseconds exceed 2^53: split the digits so the milliseconds keep microseconds. */
function nanosToMs(value: unknown): number {
  const digits = String(value ?? "0");
  if (digits.length <= 6) return Number(digits) / 1e6;
  return Number(digits.slice(0, -6)) + Number(digits.slice(-6)) / 1e6;
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? (value as Raw[]) : [];
}

function attributesOf(keyValues: unknown): AttributeMap {
  const result: AttributeMap = {};
  for (const kv of list(keyValues)) result[String(kv.key)] = anyValue(kv.value as Raw | undefined);
  return result;
}

function anyValue(value: Raw | undefined): unknown {
  if (value === undefined) return null;
  if ("stringValue" in value) return value.stringValue;
  if ("boolValue" in value) return value.boolValue;
  if ("intValue" in value) return Number(value.intValue);
  if ("doubleValue" in value) return value.doubleValue;
  if ("arrayValue" in value)
    return list((value.arrayValue as Raw | undefined)?.values).map(anyValue);
  if ("kvlistValue" in value) return attributesOf((value.kvlistValue as Raw | undefined)?.values);
  return null;
}
