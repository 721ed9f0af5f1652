/**
 * The environment, variable by variable: each row is a value in, the
 * effective setting out, and the warnings printed (none for good values).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_BATCH, readBatchSettings } from "../../runtime/settings/batch-env";
import type { Env, EnvWarning } from "../../runtime/settings/env-values";
import { readJaegerSettings } from "../../runtime/settings/jaeger-env";
import { readOtlpSettings } from "../../runtime/settings/otlp-env";
import { readSamplerSettings } from "../../runtime/settings/sampler-env";

/** Runs a reader and returns what it decided plus the warning texts. */
function read<T>(reader: (env: Env, warnings: EnvWarning[]) => T, env: Env): [T, string[]] {
  const warnings: EnvWarning[] = [];
  const settings = reader(env, warnings);
  return [settings, warnings.map((w) => w.message)];
}

type Row<T> = [Record<string, string>, Partial<T>, string[]];

describe("OTLP", () => {
  const grpcDefault = {
    protocol: "grpc",
    url: "http://localhost:4317",
    timeoutMillis: 10_000,
    compression: "none",
  };
  it.each<Row<typeof grpcDefault>>([
    [{}, grpcDefault, []],
    [{ TRACING_OTLP_ENDPOINT: "http://collector:4317" }, { url: "http://collector:4317" }, []],
    [
      { OTEL_EXPORTER_OTLP_ENDPOINT: "https://otel.example.com" },
      { url: "https://otel.example.com" },
      [],
    ],
    [
      {
        TRACING_OTLP_ENDPOINT: "http://mine:4317",
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://theirs:4317",
      },
      { url: "http://mine:4317" },
      [],
    ],
    [
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://t:4317",
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://g:4317",
      },
      { url: "http://t:4317" },
      [],
    ],
    [
      { TRACING_OTLP_PROTOCOL: "http/protobuf" },
      { protocol: "http/protobuf", url: "http://localhost:4318/v1/traces" },
      [],
    ],
    [{ OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf" }, { protocol: "http/protobuf" }, []],
    [
      { TRACING_OTLP_PROTOCOL: "grpc", OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf" },
      { protocol: "grpc" },
      [],
    ],
    [
      { TRACING_OTLP_PROTOCOL: "http/protobuf", TRACING_OTLP_ENDPOINT: "http://c:4318/" },
      { url: "http://c:4318/v1/traces" },
      [],
    ],
    [
      {
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
        OTEL_EXPORTER_OTLP_ENDPOINT: "https://vendor.io/otlp",
      },
      { url: "https://vendor.io/otlp/v1/traces" },
      [],
    ],
    [
      {
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "https://vendor.io/in",
      },
      { url: "https://vendor.io/in" },
      [],
    ],
    [{ OTEL_EXPORTER_OTLP_TIMEOUT: "2500" }, { timeoutMillis: 2500 }, []],
    [
      { OTEL_EXPORTER_OTLP_TRACES_TIMEOUT: "100", OTEL_EXPORTER_OTLP_TIMEOUT: "2500" },
      { timeoutMillis: 100 },
      [],
    ],
    [{ OTEL_EXPORTER_OTLP_COMPRESSION: "GZIP" }, { compression: "gzip" }, []],
    [{ OTEL_EXPORTER_OTLP_HEADERS: "api-key=s3cret,x-team=a%20b" }, {}, []],
    [
      { TRACING_OTLP_ENDPOINT: "collector:4317" },
      { url: "http://localhost:4317" },
      [
        'TRACING_OTLP_ENDPOINT="collector:4317" is not an http:// or https:// URL; using http://localhost:4317',
      ],
    ],
    [
      { TRACING_OTLP_ENDPOINT: "not a url", OTEL_EXPORTER_OTLP_ENDPOINT: "http://fallback:4317" },
      { url: "http://fallback:4317" },
      [
        'TRACING_OTLP_ENDPOINT="not a url" is not an http:// or https:// URL; using http://fallback:4317',
      ],
    ],
    [
      { TRACING_OTLP_PROTOCOL: "udp" },
      { protocol: "grpc" },
      ['TRACING_OTLP_PROTOCOL="udp" is not one of grpc, http/protobuf, http/json; using grpc'],
    ],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: "http/json" },
      { protocol: "http/protobuf" },
      [
        'OTEL_EXPORTER_OTLP_PROTOCOL="http/json" is not supported by ts-autotrace; using http/protobuf',
      ],
    ],
    [
      { OTEL_EXPORTER_OTLP_TIMEOUT: "10s" },
      { timeoutMillis: 10_000 },
      ['OTEL_EXPORTER_OTLP_TIMEOUT="10s" is not a whole number from 1 up; using 10000'],
    ],
    [
      { OTEL_EXPORTER_OTLP_TIMEOUT: "0" },
      { timeoutMillis: 10_000 },
      ['OTEL_EXPORTER_OTLP_TIMEOUT="0" is not a whole number from 1 up; using 10000'],
    ],
    [
      { OTEL_EXPORTER_OTLP_COMPRESSION: "brotli" },
      { compression: "none" },
      ['OTEL_EXPORTER_OTLP_COMPRESSION="brotli" is not one of gzip, none; using none'],
    ],
    [
      { OTEL_EXPORTER_OTLP_HEADERS: "api-key=s3cret,broken" },
      {},
      [
        "OTEL_EXPORTER_OTLP_HEADERS has a malformed entry (number 2, value not shown as it may " +
          "hold credentials); expected key=value pairs separated by commas; that entry is skipped",
      ],
    ],
  ])("%j", (env, expected, warnings) => {
    const [settings, printed] = read(readOtlpSettings, env);
    expect(settings).toMatchObject(expected);
    expect(printed).toEqual(warnings);
  });

  it("never prints header values", () => {
    const [, printed] = read(readOtlpSettings, {
      OTEL_EXPORTER_OTLP_TRACES_HEADERS: "token=abc123,%%",
    });
    expect(printed.join()).not.toContain("abc123");
  });
});

