/**
 * ts-autotrace runtime: the functions the transformer's output calls, plus a
 * small manual API. Keep the value exports in sync with index.mjs (a test
 * checks it).
 */
export type { AttributeValue, CallSite, CallSiteSpec } from "./call-site";
export type { ExporterName } from "./env-config";
export type { TracingHealth } from "./health";
export type { TracingOptions } from "./settings";
export { site } from "./site";
export { trace, traceAsync } from "./traced-call";
export { traceAsyncGenerator, traceGenerator } from "./traced-generator";
export { initializeTracing, shutdownTracing } from "./tracing-lifecycle";
export { tracingHealth } from "./health";
export {
  addEvent,
  getFinishedSpans,
  resetFinishedSpans,
  setAttributes,
  withSpan,
} from "./manual-api";
