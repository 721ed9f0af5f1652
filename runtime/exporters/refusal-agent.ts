/**
 * A refused connection ends an OTLP/HTTP export at once, as it does over gRPC.
 *
 * The OpenTelemetry HTTP exporter retries ECONNREFUSED with backoff for up to
 * its timeout (about 8 s of timers that keep a finished program alive). But a
 * refusal is known at once and nothing is listening: waiting helps nobody.
 * The exporter decides by the error's `code`, so the agent's sockets rename
 * that code on a refusal; the message still says ECONNREFUSED.
 *
 * Only for plain http:// URLs: for https:// the exporter's own agent carries
 * the TLS settings of OTEL_EXPORTER_OTLP_*CERTIFICATE, which a replacement
 * would lose. There the 2 s cap on the exit flush still applies.
 */
import type { Agent } from "node:http";
import type { Duplex } from "node:stream";

/** Not in the exporter's list of retryable network errors. */
export const FINAL_REFUSAL_CODE = "ECONNREFUSED_NOT_RETRIED";

/** Extra exporter options for `url`: none for https. */
export function refusalIsFinal(url: string): { httpAgentOptions?: () => Agent } {
  if (!url.startsWith("http:")) return {};
  return { httpAgentOptions: () => createAgent() };
}

function createAgent(): Agent {
  // Loaded with the first export, like the exporter's own agent, not at start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose
  const http = require("node:http") as typeof import("node:http");
  // keepAlive as the exporter's default agent has it.
  const agent = new http.Agent({ keepAlive: true });
  const connect = agent.createConnection.bind(agent) as (...args: unknown[]) => Duplex;
  agent.createConnection = (...args: unknown[]) => {
    const socket = connect(...args);
    socket.once("error", markFinal);
    return socket;
  };
  return agent;
}

function markFinal(error: Error & { code?: unknown }): void {
  if (error.code === "ECONNREFUSED") error.code = FINAL_REFUSAL_CODE;
}