describe("Jaeger", () => {
  it.each<Row<ReturnType<typeof readJaegerSettings>>>([
    [{}, { protocol: "otlp", host: "localhost", port: 4317 }, []],
    [
      { TRACING_JAEGER_HOST: "jaeger", TRACING_JAEGER_PORT: "14317" },
      { host: "jaeger", port: 14317 },
      [],
    ],
    [{ TRACING_JAEGER_PROTOCOL: "udp" }, { protocol: "udp", port: 6832 }, []],
    [{ TRACING_JAEGER_PROTOCOL: "HTTP" }, { protocol: "http", port: 14268 }, []],
    [{ TRACING_JAEGER_HOST: "::1" }, { host: "::1" }, []],
    [
      { TRACING_JAEGER_PROTOCOL: "udp", TRACING_JAEGER_PORT: "6831" },
      { protocol: "udp", port: 6831 },
      [
        'TRACING_JAEGER_PORT="6831" with TRACING_JAEGER_PROTOCOL=udp: the exporter sends Thrift ' +
          "binary (emitBatch), which a Jaeger agent reads on port 6832; port 6831 takes Thrift " +
          "compact only, so the agent would silently drop every span. Set TRACING_JAEGER_PORT=6832 " +
          "(or use TRACING_JAEGER_PROTOCOL=otlp)",
      ],
    ],
    [
      { TRACING_JAEGER_PROTOCOL: "grpc" },
      { protocol: "otlp" },
      ['TRACING_JAEGER_PROTOCOL="grpc" is not one of otlp, udp, http; using otlp'],
    ],
    [
      { TRACING_JAEGER_HOST: "http://jaeger:16686" },
      { host: "localhost" },
      [
        'TRACING_JAEGER_HOST="http://jaeger:16686" is not a host name or IP address ' +
          "(no scheme, port or path); using localhost",
      ],
    ],
    [
      { TRACING_JAEGER_PORT: "70000" },
      { port: 4317 },
      ['TRACING_JAEGER_PORT="70000" is not a whole number from 1 to 65535; using 4317'],
    ],
  ])("%j", (env, expected, warnings) => {
    const [settings, printed] = read(readJaegerSettings, env);
    expect(settings).toMatchObject(expected);
    expect(printed).toEqual(warnings);
  });
});

