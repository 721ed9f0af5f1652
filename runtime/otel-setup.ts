/** Creating the OpenTelemetry SDK objects the runtime needs. */
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import type { SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { ATTR_SERVICE_NAME } from "@opentelemetry/semantic-conventions";
import { state } from "./state";

/**
 * The provider is deliberately NOT registered as the global tracer provider:
 * the program may run its own OpenTelemetry SDK, and we must not take it over.
 * The runtime uses its tracer directly.
 */
export function createProvider(
  serviceName: string,
  spanProcessors: SpanProcessor[],
): NodeTracerProvider {
  const resource = defaultResource().merge(
    resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
  );
  return new NodeTracerProvider({ resource, spanProcessors });
}

/**
 * Parent/child links across `await` need an AsyncLocalStorage context
 * manager. The API accepts only the first one registered, so when the program
 * already installed one (its own SDK) we quietly share it.
 */
export function installContextManager(): void {
  if (state.contextManagerInstalled) return;
  state.contextManagerInstalled = true;
  const manager = new AsyncLocalStorageContextManager().enable();
  if (!context.setGlobalContextManager(manager)) manager.disable();
}
