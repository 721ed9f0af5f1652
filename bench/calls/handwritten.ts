/**
 * The hand-written OpenTelemetry variant of subject.ts: what a careful
 * engineer writes around the same bodies. `startActiveSpan` (so nested calls
 * get the span as parent), try/catch/finally, `recordException` and
 * `setStatus` on a throw, `end` always; the same attributes ts-autotrace sets
 * (code.function.name, code.file.path, code.line.number, and for the *Args
 * variants args.<name> and result).
 *
 * The tracer is taken once at module load, after the benchmark registered
 * its provider, so calls go straight to the SDK tracer (no proxy).
 */
import { SpanStatusCode, trace, type Span } from "@opentelemetry/api";

const tracer = trace.getTracer("bench-handwritten");

/** The location attributes ts-autotrace gives subject.ts's functions. */
const FILE = "subject.ts";
const MIX_LINE = 8;
const MIX_ASYNC_LINE = 14;

function recordFailure(span: Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

export function mix(a: number, b: number): number {
  return tracer.startActiveSpan(
    "mix",
    {
      attributes: {
        "code.function.name": "mix",
        "code.file.path": FILE,
        "code.line.number": MIX_LINE,
      },
    },
    (span) => {
      try {
        let h = a ^ 0x9e3779b9;
        for (let i = 0; i < 48; i++) h = Math.imul(h ^ (b + i), 0x85ebca6b) ^ (h >>> 13);
        return h >>> 0;
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export async function mixAsync(a: number, b: number): Promise<number> {
  return tracer.startActiveSpan(
    "mixAsync",
    {
      attributes: {
        "code.function.name": "mixAsync",
        "code.file.path": FILE,
        "code.line.number": MIX_ASYNC_LINE,
      },
    },
    async (span) => {
      try {
        let h = a ^ 0x9e3779b9;
        for (let i = 0; i < 48; i++) h = Math.imul(h ^ (b + i), 0x85ebca6b) ^ (h >>> 13);
        return h >>> 0;
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** With arguments and result recorded, as includeArgs + includeResult do. */
export function mixArgs(a: number, b: number): number {
  return tracer.startActiveSpan(
    "mix",
    {
      attributes: {
        "code.function.name": "mix",
        "code.file.path": FILE,
        "code.line.number": MIX_LINE,
        "args.a": a,
        "args.b": b,
      },
    },
    (span) => {
      try {
        let h = a ^ 0x9e3779b9;
        for (let i = 0; i < 48; i++) h = Math.imul(h ^ (b + i), 0x85ebca6b) ^ (h >>> 13);
        const result = h >>> 0;
        span.setAttribute("result", result);
        return result;
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export async function mixAsyncArgs(a: number, b: number): Promise<number> {
  return tracer.startActiveSpan(
    "mixAsync",
    {
      attributes: {
        "code.function.name": "mixAsync",
        "code.file.path": FILE,
        "code.line.number": MIX_ASYNC_LINE,
        "args.a": a,
        "args.b": b,
      },
    },
    async (span) => {
      try {
        let h = a ^ 0x9e3779b9;
        for (let i = 0; i < 48; i++) h = Math.imul(h ^ (b + i), 0x85ebca6b) ^ (h >>> 13);
        const result = h >>> 0;
        span.setAttribute("result", result);
        return result;
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
