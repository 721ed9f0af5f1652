/**
 * ts-autotrace runtime: the functions the transformer's output calls, plus a
 * small manual API. Keep the value exports in sync with index.mjs (a test
 * checks it).
 */
export type { AttributeValue, CallSite, CallSiteSpec } from "./call-site";
export type { ExporterName } from "./env-config";
export type { TracingHealth } from "./health";
export type { TracingOptions } from "./settings";
import { enableHooksEarly } from "./active-context";
import { readEnvConfig } from "./env-config";
import { file as fileImpl, site as siteImpl } from "./site";
import {
  enter as enterImpl,
  exit as exitImpl,
  returned as returnedImpl,
  suspend as suspendImpl,
  threw as threwImpl,
} from "./traced-call";
import { trace as traceImpl, traceAsync as traceAsyncImpl } from "./traced-closure";
import {
  traceAsyncGenerator as traceAsyncGeneratorImpl,
  traceGenerator as traceGeneratorImpl,
} from "./traced-generator";

// What emitted code calls is exported as plain data properties: `export { x }
// from` compiles to a getter, read again on every traced call.
export const file = fileImpl;
export const site = siteImpl;
export const enter = enterImpl;
export const returned = returnedImpl;
export const threw = threwImpl;
export const exit = exitImpl;
export const suspend = suspendImpl;
export const trace = traceImpl;
export const traceAsync = traceAsyncImpl;
export const traceGenerator = traceGeneratorImpl;
export const traceAsyncGenerator = traceAsyncGeneratorImpl;
// Before any traced call can run inside the reaction of a frozen promise (see enableHooksEarly).
const env = readEnvConfig(process.env).settings;
if (env.enabled && env.exporter !== "none") enableHooksEarly();

export { initializeTracing, shutdownTracing } from "./tracing-lifecycle";
export { tracingHealth } from "./health";
export {
  addEvent,
  getFinishedSpans,
  resetFinishedSpans,
  setAttributes,
  withSpan,
} from "./manual-api";
