// The OTLP/gRPC receiver of the tests (@elastic/mockotlpserver) in its own
// process, so that decoding does not share a core with the traced program.
// Speaks over the IPC channel: sends { port } once listening, answers
// "count" with { count } (spans received so far), exits on "close".
import { MockOtlpServer } from "@elastic/mockotlpserver";

let count = 0;
const server = new MockOtlpServer({
  logLevel: "error",
  services: ["grpc"],
  grpcHostname: "127.0.0.1",
  grpcPort: 0,
  onTrace: (request) => {
    for (const resourceSpans of request.resourceSpans ?? []) {
      for (const scopeSpans of resourceSpans.scopeSpans ?? [])
        count += scopeSpans.spans?.length ?? 0;
    }
  },
});
await server.start();
process.send({ port: Number(new URL(server.grpcUrl).port) });
process.on("message", async (message) => {
  if (message === "count") process.send({ count });
  if (message === "close") {
    await server.close();
    process.exit(0);
  }
});
