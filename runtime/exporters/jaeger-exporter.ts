/**
 * TRACING_EXPORTER=jaeger. By default OTLP/gRPC to the Jaeger host (Jaeger
 * takes OTLP natively; upstream deprecated the Thrift exporter). The legacy
 * Thrift protocols come from jaeger-thrift-exporter.ts, required only when
 * chosen, so @opentelemetry/exporter-jaeger and Thrift load only then.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import { jaegerUrl, type JaegerSettings } from "../settings/jaeger-env";
import type { OtlpTransport } from "../settings/otlp-env";
import { createOtlpExporter, otlpDestination } from "./otlp-exporter";

type JaegerThriftModule = typeof import("./jaeger-thrift-exporter");

export function createJaegerExporter(
  settings: JaegerSettings,
  /** Timeout and compression of the OTLP variant; unused by the Thrift ones. */
  transport: OtlpTransport,
): SpanExporter {
  const { protocol, host, port } = settings;
  if (protocol === "otlp") {
    return createOtlpExporter({ protocol: "grpc", url: jaegerUrl(settings), ...transport });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const thrift = require("./jaeger-thrift-exporter") as JaegerThriftModule;
  return thrift.createJaegerThriftExporter({ host, port, protocol });
}

export function jaegerDestination(settings: JaegerSettings): string {
  switch (settings.protocol) {
    case "otlp":
      return `Jaeger ${otlpDestination({ protocol: "grpc", url: jaegerUrl(settings) })}`;
    case "udp":
      return `Jaeger agent ${jaegerUrl(settings)} (Thrift binary)`;
    case "http":
      return `Jaeger collector ${jaegerUrl(settings)} (Thrift)`;
  }
}
