/**
 * The test receiver must reject what a Jaeger agent or collector would reject; otherwise the
 * exporter tests could pass on bytes no real Jaeger reads. The messages here are written with
 * Apache Thrift's runtime, the way any other Thrift client would write them.
 */
import {
  TBinaryProtocol,
  TBufferedTransport,
  TCompactProtocol,
  Thrift,
  type TProtocol,
} from "thrift";
import { expect, test } from "vitest";
import { decodeAgentDatagram, decodeCollectorBody } from "./jaeger-receiver/decode";
import { jaegerTypes } from "./jaeger-receiver/generated";

const batch = new jaegerTypes.Batch({
  process: new jaegerTypes.Process({
    serviceName: "svc",
    tags: [new jaegerTypes.Tag({ key: "host", vType: jaegerTypes.TagType.STRING, vStr: "box" })],
  }),
  spans: [],
});

type ProtocolClass = new (transport: TBufferedTransport) => TProtocol;

/** Thrift output as one buffer. */
function write(protocol: ProtocolClass, body: (output: TProtocol) => void): Buffer {
  let bytes = Buffer.alloc(0);
  const transport = new TBufferedTransport(undefined, (written) => {
    if (written) bytes = Buffer.concat([bytes, written]);
  });
  const output = new protocol(transport);
  body(output);
  output.flush();
  return bytes;
}

/** An agent `emitBatch` call, as the Agent service's generated client writes it. */
function emitBatchMessage(protocol: ProtocolClass, method = "emitBatch"): Buffer {
  return write(protocol, (output) => {
    output.writeMessageBegin(method, Thrift.MessageType.ONEWAY, 7);
    output.writeStructBegin("Agent_emitBatch_args");
    output.writeFieldBegin("batch", Thrift.Type.STRUCT, 1);
    batch.write(output);
    output.writeFieldEnd();
    output.writeFieldStop();
    output.writeStructEnd();
    output.writeMessageEnd();
  });
}

const expectedBatch = {
  process: { serviceName: "svc", tags: [{ key: "host", vType: "STRING", value: "box" }] },
  spans: [],
};

test("decodes a binary emitBatch datagram and a bare Batch body", () => {
  expect(decodeAgentDatagram(emitBatchMessage(TBinaryProtocol))).toEqual({
    method: "emitBatch",
    messageType: Thrift.MessageType.ONEWAY,
    seqid: 7,
    batch: expectedBatch,
  });
  const body = write(TBinaryProtocol, (output) => batch.write(output));
  expect(decodeCollectorBody(body)).toEqual(expectedBatch);
});

/** "Name: message" of what `decode` throws; fails the test if it does not throw. */
function failureOf(decode: () => unknown): string {
  try {
    decode();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  throw new Error("decoded without complaint");
}

test("rejects a datagram cut short, with trailing bytes, or for another method", () => {
  const datagram = emitBatchMessage(TBinaryProtocol);
  expect(failureOf(() => decodeAgentDatagram(datagram.subarray(0, -1)))).toMatch(
    /^InputBufferUnderrunError/,
  );
  expect(failureOf(() => decodeAgentDatagram(Buffer.concat([datagram, Buffer.from([0])])))).toMatch(
    /trailing bytes/,
  );
  expect(
    failureOf(() => decodeAgentDatagram(emitBatchMessage(TBinaryProtocol, "emitZipkinBatch"))),
  ).toMatch(/unexpected agent method emitZipkinBatch/);
});

test("rejects compact protocol, which is what the agent's port 6831 expects", () => {
  expect(failureOf(() => decodeAgentDatagram(emitBatchMessage(TCompactProtocol)))).toMatch(
    /Bad version/,
  );
});

test("rejects a whole agent message posted as a collector body", () => {
  expect(failureOf(() => decodeCollectorBody(emitBatchMessage(TBinaryProtocol)))).toMatch(
    /Invalid type/,
  );
});
