/**
 * OTLP over gRPC or HTTP/protobuf, with the official OpenTelemetry exporters.
 *
 * They are required here, when chosen, and not imported at the top: loading
 * gRPC and protobufjs costs tens of milliseconds at start-up, which programs
 * using `console` or `none` must not pay.
 */
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import type { OtlpSettings } from "../config/otlp-config";
import { refusalIsFinal } from "./refusal-agent";

type GrpcModule = typeof import("@opentelemetry/exporter-trace-otlp-grpc");
type ProtoModule = typeof import("@opentelemetry/exporter-trace-otlp-proto");

export function createOtlpExporter(settings: OtlpSettings): SpanExporter {
  const options = {
    url: settings.url,
    timeoutMillis: settings.timeoutMillis,
    compression: settings.compression,
  };
  if (settings.protocol === "grpc") {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
    const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-grpc") as GrpcModule;
    return new OTLPTraceExporter(options as ConstructorParameters<typeof OTLPTraceExporter>[0]);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, see above
  const { OTLPTraceExporter } = require("@opentelemetry/exporter-trace-otlp-proto") as ProtoModule;
  return new OTLPTraceExporter({
    ...options,
    ...refusalIsFinal(settings.url),
  } as ConstructorParameters<typeof OTLPTraceExporter>[0]);
}

/** e.g. "OTLP/gRPC http://localhost:4317", for warnings and tracingHealth(). */
export function otlpDestination(settings: Pick<OtlpSettings, "protocol" | "url">): string {
  return `${settings.protocol === "grpc" ? "OTLP/gRPC" : "OTLP/HTTP"} ${settings.url}`;
}
