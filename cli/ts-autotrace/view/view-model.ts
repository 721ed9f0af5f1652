/**
 * What the page shows, computed once here rather than in the browser: traces
 * in start order, each one's spans in tree order (parent, then children by
 * start time) with their depth, and the slowest-functions table.
 */
import { groupBy } from "../group-by";
import type { AttributeMap, ViewSpan } from "./read-traces";

export interface ViewTrace {
  traceId: string;
  service: string;
  rootName: string;
  startMs: number;
  durationMs: number;
  errors: number;
  /** Rows: [nameIndex, depth, offsetMs, durationMs, status] in tree order. */
  rows: [number, number, number, number, number][];
}

export interface SpanDetail {
  spanId: string;
  parentSpanId: string | null;
  statusMessage: string;
  attributes: AttributeMap;
  events: { name: string; offsetMs: number; attributes: AttributeMap }[];
}

export interface FunctionStats {
  name: string;
  calls: number;
  p50: number;
  p95: number;
  max: number;
  errors: number;
}

export interface ViewModel {
  names: string[];
  traces: ViewTrace[];
  /** One per row, in the same order as the rows of all traces. */
  details: SpanDetail[];
  slowest: FunctionStats[];
  spanCount: number;
}

export function buildViewModel(spans: ViewSpan[]): ViewModel {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const intern = (name: string) => {
    let index = nameIndex.get(name);
    if (index === undefined) nameIndex.set(name, (index = names.push(name) - 1));
    return index;
  };
  const model: ViewModel = {
    names,
    traces: [],
    details: [],
    slowest: slowest(spans),
    spanCount: spans.length,
  };
  const byTrace = groupBy(spans, (s) => s.traceId);
  const traces = [...byTrace.values()].map((trace) => ({
    trace,
    start: minOf(trace.map((s) => s.startMs)),
  }));
  traces.sort((a, b) => a.start - b.start);
  for (const { trace, start } of traces)
    model.traces.push(layOut(trace, start, intern, model.details));
  return model;
}

function layOut(
  spans: ViewSpan[],
  start: number,
  intern: (n: string) => number,
  details: SpanDetail[],
): ViewTrace {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = groupBy(
    spans.filter((s) => s.parentSpanId !== undefined && ids.has(s.parentSpanId)),
    (s) => s.parentSpanId as string,
  );
  // A span whose parent is not in the file (remote, or lost) is shown as a root.
  const roots = spans
    .filter((s) => s.parentSpanId === undefined || !ids.has(s.parentSpanId))
    .sort(byStart);
  const end = maxOf(spans.map((s) => s.startMs + s.durationMs));
  const trace: ViewTrace = {
    traceId: spans[0].traceId,
    service: roots[0]?.service ?? spans[0].service,
    rootName: roots[0]?.name ?? spans[0].name,
    startMs: start,
    durationMs: end - start,
    errors: spans.filter((s) => s.status === 2).length,
    rows: [],
  };
  // Iterative depth-first walk: a deep recursion in the traced program must not overflow here.
  const stack: [ViewSpan, number][] = roots.reverse().map((s) => [s, 0]);
  while (stack.length > 0) {
    const [span, depth] = stack.pop()!;
    trace.rows.push([intern(span.name), depth, span.startMs - start, span.durationMs, span.status]);
    details.push({
      spanId: span.spanId,
      parentSpanId: span.parentSpanId ?? null,
      statusMessage: span.statusMessage,
      attributes: span.attributes,
      events: span.events.map((e) => ({
        name: e.name,
        offsetMs: e.timeMs - span.startMs,
        attributes: e.attributes,
      })),
    });
    const kids = [...(children.get(span.spanId) ?? [])].sort(byStart).reverse();
    for (const kid of kids) stack.push([kid, depth + 1]);
  }
  return trace;
}

/** Per span name: calls, p50, p95, max (nearest-rank percentiles) and errors; slowest p95 first. */
function slowest(spans: ViewSpan[]): FunctionStats[] {
  const stats: FunctionStats[] = [];
  for (const [name, group] of groupBy(spans, (s) => s.name)) {
    const durations = group.map((s) => s.durationMs).sort((a, b) => a - b);
    const rank = (p: number) => durations[Math.max(0, Math.ceil((p / 100) * durations.length) - 1)];
    stats.push({
      name,
      calls: group.length,
      p50: rank(50),
      p95: rank(95),
      max: durations[durations.length - 1],
      errors: group.filter((s) => s.status === 2).length,
    });
  }
  return stats.sort((a, b) => b.p95 - a.p95 || a.name.localeCompare(b.name));
}

function byStart(a: ViewSpan, b: ViewSpan): number {
  return a.startMs - b.startMs;
}

function minOf(values: number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

function maxOf(values: number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}
