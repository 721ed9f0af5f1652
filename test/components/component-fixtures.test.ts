/**
 * One fixture per component preset (fixtures/component-*), built with the
 * transformer and run as a program that exports over OTLP/gRPC to a real
 * receiver (mockotlpserver). What arrives must be exactly what the fixture's
 * spans.json says: name, kind, and every attribute other than code.*, typed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReceivedSpan } from "../exporters/helpers/otlp-decode";
import { startOtlpReceiver, type OtlpReceiver } from "../exporters/helpers/otlp-receiver";
import { runProgram, writeProgram, type ProgramRun } from "../exporters/helpers/traced-program";
import { FIXTURES, fixtureNames } from "../helpers/fixture-files";
import { transpileWithTracing } from "../helpers/transpile";

/** OTLP's SpanKind numbers. */
const OTLP_KIND = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;

interface ExpectedSpan {
  name: string;
  kind: keyof typeof OTLP_KIND;
  attributes: Record<string, string>;
}

const fixtures = fixtureNames().filter((name) => name.startsWith("component-"));
const expected = (fixture: string): ExpectedSpan[] =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, fixture, "spans.json"), "utf8"));

let receiver: OtlpReceiver;
let run: ProgramRun;
let received: ReceivedSpan[];

/** All fixtures' scenarios in one traced program, each built into its own folder. */
function writeScenarios(): string {
  const main = writeProgram(`
(async () => {
  for (const fixture of ${JSON.stringify(fixtures)}) {
    await require("./" + fixture + "/scenario.js").main();
  }
  await require("ts-autotrace").shutdownTracing();
})();
`);
  for (const fixture of fixtures) {
    const dir = path.join(path.dirname(main), fixture);
    fs.mkdirSync(dir);
    const config = path.join(FIXTURES, fixture, "tracing.config.json");
    for (const source of ["input.ts", "scenario.ts"]) {
      const file = path.join(FIXTURES, fixture, source);
      const { outputText, warnings } = transpileWithTracing(
        file,
        source === "input.ts" ? config : undefined,
        { module: ts.ModuleKind.CommonJS },
      );
      expect(warnings).toEqual([]);
      fs.writeFileSync(path.join(dir, source.replace(/\.ts$/, ".js")), outputText);
    }
  }
  return main;
}

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  run = await runProgram(writeScenarios(), {
    TRACING_EXPORTER: "otlp",
    TRACING_OTLP_ENDPOINT: receiver.grpcUrl,
  });
  const total = fixtures.reduce((n, f) => n + expected(f).length, 0);
  received = await receiver.waitForSpans(total);
}, 60_000);
afterAll(() => receiver.close());

it("runs every scenario without a warning", () => {
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(fixtures).toHaveLength(9);
});

describe.each(fixtures)("%s", (fixture) => {
  it("arrives with the documented kind, name and attributes", () => {
    const spans = expected(fixture);
    const names = new Set(spans.map((s) => s.name));
    const actual = received
      .filter((s) => names.has(s.name))
      .map((s) => ({
        name: s.name,
        kind: s.kind,
        attributes: Object.fromEntries(
          Object.entries(s.attributes).filter(([key]) => !key.startsWith("code.")),
        ),
      }));
    const wanted = spans.map((s) => ({ ...s, kind: OTLP_KIND[s.kind] }));
    expect(sorted(actual)).toEqual(sorted(wanted));
  });
});

function sorted<T extends { name: string }>(spans: T[]): T[] {
  const key = (s: T) => JSON.stringify(s);
  return [...spans].sort((a, b) => key(a).localeCompare(key(b)));
}
