/**
 * Turning what mockotlpserver decoded (plain objects from gRPC, protobufjs
 * messages from HTTP/protobuf) into one shape the tests can compare, keeping
 * each attribute's OTLP type: `int:2` and `string:2` are different answers.
 */

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** `undefined` for a root span. */
  parentSpanId: string | undefined;
  name: string;
  kind: number;
  /** Resource attributes, typed like span attributes. */
  resource: Record<string, string>;
  scope: { name: string; version: string };
  attributes: Record<string, string>;
  status: { code: number; message: string };
  events: { name: string; attributes: Record<string, string> }[];
}

type Raw = Record<string, unknown>;

/** OTLP's Status.StatusCode. */
export const STATUS = { UNSET: 0, OK: 1, ERROR: 2 } as const;

export function decodeTraceRequest(request: unknown): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const resourceSpans of list(plain(request).resourceSpans)) {
    const resource = attributesOf((resourceSpans.resource as Raw | undefined)?.attributes);
    for (const scopeSpans of list(resourceSpans.scopeSpans)) {
      const scope = (scopeSpans.scope ?? {}) as Raw;
      for (const span of list(scopeSpans.spans)) {
        spans.push(decodeSpan(span, resource, scope));
      }
    }
  }
  return spans;
}

function decodeSpan(span: Raw, resource: Record<string, string>, scope: Raw): ReceivedSpan {
  const status = (span.status ?? {}) as Raw;
  return {
    traceId: hex(span.traceId) ?? "",
    spanId: hex(span.spanId) ?? "",
    parentSpanId: hex(span.parentSpanId),
    name: String(span.name),
    kind: Number(span.kind ?? 0),
    resource,
    scope: { name: String(scope.name ?? ""), version: String(scope.version ?? "") },
    attributes: attributesOf(span.attributes),
    status: { code: Number(status.code ?? 0), message: String(status.message ?? "") },
    events: list(span.events).map((event) => ({
      name: String(event.name),
      attributes: attributesOf(event.attributes),
    })),
  };
}

/** protobufjs messages carry defaults on their prototype; toObject keeps only what was sent. */
function plain(request: unknown): Raw {
  const type = (request as { constructor?: { toObject?: unknown } }).constructor;
  if (typeof type?.toObject === "function") {
    return (type.toObject as (m: unknown, o: object) => Raw)(request, { longs: String });
  }
  return request as Raw;
}

function list(value: unknown): Raw[] {
  return Array.isArray(value) ? (value as Raw[]) : [];
}

function hex(bytes: unknown): string | undefined {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return undefined;
  return Buffer.from(bytes).toString("hex");
}

function attributesOf(keyValues: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { key, value } of list(keyValues)) result[String(key)] = typed(value as Raw);
  return result;
}

/** `int:2`, `double:1.5`, `string:pen`, `bool:true`, `array:[int:1,int:2]`. */
function typed(value: Raw): string {
  if ("stringValue" in value) return `string:${String(value.stringValue)}`;
  if ("boolValue" in value) return `bool:${String(value.boolValue)}`;
  // Longs arrive as Long objects (gRPC) or strings (toObject); both print as digits.
  if ("intValue" in value) return `int:${String(value.intValue)}`;
  if ("doubleValue" in value) return `double:${String(value.doubleValue)}`;
  if ("arrayValue" in value) {
    const values = list((value.arrayValue as Raw | undefined)?.values);
    return `array:[${values.map(typed).join(",")}]`;
  }
  return `other:${JSON.stringify(value)}`;
}
