/**
 * ts-autotrace runtime: the functions the transformer's output calls, plus a
 * small manual API. Keep the value exports in sync with index.mjs (a test
 * checks it).
 */
export type { AttributeValue, CallSiteSpec } from "../contract";
export type { CallSite } from "./call-site";
export type { ExporterName } from "./env-config";
export type { TracingHealth } from "./health";
export type { TracingOptions } from "./settings";
export type { WithSpanOptions } from "./manual-api";
import type { EmittedApi } from "../contract";
import { enableHooksEarly } from "./active-context";
import type { CallSite } from "./call-site";
import { readEnvConfig } from "./env-config";
import { file as fileImpl, site as siteImpl } from "./site";
import {
  enter as enterImpl,
  exit as exitImpl,
  exitWith as exitWithImpl,
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
// from` compiles to a getter, read again on every traced call. Typed by the
// contract, so a signature the transformer does not emit fails to compile.
type Emitted = EmittedApi<CallSite>;
export const file: Emitted["file"] = fileImpl;
export const site = siteImpl;
export const enter: Emitted["enter"] = enterImpl;
export const returned: Emitted["returned"] = returnedImpl;
export const threw: Emitted["threw"] = threwImpl;
export const exit: Emitted["exit"] = exitImpl;
export const exitWith: Emitted["exitWith"] = exitWithImpl;
export const suspend: Emitted["suspend"] = suspendImpl;
export const trace: Emitted["trace"] = traceImpl;
export const traceAsync: Emitted["traceAsync"] = traceAsyncImpl;
export const traceGenerator: Emitted["traceGenerator"] = traceGeneratorImpl;
export const traceAsyncGenerator: Emitted["traceAsyncGenerator"] = traceAsyncGeneratorImpl;

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
