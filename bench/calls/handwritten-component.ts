/**
 * The hand-written OpenTelemetry variant of subject.ts's lookup functions,
 * the span a `database` preset rule with three `$args` paths makes: kind
 * CLIENT, the same db.* and code.* attributes, read from the arguments on
 * every call, and the same try/catch/finally as handwritten.ts.
 */
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type { Query } from "./subject";

const tracer = trace.getTracer("bench-handwritten");

const FILE = "subject.ts";
const LOOKUP_LINE = 26;
const LOOKUP_ASYNC_LINE = 32;

function attributes(name: string, line: number, query: Query, options: { db: string }) {
  return {
    "db.operation.name": name,
    "db.system.name": "postgresql",
    "code.function.name": name,
    "code.file.path": FILE,
    "code.line.number": line,
    "db.query.text": query.sql,
    "db.collection.name": query.table,
    "db.namespace": options.db,
  };
}

function fail(span: import("@opentelemetry/api").Span, error: unknown): void {
  span.recordException(error instanceof Error ? error : String(error));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: error instanceof Error ? error.message : String(error),
  });
}

export function lookup(query: Query, options: { db: string }, n: number): number {
  const span = {
    kind: SpanKind.CLIENT,
    attributes: attributes("lookup", LOOKUP_LINE, query, options),
  };
  return tracer.startActiveSpan("lookup", span, (s) => {
    try {
      let h = n ^ query.sql.length ^ options.db.length;
      for (let i = 0; i < 48; i++) h = Math.imul(h ^ (n + i), 0x85ebca6b) ^ (h >>> 13);
      return h >>> 0;
    } catch (error) {
      fail(s, error);
      throw error;
    } finally {
      s.end();
    }
  });
}

export async function lookupAsync(
  query: Query,
  options: { db: string },
  n: number,
): Promise<number> {
  const span = {
    kind: SpanKind.CLIENT,
    attributes: attributes("lookupAsync", LOOKUP_ASYNC_LINE, query, options),
  };
  return tracer.startActiveSpan("lookupAsync", span, async (s) => {
    try {
      let h = n ^ query.sql.length ^ options.db.length;
      for (let i = 0; i < 48; i++) h = Math.imul(h ^ (n + i), 0x85ebca6b) ^ (h >>> 13);
      return h >>> 0;
    } catch (error) {
      fail(s, error);
      throw error;
    } finally {
      s.end();
    }
  });
}
