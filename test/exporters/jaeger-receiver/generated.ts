/**
 * Typed access to the JavaScript that Apache Thrift's compiler generated from jaeger-client's IDL
 * (see scripts/generate-jaeger-thrift.sh). The generated files have no types, so they are loaded
 * with a plain require and given only the shape the receiver reads.
 */
import { createRequire } from "node:module";
import type { TProtocol } from "thrift";

/** node-int64, which the `thrift` runtime returns for every i64. */
export interface ThriftInt64 {
  toOctetString(): string;
  toNumber(allowImprecise?: boolean): number;
}

export interface GenTag {
  key: string;
  vType: number;
  vStr: string | null;
  vDouble: number | null;
  vBool: boolean | null;
  vLong: ThriftInt64 | null;
  vBinary: Buffer | null;
}

export interface GenLog {
  timestamp: ThriftInt64;
  fields: GenTag[];
}

export interface GenSpanRef {
  refType: number;
  traceIdLow: ThriftInt64;
  traceIdHigh: ThriftInt64;
  spanId: ThriftInt64;
}

export interface GenSpan {
  traceIdLow: ThriftInt64;
  traceIdHigh: ThriftInt64;
  spanId: ThriftInt64;
  parentSpanId: ThriftInt64;
  operationName: string;
  references: GenSpanRef[] | null;
  flags: number;
  startTime: ThriftInt64;
  duration: ThriftInt64;
  tags: GenTag[] | null;
  logs: GenLog[] | null;
}

export interface GenProcess {
  serviceName: string;
  tags: GenTag[] | null;
}

export interface GenBatch {
  process: GenProcess;
  spans: GenSpan[];
  read(input: TProtocol): void;
  write(output: TProtocol): void;
}

interface JaegerTypesModule {
  Batch: new (args?: Pick<GenBatch, "process" | "spans">) => GenBatch;
  Process: new (args: GenProcess) => GenProcess;
  Tag: new (args: Partial<GenTag>) => GenTag;
  TagType: Record<string, number>;
}

interface AgentHandler {
  emitBatch(batch: GenBatch): void;
  emitZipkinBatch(spans: unknown[]): void;
}

interface AgentModule {
  Processor: new (handler: AgentHandler) => {
    process_emitBatch(seqid: number, input: TProtocol, output: TProtocol): void;
  };
}

const load = createRequire(__filename);
export const jaegerTypes = load("./gen/jaeger_types") as JaegerTypesModule;
export const Agent = load("./gen/Agent") as AgentModule;
