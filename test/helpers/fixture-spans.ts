/**
 * What a fixture's `spans.ts` receives: its traced and plain builds (see
 * load-fixture.ts) and queries over the spans the in_memory exporter holds.
 * The runner (test/fixture-spans.test.ts) resets the spans before each test.
 */
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { expect } from "vitest";
import { loadFixture, runtime } from "./load-fixture";

/** A compiled fixture module, loaded untyped: its exports are whatever input.ts declares. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixtures are loaded untyped
export type FixtureModule = any;

export interface SpanQueries {
  /** Every span finished since the last reset, in the order they ended. */
  spans(): ReadableSpan[];
  /** The one finished span with this name; fails the test unless there is exactly one. */
  spanNamed(name: string): ReadableSpan;
  parentOf(span: ReadableSpan): string | undefined;
  idOf(span: ReadableSpan): string;
  /** Forgets the spans finished so far, for a second step within one test. */
  resetSpans(): void;
}

export interface FixtureSpanContext extends SpanQueries {
  traced: FixtureModule;
  plain: FixtureModule;
}

/** The default export of `fixtures/<case>/spans.ts`: declares that fixture's tests with `it`. */
export type FixtureSpans = (context: FixtureSpanContext) => void;

export const spanQueries: SpanQueries = {
  spans: () => runtime.getFinishedSpans() as ReadableSpan[],
  spanNamed(name) {
    const found = spanQueries.spans().filter((s) => s.name === name);
    expect(found, `exactly one span named ${name}`).toHaveLength(1);
    return found[0];
  },
  parentOf: (span) => span.parentSpanContext?.spanId,
  idOf: (span) => span.spanContext().spanId,
  resetSpans: () => runtime.resetFinishedSpans(),
};

/** Builds the context a fixture's spans.ts is called with. */
export function fixtureSpanContext(fixture: string): FixtureSpanContext {
  const { traced, plain } = loadFixture<FixtureModule>(fixture);
  return { traced, plain, ...spanQueries };
}
