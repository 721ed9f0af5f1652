import { describe, expect, it } from "vitest";
import { readEnvConfig, type EnvSettings } from "../../runtime/env-config";
import { resolveSettings } from "../../runtime/settings";

const defaults: EnvSettings = {
  enabled: true,
  exporter: undefined,
  serviceName: undefined,
  resourceAttributes: {},
  debug: false,
};

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
    [{ TRACING_EXPORTER: "OTLP" }, { exporter: "otlp" }],
    [{ TRACING_EXPORTER: " jaeger " }, { exporter: "jaeger" }],
    [{ TRACING_EXPORTER: "  " }, { exporter: undefined }],
    [{ TRACING_DEBUG: "true" }, { debug: true }],
    [{ OTEL_SERVICE_NAME: " shop " }, { serviceName: "shop" }],
    [{ OTEL_SERVICE_NAME: "  " }, { serviceName: undefined }],
    [
      { OTEL_RESOURCE_ATTRIBUTES: "service.name=from-attrs,deployment.environment=prod" },
      {
        serviceName: "from-attrs",
        resourceAttributes: { "service.name": "from-attrs", "deployment.environment": "prod" },
      },
    ],
    [
      { OTEL_SERVICE_NAME: "env", OTEL_RESOURCE_ATTRIBUTES: "service.name=attrs" },
      { serviceName: "env", resourceAttributes: { "service.name": "attrs" } },
    ],
    [
      { OTEL_RESOURCE_ATTRIBUTES: "team=a%20b, ,region = eu " },
      { resourceAttributes: { team: "a b", region: "eu" } },
    ],
  ])("%j gives the settings without warnings", (env, expected) => {
    expect(readEnvConfig(env)).toEqual({ settings: { ...defaults, ...expected }, warnings: [] });
  });

  it.each([
    ["zipkin", /TRACING_EXPORTER="zipkin" is not a known exporter/],
    ["otpl", /TRACING_EXPORTER="otpl" is not a known exporter/],
  ])("a misspelt TRACING_EXPORTER=%s turns tracing off with one warning", (value, message) => {
    const { settings, warnings } = readEnvConfig({ TRACING_EXPORTER: value });
    expect(settings.exporter).toBe("none");
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(message) as string]);
    expect(warnings[0].message).toMatch(
      /\(valid: console, otlp, jaeger, file, in_memory, none\); tracing is off$/,
    );
  });

  it.each<[Record<string, string>, Partial<EnvSettings>, string]>([
    [
      { TRACING_ENABLED: "maybe" },
      { enabled: true },
      'TRACING_ENABLED="maybe" is not a boolean (use true/1/yes/on or false/0/no/off); using true',
    ],
    [
      { TRACING_DEBUG: "verbose" },
      { debug: false },
      'TRACING_DEBUG="verbose" is not a boolean (use true/1/yes/on or false/0/no/off); using false',
    ],
    [
      { OTEL_RESOURCE_ATTRIBUTES: "team=a,oops" },
      { resourceAttributes: {} },
      'OTEL_RESOURCE_ATTRIBUTES="team=a,oops" has a malformed entry "oops" (expected key=value ' +
        "pairs separated by commas, values percent-encoded); using no resource attributes from it",
    ],
    [
      { OTEL_RESOURCE_ATTRIBUTES: "team=100%" },
      { resourceAttributes: {} },
      'OTEL_RESOURCE_ATTRIBUTES="team=100%" has a malformed entry "team=100%" (expected key=value ' +
        "pairs separated by commas, values percent-encoded); using no resource attributes from it",
    ],
  ])("%j warns once and uses the default", (env, expected, message) => {
    expect(readEnvConfig(env)).toEqual({
      settings: { ...defaults, ...expected },
      warnings: [{ key: expect.any(String) as string, message }],
    });
  });
});

describe("resolveSettings", () => {
  const env: EnvSettings = { ...defaults, exporter: "console", serviceName: "from-env" };

  it.each<[string, string | undefined, string | undefined, string | undefined, string]>([
    ["option wins", "from-option", "from-env", "from-config", "from-option"],
    ["env beats config", undefined, "from-env", "from-config", "from-env"],
    ["config beats package name", undefined, undefined, "from-config", "from-config"],
    ["package name beats default", undefined, undefined, undefined, "from-package"],
  ])("service name: %s", (_label, option, fromEnv, fromConfig, expected) => {
    const settings = resolveSettings(
      { serviceName: option },
      { ...env, serviceName: fromEnv },
      { siteServiceName: fromConfig, packageName: "from-package" },
      [],
    );
    expect(settings.serviceName).toBe(expected);
  });

  it("falls back to unknown_service", () => {
    const settings = resolveSettings({}, { ...env, serviceName: undefined }, {}, []);
    expect(settings.serviceName).toBe("unknown_service");
  });

  it("lets options override enabled and exporter", () => {
    const settings = resolveSettings({ enabled: false, exporter: "in_memory" }, env, {}, []);
    expect(settings).toMatchObject({ enabled: false, exporter: "in_memory" });
  });

  it("leaves the exporter open when neither options nor environment choose one", () => {
    const settings = resolveSettings({}, { ...env, exporter: undefined }, {}, []);
    expect(settings.exporter).toBeUndefined();
  });

  it("validates an exporter name given as an option like the env variable", () => {
    const warnings: { key: string; message: string }[] = [];
    const settings = resolveSettings({ exporter: "bogus" as "none" }, env, {}, warnings);
    expect(settings.exporter).toBe("none");
    expect(warnings[0].message).toMatch(
      /initializeTracing exporter="bogus" is not a known exporter/,
    );
  });
});
