// Start-up of a traced program, in a fresh process per exporter (the parent
// sets TRACING_EXPORTER): the time to load the runtime, the time to the end
// of the first span, and which wire-format packages got loaded.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { reportResult } from "../lib/child.mjs";

const require = createRequire(import.meta.url);

/** Packages that only a network exporter needs: gRPC, protobuf, Thrift. */
const WIRE_PACKAGE =
  /node_modules\/((?:@grpc\/[^/]+)|protobufjs|@protobufjs\/[^/]+|google-protobuf|thrift|jaeger-client|@opentelemetry\/(?:otlp-grpc-exporter-base|otlp-transformer|exporter-trace-otlp-[^/]+|exporter-jaeger))\//;

const beforeImport = performance.now();
const runtime = require("ts-autotrace");
const imported = performance.now();
const site = runtime.site({ name: "first", function: "first", file: "startup.ts", line: 1 });
runtime.trace(site, () => 1);
const firstSpan = performance.now();

const wirePackages = new Set();
for (const file of Object.keys(require.cache)) {
  const match = WIRE_PACKAGE.exec(file.split("\\").join("/"));
  if (match) wirePackages.add(match[1]);
}
const health = runtime.tracingHealth();
reportResult({
  importMs: imported - beforeImport,
  firstSpanMs: firstSpan - imported,
  sinceProcessStartMs: firstSpan,
  modulesLoaded: Object.keys(require.cache).length,
  wirePackages: [...wirePackages].sort(),
  exporter: health.exporter,
  spansStarted: health.spansStarted,
});
