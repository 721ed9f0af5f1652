/**
 * The in_memory side of the component fixtures' spans.json (the OTLP side is
 * component-fixtures.test.ts): a fixture's spans.ts is one line,
 * `export default componentSpans("component-http")`, and runs its scenario
 * against the traced build, expecting exactly the spans spans.json lists
 * (typed values such as `int:200` compared as the JavaScript values).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SpanKind, type Attributes } from "@opentelemetry/api";
import { expect, it, vi } from "vitest";
import { FIXTURES } from "../helpers/fixture-files";
import type { FixtureSpanContext, FixtureSpans } from "../helpers/fixture-spans";
import { loadFixture } from "../helpers/load-fixture";

const KINDS: Record<string, SpanKind> = {
  internal: SpanKind.INTERNAL,
  server: SpanKind.SERVER,
  client: SpanKind.CLIENT,
  producer: SpanKind.PRODUCER,
  consumer: SpanKind.CONSUMER,
};

interface ExpectedSpan {
  name: string;
  kind: string;
  attributes: Record<string, string>;
}

export function componentSpans(fixture: string): FixtureSpans {
  return ({ spans }: FixtureSpanContext) => {
    it("records the spans spans.json lists, with their kind and attributes", async () => {
      vi.spyOn(console, "log").mockImplementation(() => undefined);
      const { traced } = loadFixture<{ main(): Promise<void> }>(fixture, "scenario.ts");
      await traced.main();
      vi.restoreAllMocks();
      const file = path.join(FIXTURES, fixture, "spans.json");
      const expected = JSON.parse(fs.readFileSync(file, "utf8")) as ExpectedSpan[];
      const actual = spans().map((s) => ({
        name: s.name,
        kind: s.kind,
        attributes: withoutCode(s.attributes),
      }));
      const wanted = expected.map((s) => ({
        name: s.name,
        kind: KINDS[s.kind],
        attributes: Object.fromEntries(Object.entries(s.attributes).map(([k, v]) => [k, value(v)])),
      }));
      expect(sorted(actual)).toEqual(sorted(wanted));
    });
  };
}

function withoutCode(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => !key.startsWith("code.")));
}

/** `string:GET` -> "GET", `int:200` -> 200, `bool:true` -> true (see otlp-decode.ts). */
function value(typed: string): unknown {
  const [type, ...rest] = typed.split(":");
  const text = rest.join(":");
  if (type === "string") return text;
  if (type === "bool") return text === "true";
  if (type === "int" || type === "double") return Number(text);
  throw new Error(`spans.json: no in-memory value for ${typed}`);
}

function sorted<T>(spans: T[]): T[] {
  return [...spans].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
