import { describe, expect, it } from "vitest";
import { readEnvConfig, type EnvSettings } from "../../runtime/env-config";
import { resolveSettings } from "../../runtime/settings";

const defaults: EnvSettings = { enabled: true, exporter: "console", serviceName: undefined };

describe("readEnvConfig", () => {
  it.each<[Record<string, string>, Partial<EnvSettings>]>([
    [{}, {}],
    [{ TRACING_ENABLED: "false" }, { enabled: false }],
    [{ TRACING_ENABLED: "OFF" }, { enabled: false }],
    [{ TRACING_ENABLED: "0" }, { enabled: false }],
    [{ TRACING_ENABLED: "No" }, { enabled: false }],
    [{ TRACING_ENABLED: "yes" }, { enabled: true }],
    [{ TRACING_ENABLED: " 1 " }, { enabled: true }],
    [{ TRACING_ENABLED: "" }, { enabled: true }],
    [{ TRACING_EXPORTER: "in_memory" }, { exporter: "in_memory" }],
    [{ TRACING_EXPORTER: "NONE" }, { exporter: "none" }],
    [{ TRACING_EXPORTER: "console" }, { exporter: "console" }],
    [{ OTEL_SERVICE_NAME: " shop " }, { serviceName: "shop" }],
    [{ OTEL_SERVICE_NAME: "  " }, { serviceName: undefined }],
  ])("%j gives the settings without warnings", (env, expected) => {
    expect(readEnvConfig(env)).toEqual({ settings: { ...defaults, ...expected }, warnings: [] });
  });

  it.each([
    [
      "jaeger",
      "console",
      /TRACING_EXPORTER="jaeger": the jaeger exporter is not available in this version; using console/,
    ],
    ["OTLP", "console", /the otlp exporter is not available in this version; using console/],
    [
      "zipkin",
      "none",
      /TRACING_EXPORTER="zipkin" is not a known exporter \(valid: console, in_memory, none, jaeger, otlp\); tracing is off/,
    ],
  ])("TRACING_EXPORTER=%s falls back to %s with one warning", (value, exporter, message) => {
    const { settings, warnings } = readEnvConfig({ TRACING_EXPORTER: value });
    expect(settings.exporter).toBe(exporter);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(message);
  });

  it("warns about a TRACING_ENABLED value that is not a boolean and keeps tracing on", () => {
    const { settings, warnings } = readEnvConfig({ TRACING_ENABLED: "maybe" });
    expect(settings.enabled).toBe(true);
    expect(warnings.map((w) => w.message)).toEqual([
      'TRACING_ENABLED="maybe" is not a boolean (use true/1/yes/on or false/0/no/off); tracing stays enabled',
    ]);
  });
});

describe("resolveSettings", () => {
  const env: EnvSettings = { enabled: true, exporter: "console", serviceName: "from-env" };

  it.each<[string, string | undefined, string | undefined, string | undefined, string]>([
    ["option wins", "from-option", "from-env", "from-config", "from-option"],
    ["env beats config", undefined, "from-env", "from-config", "from-env"],
    ["config beats default", undefined, undefined, "from-config", "from-config"],
    ["default", undefined, undefined, undefined, "unknown_service"],
  ])("service name: %s", (_label, option, fromEnv, fromConfig, expected) => {
    const settings = resolveSettings(
      { serviceName: option },
      { ...env, serviceName: fromEnv },
      fromConfig,
      [],
    );
    expect(settings.serviceName).toBe(expected);
  });

  it("lets options override enabled and exporter", () => {
    const settings = resolveSettings({ enabled: false, exporter: "in_memory" }, env, undefined, []);
    expect(settings).toMatchObject({ enabled: false, exporter: "in_memory" });
  });

  it("validates an exporter name given as an option like the env variable", () => {
    const warnings: { key: string; message: string }[] = [];
    const settings = resolveSettings({ exporter: "bogus" as "none" }, env, undefined, warnings);
    expect(settings.exporter).toBe("none");
    expect(warnings[0].message).toMatch(
      /initializeTracing exporter="bogus" is not a known exporter/,
    );
  });
});
