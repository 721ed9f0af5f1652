/**
 * ts-autotrace runtime: the functions the transformer's output calls, plus a
 * small manual API. Keep the value exports in sync with index.mjs (a test
 * checks it).
 */
export type { AttributeValue, CallSiteSpec } from "../contract";
export type { CallSite } from "./emitted/prepared-site";
export type { ExporterName } from "./settings/tracing-env";
export type { TracingHealth } from "./api/health";
export type { TracingOptions } from "./settings/precedence";
export type { WithSpanOptions } from "./api/manual-spans";
import type { EmittedApi } from "../contract";
import { enableHooksEarly } from "./span/active-context";
import type { CallSite } from "./emitted/prepared-site";
import { readEnvConfig } from "./settings/tracing-env";
import { file as fileImpl, site as siteImpl } from "./emitted/site-table";
import {
  enter as enterImpl,
  exit as exitImpl,
  exitWith as exitWithImpl,
  returned as returnedImpl,
  suspend as suspendImpl,
  threw as threwImpl,
} from "./emitted/trace-functions";
import { trace as traceImpl, traceAsync as traceAsyncImpl } from "./emitted/legacy-closures";
import {
  traceAsyncGenerator as traceAsyncGeneratorImpl,
  traceGenerator as traceGeneratorImpl,
} from "./emitted/trace-generators";

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
export { initializeTracing, shutdownTracing } from "./pipeline/lifecycle";
export { tracingHealth } from "./api/health";
export {
  addEvent,
  getFinishedSpans,
  resetFinishedSpans,
  setAttributes,
  withSpan,
} from "./api/manual-spans";
