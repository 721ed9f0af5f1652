/** Creating the OpenTelemetry SDK objects the runtime needs. */
import { context, trace, type Tracer } from "@opentelemetry/api";
import type { Resource } from "@opentelemetry/resources";
import type { Sampler, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from "./attribute-names";
import type { PackageInfo } from "./config/package-info";
import type { SamplerSettings } from "./config/sampler-config";
import { globalContextManager, storageOf } from "./active-context";
import { contextAsyncHooks, resources, sdkTraceBase, sdkTraceNode } from "./sdk";
import { state } from "./state";
import { TRACER_NAME, TRACER_VERSION } from "./version";

export interface ServiceIdentity {
  serviceName: string;
  /** OTEL_RESOURCE_ATTRIBUTES. */
  attributes: Record<string, string>;
  packageInfo: PackageInfo;
}

/**
 * The provider is deliberately NOT registered as the global tracer provider:
 * the program may run its own OpenTelemetry SDK, and we must not take it over.
 * The runtime uses its tracer directly.
 */
export function createProvider(
  identity: ServiceIdentity,
  sampler: SamplerSettings,
  spanProcessors: SpanProcessor[],
): NodeTracerProvider {
  return new (sdkTraceNode().NodeTracerProvider)({
    resource: createResource(identity),
    sampler: createSampler(sampler),
    spanProcessors,
  });
}

/**
 * Lowest to highest: the SDK's telemetry.sdk.* attributes, the package's
 * version, OTEL_RESOURCE_ATTRIBUTES, then the resolved service name.
 */
export function createResource({
  serviceName,
  attributes,
  packageInfo,
}: ServiceIdentity): Resource {
  const version = packageInfo.version;
  const { defaultResource, resourceFromAttributes } = resources();
  return defaultResource().merge(
    resourceFromAttributes({
      ...(version === undefined ? {} : { [ATTR_SERVICE_VERSION]: version }),
      ...attributes,
      [ATTR_SERVICE_NAME]: serviceName,
    }),
  );
}

export function createSampler({ name, ratio }: SamplerSettings): Sampler {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } =
    sdkTraceBase();
  switch (name) {
    case "always_on":
      return new AlwaysOnSampler();
    case "always_off":
      return new AlwaysOffSampler();
    case "traceidratio":
      return new TraceIdRatioBasedSampler(ratio);
    case "parentbased_always_on":
      return new ParentBasedSampler({ root: new AlwaysOnSampler() });
    case "parentbased_always_off":
      return new ParentBasedSampler({ root: new AlwaysOffSampler() });
    case "parentbased_traceidratio":
      return new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(ratio) });
  }
}

/**
 * The tracer of a provider the program registered globally (e.g. with
 * @opentelemetry/sdk-node), or `undefined` when it registered none. Unset, the
 * API hands out a proxy whose delegate is missing; the check is by shape, not
 * `instanceof`, as the proxy may come from another copy of the API package.
 */
export function registeredTracer(): Tracer | undefined {
  const provider = trace.getTracerProvider() as ReturnType<typeof trace.getTracerProvider> & {
    getDelegateTracer?: (name: string, version?: string) => Tracer | undefined;
  };
  if (typeof provider.getDelegateTracer === "function") {
    return provider.getDelegateTracer(TRACER_NAME, TRACER_VERSION);
  }
  return provider.getTracer(TRACER_NAME, TRACER_VERSION);
}

/**
 * Parent/child links across `await` need an AsyncLocalStorage context
 * manager. The API accepts only the first one registered, so when the program
 * already installed one (its own SDK) we quietly share it, and its storage.
 */
export function installContextManager(): void {
  if (state.contextManagerInstalled) return;
  state.contextManagerInstalled = true;
  const manager = new (contextAsyncHooks().AsyncLocalStorageContextManager)().enable();
  if (context.setGlobalContextManager(manager)) {
    state.contextStorage = storageOf(manager);
    return;
  }
  manager.disable();
  const programs = globalContextManager();
  state.contextStorage = programs === undefined ? undefined : storageOf(programs);
}
