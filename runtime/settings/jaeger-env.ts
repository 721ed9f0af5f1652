/**
 * TRACING_JAEGER_HOST, TRACING_JAEGER_PORT and TRACING_JAEGER_PROTOCOL.
 *
 * - otlp (default): OTLP/gRPC, which every Jaeger since 1.35 (and Jaeger v2)
 *   takes natively, on port 4317.
 * - udp: the legacy agent, Thrift over UDP, port 6832 (see below).
 * - http: Thrift to a collector's /api/traces, port 14268.
 */
import {
  choiceRule,
  integerRule,
  present,
  readSetting,
  type Env,
  type EnvWarning,
  type ValueRule,
} from "./env-values";

export type JaegerProtocol = "otlp" | "udp" | "http";

export interface JaegerSettings {
  protocol: JaegerProtocol;
  host: string;
  port: number;
}

export const DEFAULT_JAEGER_PORT: Record<JaegerProtocol, number> = {
  otlp: 4317,
  udp: 6832,
  http: 14268,
};

/** The agent's port for Thrift *compact* datagrams. */
const COMPACT_PORT = 6831;

/** A bare host name or IP: a URL here ("http://jaeger") is a common slip. */
const hostRule: ValueRule<string> = {
  expected: "a host name or IP address (no scheme, port or path)",
  parse: (text) => (/^[\w.-]+$|^\[?[0-9a-f:.]+\]?$/i.test(text) ? text : undefined),
};

export function readJaegerSettings(env: Env, warnings: EnvWarning[]): JaegerSettings {
  const protocol = readSetting(
    env,
    ["TRACING_JAEGER_PROTOCOL"],
    choiceRule<JaegerProtocol>(["otlp", "udp", "http"]),
    "otlp",
    warnings,
  );
  const host = readSetting(env, ["TRACING_JAEGER_HOST"], hostRule, "localhost", warnings);
  const port = readSetting(
    env,
    ["TRACING_JAEGER_PORT"],
    integerRule(1, 65_535),
    DEFAULT_JAEGER_PORT[protocol],
    warnings,
  );
  if (protocol === "udp" && port === COMPACT_PORT) warnings.push(compactPortWarning(env));
  return { protocol, host, port };
}

/**
 * @opentelemetry/exporter-jaeger sends Thrift *binary* emitBatch datagrams. An
 * agent reads binary on 6832 and compact on 6831 and drops what it cannot
 * decode, without any error reaching the sender: the spans would vanish.
 */
function compactPortWarning(env: Env): EnvWarning {
  return {
    key: "jaeger-compact-port",
    message:
      `TRACING_JAEGER_PORT="${present(env.TRACING_JAEGER_PORT)}" with TRACING_JAEGER_PROTOCOL=udp: ` +
      "the exporter sends Thrift binary (emitBatch), which a Jaeger agent reads on port 6832; " +
      "port 6831 takes Thrift compact only, so the agent would silently drop every span. " +
      "Set TRACING_JAEGER_PORT=6832 (or use TRACING_JAEGER_PROTOCOL=otlp)",
  };
}

/**
 * Where the protocol sends, with an IPv6 literal bracketed (`[::1]`), as a URL needs:
 * `http://host:4317` (OTLP), `udp://host:6832` (agent), `http://host:14268/api/traces` (collector).
 */
export function jaegerUrl({ protocol, host, port }: JaegerSettings): string {
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  const scheme = protocol === "udp" ? "udp" : "http";
  return `${scheme}://${bracketed}:${port}${protocol === "http" ? "/api/traces" : ""}`;
}
