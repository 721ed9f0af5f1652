/**
 * The OpenTelemetry SDK packages, loaded when tracing starts instead of when
 * the runtime is imported. A program with tracing disabled or exporter `none`
 * then loads only @opentelemetry/api; the others cost about 50 ms at start-up.
 * Node caches modules, so calling these again is cheap.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see above */
import type * as ContextAsyncHooks from "@opentelemetry/context-async-hooks";
import type * as Core from "@opentelemetry/core";
import type * as Resources from "@opentelemetry/resources";
import type * as SdkTraceBase from "@opentelemetry/sdk-trace-base";
import type * as SdkTraceNode from "@opentelemetry/sdk-trace-node";

export const contextAsyncHooks = (): typeof ContextAsyncHooks =>
  require("@opentelemetry/context-async-hooks");
export const resources = (): typeof Resources => require("@opentelemetry/resources");
export const sdkTraceBase = (): typeof SdkTraceBase => require("@opentelemetry/sdk-trace-base");
export const sdkTraceNode = (): typeof SdkTraceNode => require("@opentelemetry/sdk-trace-node");
export const core = (): typeof Core => require("@opentelemetry/core");
