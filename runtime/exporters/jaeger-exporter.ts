/**
 * TRACING_EXPORTER=jaeger. By default OTLP/gRPC to the Jaeger host (Jaeger
 * takes OTLP natively; upstream deprecated the Thrift exporter). The legacy
 * Thrift protocols come from jaeger-thrift-exporter.ts, required only when
 * chosen, so @opentelemetry/exporter-jaeger and Thrift load only then.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { hostForUrl, type JaegerSettings } from "../settings/jaeger-env";
import type { OtlpTransport } from "../settings/otlp-env";
import { createOtlpExporter, otlpDestination } from "./otlp-exporter";

/** The contract of ./jaeger-thrift-exporter. */
interface JaegerThriftModule {
  createJaegerThriftExporter(options: {
    host: string;
    port: number;
    protocol: "udp" | "http";
    serviceName: string;
  }): SpanExporter;
}

export function createJaegerExporter(
  settings: JaegerSettings,
  /** Timeout and compression of the OTLP variant; unused by the Thrift ones. */
  transport: OtlpTransport,
  serviceName: string,
): SpanExporter {
  const { protocol, host, port } = settings;
  if (protocol === "otlp") {
    return createOtlpExporter({ protocol: "grpc", url: jaegerOtlpUrl(settings), ...transport });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const thrift = require("./jaeger-thrift-exporter") as JaegerThriftModule;
  return thrift.createJaegerThriftExporter({ host, port, protocol, serviceName });
}

export function jaegerDestination(settings: JaegerSettings): string {
  const host = hostForUrl(settings.host);
  switch (settings.protocol) {
    case "otlp":
      return `Jaeger ${otlpDestination({ protocol: "grpc", url: jaegerOtlpUrl(settings) })}`;
    case "udp":
      return `Jaeger agent udp://${host}:${settings.port} (Thrift binary)`;
    case "http":
      return `Jaeger collector http://${host}:${settings.port}/api/traces (Thrift)`;
  }
}

function jaegerOtlpUrl({ host, port }: JaegerSettings): string {
  return `http://${hostForUrl(host)}:${port}`;
}
