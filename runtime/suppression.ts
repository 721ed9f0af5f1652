/**
 * Tracing never traces itself. An exporter the program passes in, or code of
 * the program the runtime calls back into while exporting, flushing or
 * shutting down, may itself be traced code; its calls must not make spans of
 * their own (each export would make spans to export, without end).
 *
 * The runtime's work on the program's behalf runs under OpenTelemetry's
 * suppressTracing context, as the SDK's own processors do, and a traced call
 * under that context runs as a plain call.
 */
import { context, type Context } from "@opentelemetry/api";
import { core } from "./sdk";

let isTracingSuppressed: ((active: Context) => boolean) | undefined;

/** For startCall: only reached once tracing has started, so the SDK is loaded by then. */
export function isSuppressed(active: Context): boolean {
  return (isTracingSuppressed ??= core().isTracingSuppressed)(active);
}

/** Runs `work` with tracing suppressed, including what it starts asynchronously. */
export function runSuppressed<T>(work: () => T): T {
  return context.with(core().suppressTracing(context.active()), work);
}
