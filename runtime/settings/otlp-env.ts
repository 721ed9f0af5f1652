/**
 * The OTLP exporter's settings. Precedence for each, highest first:
 *
 *   TRACING_OTLP_*  >  OTEL_EXPORTER_OTLP_TRACES_*  >  OTEL_EXPORTER_OTLP_*  >  default
 *
 * TRACING_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_ENDPOINT are base URLs: for
 * HTTP `/v1/traces` is appended. OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is the
 * full URL and used as it is. (For gRPC only the scheme, host and port count.)
 *
 * Headers (OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_TRACES_HEADERS) are
 * read by the OpenTelemetry exporter itself; they are only checked here.
 */
import {
  choiceRule,
  httpUrlRule,
  integerRule,
  present,
  readSetting,
  readSettingWithSource,
  type Env,
  type EnvWarning,
} from "./env-values";
import { parseKeyValueList } from "./key-value-list";

export type OtlpProtocol = "grpc" | "http/protobuf";
export type OtlpCompression = "gzip" | "none";

/** How to talk OTLP, independent of where to: shared with the jaeger exporter. */
export interface OtlpTransport {
  timeoutMillis: number;
  compression: OtlpCompression;
}

export interface OtlpSettings extends OtlpTransport {
  protocol: OtlpProtocol;
  /** The URL the exporter is given: base + /v1/traces for HTTP. */
  url: string;
}

const DEFAULT_BASE_URL: Record<OtlpProtocol, string> = {
  grpc: "http://localhost:4317",
  "http/protobuf": "http://localhost:4318",
};

export const DEFAULT_OTLP_TIMEOUT_MS = 10_000;

const TRACES_PATH = "v1/traces";
const FULL_URL_VARIABLE = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";

export function readOtlpSettings(env: Env, warnings: EnvWarning[]): OtlpSettings {
  const protocol = readProtocol(env, warnings);
  return { protocol, url: readUrl(env, protocol, warnings), ...readOtlpTransport(env, warnings) };
}

export function readOtlpTransport(env: Env, warnings: EnvWarning[]): OtlpTransport {
  checkHeaders(env, warnings);
  return {
    timeoutMillis: readSetting(
      env,
      twins("TIMEOUT"),
      integerRule(1),
      DEFAULT_OTLP_TIMEOUT_MS,
      warnings,
    ),
    compression: readSetting(
      env,
      twins("COMPRESSION"),
      choiceRule<OtlpCompression>(["gzip", "none"]),
      "none",
      warnings,
    ),
  };
}

/** `OTEL_EXPORTER_OTLP_TRACES_<x>` before `OTEL_EXPORTER_OTLP_<x>`. */
function twins(setting: string): string[] {
  return [`OTEL_EXPORTER_OTLP_TRACES_${setting}`, `OTEL_EXPORTER_OTLP_${setting}`];
}

/** http/json is not bundled; it carries the same data as http/protobuf, so that is used. */
function readProtocol(env: Env, warnings: EnvWarning[]): OtlpProtocol {
  const names = ["TRACING_OTLP_PROTOCOL", ...twins("PROTOCOL")];
  const protocol = readSetting(
    env,
    names,
    choiceRule(["grpc", "http/protobuf", "http/json"] as const),
    "grpc",
    warnings,
  );
  if (protocol !== "http/json") return protocol;
  const name = names.find((n) => present(env[n])?.toLowerCase() === "http/json") ?? names[0];
  warnings.push({
    key: `env:${name}=http/json`,
    message: `${name}="http/json" is not supported by ts-autotrace; using http/protobuf`,
  });
  return "http/protobuf";
}

function readUrl(env: Env, protocol: OtlpProtocol, warnings: EnvWarning[]): string {
  const { value, source } = readSettingWithSource(
    env,
    ["TRACING_OTLP_ENDPOINT", FULL_URL_VARIABLE, "OTEL_EXPORTER_OTLP_ENDPOINT"],
    httpUrlRule,
    DEFAULT_BASE_URL[protocol],
    warnings,
  );
  if (protocol === "grpc") return new URL(value).origin;
  return source === FULL_URL_VARIABLE ? value : appendTracesPath(value);
}

/** `http://h:4318` and `http://h:4318/` both give `http://h:4318/v1/traces`; a path is kept. */
export function appendTracesPath(base: string): string {
  return base.endsWith("/") ? `${base}${TRACES_PATH}` : `${base}/${TRACES_PATH}`;
}

/**
 * Header values are often credentials, so a warning names the variable and
 * the malformed entry's position, never the text.
 */
function checkHeaders(env: Env, warnings: EnvWarning[]): void {
  for (const name of twins("HEADERS")) {
    const text = present(env[name]);
    const bad = text === undefined ? undefined : parseKeyValueList(text).malformed[0];
    if (bad === undefined) continue;
    warnings.push({
      key: `env:${name}`,
      message:
        `${name} has a malformed entry (number ${bad.position + 1}, value not shown as it may ` +
        "hold credentials); expected key=value pairs separated by commas; that entry is skipped",
    });
  }
}
