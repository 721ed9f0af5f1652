/**
 * The legacy Jaeger Thrift exporter, for `TRACING_JAEGER_PROTOCOL=udp|http`.
 *
 * `@opentelemetry/exporter-jaeger` is deprecated upstream (Jaeger takes OTLP natively since 1.35),
 * so it is only a fallback for old agents and collectors. It pulls in jaeger-client, thriftrw and
 * their dependencies, so it is required here, inside the function, and a program that never
 * chooses Jaeger over Thrift never loads any of it.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { jaegerUrl } from "../settings/jaeger-env";

export interface JaegerThriftOptions {
  host: string;
  port: number;
  /**
   * `udp`: the agent. The exporter sends Thrift *binary* `emitBatch` datagrams, which an agent
   * reads on 6832; its 6831 port expects Thrift *compact* and drops these without a word.
   * `http`: the collector's `POST /api/traces` (Thrift binary `Batch`), usually port 14268.
   */
  protocol: "udp" | "http";
}

type JaegerModule = typeof import("@opentelemetry/exporter-jaeger");

/** Read by JaegerExporter's constructor; when set it sends over HTTP, ignoring host and port. */
const ENDPOINT_ENV = "OTEL_EXPORTER_JAEGER_ENDPOINT";

export function createJaegerThriftExporter(options: JaegerThriftOptions): SpanExporter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const { JaegerExporter } = require("@opentelemetry/exporter-jaeger") as JaegerModule;
  if (options.protocol === "http") {
    return new JaegerExporter({ endpoint: jaegerUrl(options) });
  }
  // An empty endpoint falls back to the environment variable, so a stray
  // OTEL_EXPORTER_JAEGER_ENDPOINT would turn the chosen UDP into HTTP. Hide it for the
  // (synchronous) constructor only: the exporter reads the environment nowhere else.
  const saved = process.env[ENDPOINT_ENV];
  delete process.env[ENDPOINT_ENV];
  try {
    return new JaegerExporter({ host: options.host, port: options.port });
  } finally {
    if (saved !== undefined) process.env[ENDPOINT_ENV] = saved;
  }
}
