/**
 * Decodes what a Jaeger agent or collector would receive, using only Apache Thrift's `thrift`
 * runtime and compiler-generated structs: nothing here shares code with the exporter's encoder
 * (jaeger-client + thriftrw), so an encoding bug there cannot cancel out here.
 */
import { TBinaryProtocol, TBufferedTransport, Thrift } from "thrift";
import { Agent, jaegerTypes, type GenBatch, type GenTag, type ThriftInt64 } from "./generated";

export type TagValue = string | number | boolean | Buffer;

/** A Tag with its vType by name and the one value field that vType selects. */
export interface DecodedTag {
  key: string;
  vType: string;
  value: TagValue;
}

export interface DecodedSpan {
  /** i64 fields as 16 hex digits, the way OpenTelemetry writes ids. */
  traceIdHigh: string;
  traceIdLow: string;
  spanId: string;
  parentSpanId: string;
  operationName: string;
  flags: number;
  startTimeMicros: number;
  durationMicros: number;
  references: number;
  tags: DecodedTag[];
  logs: { timestampMicros: number; fields: DecodedTag[] }[];
}

export interface DecodedBatch {
  process: { serviceName: string; tags: DecodedTag[] };
  spans: DecodedSpan[];
}

/** One agent datagram: the Thrift message header and the `emitBatch` argument. */
export interface DecodedEmit {
  method: string;
  messageType: Thrift.MessageType;
  seqid: number;
  batch: DecodedBatch;
}

/**
 * A UDP datagram holds one whole TBinaryProtocol message, with no frame or size prefix (that is
 * what jaeger-client's UDPSender writes): the strict header (version 1, name, seqid), then the
 * `Agent_emitBatch_args` struct.
 */
export function decodeAgentDatagram(datagram: Buffer): DecodedEmit {
  return readWhole(datagram, (input) => {
    const header = input.readMessageBegin();
    if (header.fname !== "emitBatch") throw new Error(`unexpected agent method ${header.fname}`);
    let batch: GenBatch | undefined;
    const processor = new Agent.Processor({
      emitBatch: (received) => (batch = received),
      emitZipkinBatch: () => {},
    });
    // The generated server path: reads Agent_emitBatch_args and hands its batch to the handler.
    // A oneway call writes no reply, so the output protocol is never touched.
    processor.process_emitBatch(header.rseqid, input, input);
    if (!batch) throw new Error("emitBatch carried no batch");
    return {
      method: header.fname,
      messageType: header.mtype,
      seqid: header.rseqid,
      batch: normalizeBatch(batch),
    };
  });
}

/** A collector's `POST /api/traces` body is a bare Thrift-binary `Batch` struct, no message. */
export function decodeCollectorBody(body: Buffer): DecodedBatch {
  return readWhole(body, (input) => {
    const batch = new jaegerTypes.Batch();
    batch.read(input);
    return normalizeBatch(batch);
  });
}

/** Runs `read` over the bytes and insists it used every one of them, no more, no less. */
function readWhole<T>(bytes: Buffer, read: (input: TBinaryProtocol) => T): T {
  let result: { value: T } | undefined;
  TBufferedTransport.receiver((transport) => {
    // strictRead: a message without the version-1 header is an error, not a guess.
    const value = read(new TBinaryProtocol(transport, true, true));
    if (hasMoreBytes(transport)) throw new Error("trailing bytes after the Thrift message");
    result = { value };
  }, 0)(bytes);
  // A short buffer throws InputBufferUnderrunError above; this guards the impossible rest.
  if (!result) throw new Error("Thrift message not decoded");
  return result.value;
}

function hasMoreBytes(transport: TBufferedTransport): boolean {
  try {
    transport.ensureAvailable(1);
    return true;
  } catch (error) {
    // thrift exports the class, but @types/thrift does not declare it.
    if (error instanceof Error && error.name === "InputBufferUnderrunError") return false;
    throw error;
  }
}

function normalizeBatch(batch: GenBatch): DecodedBatch {
  return {
    process: {
      serviceName: batch.process.serviceName,
      tags: (batch.process.tags ?? []).map(normalizeTag),
    },
    spans: batch.spans.map((span) => ({
      traceIdHigh: hex(span.traceIdHigh),
      traceIdLow: hex(span.traceIdLow),
      spanId: hex(span.spanId),
      parentSpanId: hex(span.parentSpanId),
      operationName: span.operationName,
      flags: span.flags,
      startTimeMicros: span.startTime.toNumber(true),
      durationMicros: span.duration.toNumber(true),
      references: span.references?.length ?? 0,
      tags: (span.tags ?? []).map(normalizeTag),
      logs: (span.logs ?? []).map((log) => ({
        timestampMicros: log.timestamp.toNumber(true),
        fields: log.fields.map(normalizeTag),
      })),
    })),
  };
}

const tagTypeNames = new Map(Object.entries(jaegerTypes.TagType).map(([name, id]) => [id, name]));

function normalizeTag(tag: GenTag): DecodedTag {
  const vType = tagTypeNames.get(tag.vType);
  const value = tagValue(vType, tag);
  if (vType === undefined || value === null) {
    throw new Error(`tag ${tag.key}: vType ${tag.vType} without its value field`);
  }
  return { key: tag.key, vType, value };
}

function tagValue(vType: string | undefined, tag: GenTag): TagValue | null {
  switch (vType) {
    case "STRING":
      return tag.vStr;
    case "DOUBLE":
      return tag.vDouble;
    case "BOOL":
      return tag.vBool;
    case "LONG":
      return tag.vLong ? tag.vLong.toNumber(true) : null;
    case "BINARY":
      return tag.vBinary;
    default:
      return null;
  }
}

function hex(value: ThriftInt64): string {
  return value.toOctetString();
}