describe("batch processor", () => {
  it.each<Row<typeof DEFAULT_BATCH>>([
    [{}, DEFAULT_BATCH, []],
    [
      {
        OTEL_BSP_SCHEDULE_DELAY: "0",
        OTEL_BSP_MAX_QUEUE_SIZE: "100",
        OTEL_BSP_MAX_EXPORT_BATCH_SIZE: "50",
        OTEL_BSP_EXPORT_TIMEOUT: "1000",
      },
      {
        scheduledDelayMillis: 0,
        maxQueueSize: 100,
        maxExportBatchSize: 50,
        exportTimeoutMillis: 1000,
      },
      [],
    ],
    // A small queue alone shrinks the batch without complaint: the user set no batch size.
    [{ OTEL_BSP_MAX_QUEUE_SIZE: "10" }, { maxQueueSize: 10, maxExportBatchSize: 10 }, []],
    [
      { OTEL_BSP_MAX_QUEUE_SIZE: "abc" },
      { maxQueueSize: 2048 },
      ['OTEL_BSP_MAX_QUEUE_SIZE="abc" is not a whole number from 1 up; using 2048'],
    ],
    [
      { OTEL_BSP_SCHEDULE_DELAY: "-5" },
      { scheduledDelayMillis: 5000 },
      ['OTEL_BSP_SCHEDULE_DELAY="-5" is not a whole number from 0 up; using 5000'],
    ],
    [
      { OTEL_BSP_EXPORT_TIMEOUT: "1.5" },
      { exportTimeoutMillis: 30_000 },
      ['OTEL_BSP_EXPORT_TIMEOUT="1.5" is not a whole number from 1 up; using 30000'],
    ],
    [
      { OTEL_BSP_MAX_QUEUE_SIZE: "100", OTEL_BSP_MAX_EXPORT_BATCH_SIZE: "500" },
      { maxQueueSize: 100, maxExportBatchSize: 100 },
      [
        'OTEL_BSP_MAX_EXPORT_BATCH_SIZE="500" is larger than OTEL_BSP_MAX_QUEUE_SIZE (100); using 100',
      ],
    ],
  ])("%j", (env, expected, warnings) => {
    const [settings, printed] = read(readBatchSettings, env);
    expect(settings).toEqual({ ...DEFAULT_BATCH, ...expected });
    expect(printed).toEqual(warnings);
  });
});

describe("sampler", () => {
  it.each<Row<ReturnType<typeof readSamplerSettings>>>([
    [{}, { name: "parentbased_always_on", ratio: 1 }, []],
    [{ OTEL_TRACES_SAMPLER: "always_off" }, { name: "always_off" }, []],
    [{ OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "0.25" }, { ratio: 0.25 }, []],
    [
      { OTEL_TRACES_SAMPLER: "parentbased_traceidratio", OTEL_TRACES_SAMPLER_ARG: "0" },
      { ratio: 0 },
      [],
    ],
    [{ OTEL_TRACES_SAMPLER: "traceidratio" }, { name: "traceidratio", ratio: 1 }, []],
    // The argument of a sampler that takes none is ignored, bad or not.
    [{ OTEL_TRACES_SAMPLER: "always_on", OTEL_TRACES_SAMPLER_ARG: "abc" }, { ratio: 1 }, []],
    [
      { OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "7" },
      { name: "traceidratio", ratio: 1 },
      ['OTEL_TRACES_SAMPLER_ARG="7" is not a number from 0 to 1; using 1'],
    ],
    [
      { OTEL_TRACES_SAMPLER: "traceidratio", OTEL_TRACES_SAMPLER_ARG: "abc" },
      { ratio: 1 },
      ['OTEL_TRACES_SAMPLER_ARG="abc" is not a number from 0 to 1; using 1'],
    ],
    [
      { OTEL_TRACES_SAMPLER: "jaeger_remote" },
      { name: "parentbased_always_on" },
      [
        'OTEL_TRACES_SAMPLER="jaeger_remote" is not one of always_on, always_off, traceidratio, ' +
          "parentbased_always_on, parentbased_always_off, parentbased_traceidratio; using parentbased_always_on",
      ],
    ],
  ])("%j", (env, expected, warnings) => {
    const [settings, printed] = read(readSamplerSettings, env);
    expect(settings).toMatchObject(expected);
    expect(printed).toEqual(warnings);
  });
});
