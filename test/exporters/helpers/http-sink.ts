/**
 * A stand-in OTLP/HTTP collector that misbehaves on purpose: it answers late,
 * or with an error status, and counts the requests it got. What the requests
 * contain does not matter to the fault tests, so nothing is decoded.
 */
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";

export interface HttpSink {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  requests: number;
  close(): Promise<void>;
}

export interface SinkBehaviour {
  /** Wait this long before answering. */
  delayMs?: number;
  /** The HTTP status of the answer (200: accepted, with an empty protobuf body). */
  status?: number;
}

export async function startHttpSink({
  delayMs = 0,
  status = 200,
}: SinkBehaviour): Promise<HttpSink> {
  const sockets = new Set<Socket>();
  const sink = { url: "", requests: 0, close: () => closeServer(server, sockets) };
  const server: Server = createServer((request, response) => {
    sink.requests += 1;
    request.resume();
    const answer = setTimeout(() => response.writeHead(status).end(), delayMs);
    response.on("close", () => clearTimeout(answer));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  sink.url = `http://127.0.0.1:${address.port}`;
  return sink;
}

/** A port nothing listens on: taken from the OS, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Like a collector that went away: open connections are cut, not drained. */
function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}
