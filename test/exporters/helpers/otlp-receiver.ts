/**
 * An in-process OTLP receiver (gRPC and HTTP/protobuf) on free ports, with
 * what it decoded. mockotlpserver reports through process-wide diagnostics
 * channels and never unsubscribes, so a test file starts exactly one.
 */
import { MockOtlpServer } from "@elastic/mockotlpserver";
import { decodeTraceRequest, type ReceivedSpan } from "./otlp-decode";

export interface OtlpReceiver {
  /** Base URLs, e.g. `http://127.0.0.1:40123`. */
  grpcUrl: string;
  httpUrl: string;
  grpcPort: number;
  spans: ReceivedSpan[];
  /** Resolves with all spans once at least `count` arrived; rejects after `timeoutMs`. */
  waitForSpans(count: number, timeoutMs?: number): Promise<ReceivedSpan[]>;
  reset(): void;
  close(): Promise<void>;
}

let started = false;

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  if (started) throw new Error("one mockotlpserver per test file (see otlp-receiver.ts)");
  started = true;
  const spans: ReceivedSpan[] = [];
  const server = new MockOtlpServer({
    logLevel: "warn",
    services: ["grpc", "http"],
    grpcHostname: "127.0.0.1",
    grpcPort: 0,
    httpHostname: "127.0.0.1",
    httpPort: 0,
    onTrace: (request) => spans.push(...decodeTraceRequest(request)),
  });
  await server.start();
  const grpcUrl = baseUrl(server.grpcUrl);
  return {
    grpcUrl,
    httpUrl: baseUrl(server.httpUrl),
    grpcPort: Number(new URL(grpcUrl).port),
    spans,
    waitForSpans: (count, timeoutMs = 5000) =>
      waitFor(
        () => spans.length >= count,
        timeoutMs,
        () => spans,
      ),
    reset: () => void spans.splice(0),
    close: () => server.close(),
  };
}

function baseUrl(url: string | null): string {
  if (url === null) throw new Error("mockotlpserver did not report its URL");
  return new URL(url).origin;
}

async function waitFor<T>(done: () => boolean, timeoutMs: number, value: () => T): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return value();
}
