// ES module entry: re-exports the CommonJS build so that both entries share
// one module instance (and so one tracer). Copied next to dist/runtime/index.js.
import * as entry from "./index.js";

// Node exposes the CommonJS exports both by name and as `default`; some
// loaders (vitest's, for a linked package) only fill in the names.
const runtime = typeof entry.site === "function" ? entry : entry.default;

export const {
  addEvent,
  enter,
  exit,
  exitWith,
  file,
  getFinishedSpans,
  initializeTracing,
  resetFinishedSpans,
  returned,
  setAttributes,
  shutdownTracing,
  site,
  suspend,
  threw,
  trace,
  traceAsync,
  traceAsyncGenerator,
  traceGenerator,
  tracingHealth,
  withSpan,
} = runtime;
