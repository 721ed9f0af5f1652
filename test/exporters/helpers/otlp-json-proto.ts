/**
 * Checks OTLP/JSON against the official protobuf definitions (the .proto files
 * @elastic/mockotlpserver ships), decoded by protobufjs: no part of this
 * project's own code reads the JSON. OTLP/JSON differs from the plain protobuf
 * JSON mapping in one documented way, hex rather than base64 ids, which is
 * undone here before decoding.
 */
import * as path from "node:path";
import protobuf from "protobufjs";

const PACKAGE_DIR = path.dirname(require.resolve("@elastic/mockotlpserver/package.json"));
const ID_FIELDS = new Set(["traceId", "spanId", "parentSpanId"]);

function loadTracesData(): protobuf.Type {
  const root = new protobuf.Root();
  // The protos import each other as "opentelemetry/proto/...", relative to the package.
  root.resolvePath = (_origin, target) =>
    path.isAbsolute(target) ? target : path.join(PACKAGE_DIR, target);
  root.loadSync("opentelemetry/proto/trace/v1/trace.proto", { keepCase: false });
  return root.lookupType("opentelemetry.proto.trace.v1.TracesData");
}

const TracesData = loadTracesData();

/** Hex ids to base64 (the protobuf JSON form of `bytes`), or back. */
function convertIds(value: unknown, toBase64: boolean, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => convertIds(v, toBase64));
  if (typeof value === "string" && ID_FIELDS.has(key)) {
    if (!toBase64) return Buffer.from(value, "base64").toString("hex");
    if (!/^([0-9a-f]{2})*$/.test(value)) throw new Error(`${key} is not lowercase hex: ${value}`);
    return Buffer.from(value, "hex").toString("base64");
  }
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convertIds(v, toBase64, k)]));
}

export interface DecodedLine {
  /** What protobufjs decoded, as plain data (ids back in hex). */
  message: Record<string, unknown>;
  spanCount: number;
}

/**
 * Decodes one line as a TracesData message, and proves nothing was lost: every
 * field of the line is one the protocol defines, with a type it accepts.
 */
export function decodeTracesDataLine(line: string): DecodedLine {
  const json = convertIds(JSON.parse(line), true) as Record<string, unknown>;
  const message = TracesData.fromObject(json);
  const back = TracesData.toObject(message, { longs: String, enums: Number, bytes: String });
  // Re-encoding what was decoded gives the input back: no unknown or mistyped field was dropped.
  if (JSON.stringify(sortKeys(normaliseLongs(json))) !== JSON.stringify(sortKeys(back))) {
    throw new Error("the line has fields TracesData does not define, or values of the wrong type");
  }
  const bytes = TracesData.encode(message).finish();
  const decoded = TracesData.toObject(TracesData.decode(bytes), {
    longs: String,
    enums: Number,
    bytes: String,
  });
  let spanCount = 0;
  for (const rs of (decoded.resourceSpans ?? []) as { scopeSpans?: { spans?: unknown[] }[] }[]) {
    for (const ss of rs.scopeSpans ?? []) spanCount += ss.spans?.length ?? 0;
  }
  return { message: convertIds(decoded, false) as Record<string, unknown>, spanCount };
}

/**
 * What protobufjs gives back for the same data: int64 as strings (OTLP/JSON
 * allows numbers too) and empty repeated fields left out.
 */
function normaliseLongs(value: unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => normaliseLongs(v));
  if (typeof value === "number" && (key.endsWith("UnixNano") || key === "intValue"))
    return String(value);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).filter(([, v]) => !(Array.isArray(v) && v.length === 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, normaliseLongs(v, k)]));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}
