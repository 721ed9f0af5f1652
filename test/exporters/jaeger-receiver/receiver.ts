/**
 * A stand-in Jaeger agent (UDP) and collector (HTTP `POST /api/traces`) on 127.0.0.1, port 0.
 * It keeps every decoded batch and every failure, so a test can assert both what arrived and
 * that nothing arrived malformed.
 */
import { createSocket } from "node:dgram";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import {
  decodeAgentDatagram,
  decodeCollectorBody,
  type DecodedBatch,
  type DecodedEmit,
  type DecodedSpan,
} from "./decode";

export interface CollectorPost {
  path: string;
  contentType: string | undefined;
  batch: DecodedBatch;
}

export interface JaegerReceiver {
  udpPort: number;
  httpPort: number;
  /** Agent datagrams, in arrival order. */
  readonly emits: DecodedEmit[];
  /** Collector requests, in arrival order. */
  readonly posts: CollectorPost[];
  /** Anything that could not be decoded or was sent to the wrong place. */
  readonly errors: string[];
  /** Spans from both transports, in arrival order. */
  spans(): DecodedSpan[];
  /** Resolves once `count` spans arrived and `settleMs` passed without more (duplicates show). */
  waitForSpans(count: number, timeoutMs?: number, settleMs?: number): Promise<DecodedSpan[]>;
  close(): Promise<void>;
}

export async function startJaegerReceiver(): Promise<JaegerReceiver> {
  const emits: DecodedEmit[] = [];
  const posts: CollectorPost[] = [];
  const errors: string[] = [];

  const udp = createSocket("udp4");
  udp.on("message", (datagram) => {
    try {
      emits.push(decodeAgentDatagram(datagram));
    } catch (error) {
      errors.push(`udp datagram of ${datagram.length} bytes: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => udp.bind(0, "127.0.0.1", resolve));

  const http = createServer((request, response) => {
    void readBody(request).then((body) => {
      const path = request.url ?? "";
      if (request.method !== "POST" || path !== "/api/traces") {
        errors.push(`http ${request.method} ${path}`);
        return response.writeHead(404).end();
      }
      try {
        const contentType = request.headers["content-type"];
        posts.push({ path, contentType, batch: decodeCollectorBody(body) });
        // What a real collector answers to an accepted batch.
        response.writeHead(202).end();
      } catch (error) {
        errors.push(`http body of ${body.length} bytes: ${String(error)}`);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));

  const spans = (): DecodedSpan[] => [
    ...emits.flatMap((emit) => emit.batch.spans),
    ...posts.flatMap((post) => post.batch.spans),
  ];

  return {
    udpPort: udp.address().port,
    httpPort: (http.address() as AddressInfo).port,
    emits,
    posts,
    errors,
    spans,
    async waitForSpans(count, timeoutMs = 3000, settleMs = 50) {
      const deadline = Date.now() + timeoutMs;
      while (spans().length < count) {
        if (Date.now() > deadline) {
          throw new Error(
            `expected ${count} spans, got ${spans().length}; errors: ${errors.join("; ") || "none"}`,
          );
        }
        await delay(10);
      }
      await delay(settleMs);
      return spans();
    },
    async close() {
      http.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => http.close(() => resolve())),
      ]);
    },
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
