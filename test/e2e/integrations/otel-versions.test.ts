/**
 * The packed package installed beside other OpenTelemetry versions: the
 * peer range's ends (@opentelemetry/api 1.3.0 and 1.10.0), and a program that
 * registers its own SDK 3.x provider (Node >= 22.15), whose exporter must
 * then receive the traced spans. Run through `--import ts-autotrace/register`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT, run, tracingEnv } from "../../helpers/run";
import { NODES } from "./node-majors";
import {
  expectTraced,
  parseSample,
  runSample,
  sampleProject,
  TSC_PROJECT_FILES,
} from "./sample-project";

const PACK = path.join(ROOT, ".tmp", "integrations", "pack");
let tarball: string;

beforeAll(() => {
  fs.rmSync(PACK, { recursive: true, force: true });
  fs.mkdirSync(PACK, { recursive: true });
  const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", PACK], {
    cwd: ROOT,
  });
  expect(packed.status, packed.stderr).toBe(0);
  tarball = path.join(
    PACK,
    fs.readdirSync(PACK).find((f) => f.endsWith(".tgz"))!,
  );
}, 300_000);

/** A sample project with its own node_modules: the tarball, TypeScript and `extra` packages. */
function installedProject(name: string, extra: Record<string, string>, files = {}): string {
  const dir = sampleProject(name, files);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  pkg.dependencies = { "ts-autotrace": `file:${tarball}`, typescript: "5.9.3", ...extra };
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg));
  const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"];
  const installed = run("npm", args, { cwd: dir, timeout: 300_000 });
  expect(installed.status, installed.stderr).toBe(0);
  return dir;
}

const apiVersion = (dir: string) =>
  JSON.parse(
    fs.readFileSync(path.join(dir, "node_modules/@opentelemetry/api/package.json"), "utf8"),
  ).version;

describe.each(["1.3.0", "1.10.0"])("@opentelemetry/api %s", (version) => {
  it("is admitted by the peer range and traces", () => {
    const dir = installedProject(`otel-api-${version}`, { "@opentelemetry/api": version });
    expect(apiVersion(dir)).toBe(version);
    expectTraced(runSample(dir, ["--import", "ts-autotrace/register", "src/main.ts"]));
  });
});

describe("a TypeScript 7 project installing the package", () => {
  it("builds with tsc 7 and runs traced, the engine falling back to @typescript/typescript6", () => {
    const dir = installedProject(
      "ts7-installed",
      { typescript: "7.0.2", "@typescript/typescript6": "6.0.2", "@opentelemetry/api": "1.10.0" },
      TSC_PROJECT_FILES,
    );
    const build = run(path.join(dir, "node_modules", ".bin", "tsc"), ["-p", dir]);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    expectTraced(runSample(dir, ["--import", "ts-autotrace/register", "dist/main.js"]));
  });
});

const SDK3_MAIN = `import { startNodeSdk } from "@opentelemetry/sdk-node";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { trace } from "@opentelemetry/api";
import { tracingHealth } from "ts-autotrace";

const exporter = new InMemorySpanExporter();
const sdk = startNodeSdk({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const { charge } = await import("./billing.ts");
charge({ total: 1 });
// SDK 3's SimpleSpanProcessor exports asynchronously; its exporter forgets spans on shutdown.
const provider = trace.getTracerProvider();
await (provider.getDelegate?.() ?? provider).forceFlush();
console.log(JSON.stringify({
  spans: exporter.getFinishedSpans().map((span) => span.name),
  exporter: tracingHealth().exporter,
}));
await sdk.shutdown();
`;

const sdk3Nodes = NODES.filter((n) => n.major >= 24 || n.major === 22).slice(0, 1);

describe("a program's own OpenTelemetry SDK 3.x", () => {
  it("has a Node >= 22.15 to run on", () => {
    expect(sdk3Nodes.length).toBe(1);
  });

  it.each(sdk3Nodes)("receives the traced spans on node $major", ({ bin }) => {
    const dir = installedProject(
      "otel-sdk-3",
      {
        "@opentelemetry/api": "1.10.0",
        "@opentelemetry/sdk-trace": "3.1.0",
        "@opentelemetry/sdk-node": "0.301.0",
      },
      { "src/main.ts": SDK3_MAIN },
    );
    const result = run(bin, ["--import", "ts-autotrace/register", "src/main.ts"], {
      cwd: dir,
      env: tracingEnv({}),
    });
    const output = parseSample(result) as unknown as { spans: string[]; exporter: string };
    expect(output).toEqual({ spans: ["charge"], exporter: "global" });
  });
});
