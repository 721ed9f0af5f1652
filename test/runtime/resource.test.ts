import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findPackageInfo } from "../../runtime/settings/package-json";
import { getFinishedSpans, initializeTracing, site, trace } from "../../runtime/index.js";
import { state } from "../../runtime/shared/state";
import { captureStderr, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  state.packageInfo = undefined;
});

describe("resource", () => {
  it("has the package's name and version, OTEL_RESOURCE_ATTRIBUTES and the SDK attributes", () => {
    state.packageInfo = { name: "my-app", version: "3.1.4" };
    process.env.OTEL_RESOURCE_ATTRIBUTES = "deployment.environment=staging,service.version=9";
    initializeTracing({ exporter: "in_memory" });
    trace(site(spec()), () => 1);
    expect(getFinishedSpans()[0].resource.attributes).toMatchObject({
      "service.name": "my-app",
      "service.version": "9", // the deployment's word beats package.json
      "deployment.environment": "staging",
      "telemetry.sdk.language": "nodejs",
      "telemetry.sdk.name": "opentelemetry",
    });
  });

  it("prints what was decided when TRACING_DEBUG=true", () => {
    const stderr = captureStderr();
    process.env.TRACING_DEBUG = "true";
    initializeTracing({ exporter: "in_memory", serviceName: "dbg" });
    trace(site(spec()), () => 1);
    expect(stderr.lines()).toEqual([
      '[ts-autotrace] debug: tracing as service.name="dbg" with the in_memory exporter, sampler parentbased_always_on',
    ]);
  });
});

describe("findPackageInfo", () => {
  const root = mkdtempSync(join(tmpdir(), "autotrace-pkg-"));
  const write = (dir: string, pkg: object) => {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, "package.json"), JSON.stringify(pkg));
  };
  write("app", { name: "app", version: "1.2.3" });
  write("app/dist", { type: "commonjs" }); // nameless: skipped
  write("app/node_modules/tool", { name: "tool", version: "9.9.9" });
  write("cwd", { name: "from-cwd" });

  it.each([
    [
      "the entry script's package, past a nameless one",
      "app/dist/main.js",
      { name: "app", version: "1.2.3" },
    ],
    [
      "the working directory's for a tool in node_modules",
      "app/node_modules/tool/bin.js",
      { name: "from-cwd" },
    ],
  ])("finds %s", (_label, entry, expected) => {
    expect(findPackageInfo(join(root, entry), join(root, "cwd"))).toEqual({
      version: undefined,
      ...expected,
    });
  });

  it("finds nothing outside any package", () => {
    expect(findPackageInfo(undefined, tmpdir())).toEqual({});
  });
});
