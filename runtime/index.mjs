// ES module entry: re-exports the CommonJS build so that both entries share
// one module instance (and so one tracer). Copied next to dist/runtime/index.js.
import runtime from "./index.js";

export const {
  addEvent,
  getFinishedSpans,
  initializeTracing,
  resetFinishedSpans,
  setAttributes,
  shutdownTracing,
  site,
  trace,
  traceAsync,
  traceAsyncGenerator,
  traceGenerator,
  tracingHealth,
  withSpan,
} = runtime;
