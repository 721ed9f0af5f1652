/**
 * Span assertions: every fixture folder with a `spans.ts` is compiled with and
 * without the transformer (test/helpers/load-fixture.ts), run with the
 * in_memory exporter, and its spans.ts declares the tests on both builds and
 * the spans they record. A new folder with a spans.ts is picked up here with
 * no other edit; a folder without one is skipped.
 */
import * as path from "node:path";
import { beforeAll, beforeEach, describe } from "vitest";
import { FIXTURES, SPANS, fixturesWithSpans } from "./helpers/fixture-files";
import { type FixtureSpans, fixtureSpanContext } from "./helpers/fixture-spans";
import { runtime } from "./helpers/load-fixture";

beforeAll(() =>
  runtime.initializeTracing({ exporter: "in_memory", serviceName: "behaviour-tests" }),
);
beforeEach(() => runtime.resetFinishedSpans());

describe.each(fixturesWithSpans())("fixture %s: spans", async (fixture) => {
  const file = path.join(FIXTURES, fixture, SPANS);
  const { default: declare } = (await import(file)) as { default: unknown };
  if (typeof declare !== "function") {
    throw new Error(`${file}: spans.ts must export default a function that declares its tests`);
  }
  (declare as FixtureSpans)(fixtureSpanContext(fixture));
});
