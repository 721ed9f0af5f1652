/** The files and per-fixture compiler settings of one fixtures/<case>/ folder. */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as ts from "typescript";
import { ROOT } from "./run";

export const FIXTURES = path.join(ROOT, "fixtures");

export interface FixtureSettings {
  /** Extra compiler options (for example `experimentalDecorators`). */
  compilerOptions?: ts.CompilerOptions;
  /** Targets whose output Node 20 cannot parse, with the reason in `why`. */
  unsupportedTargets?: string[];
  why?: string;
}

export function fixtureNames(): string[] {
  return fs
    .readdirSync(FIXTURES)
    .filter((name) => fs.statSync(path.join(FIXTURES, name)).isDirectory())
    .sort();
}

export function fixtureSettings(fixture: string): FixtureSettings {
  const file = path.join(FIXTURES, fixture, "fixture.json");
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as FixtureSettings) : {};
}

/**
 * Files of a fixture folder that drive it rather than being inputs: the
 * differential tests run `scenario.ts`, test/fixture-spans.test.ts runs
 * `spans.ts`. Neither is transformed, snapshot or type-checked as an input.
 */
export const SCENARIO = "scenario.ts";
export const SPANS = "spans.ts";

/** TypeScript inputs of a fixture, and with `withScenario` its scenario.ts (never spans.ts). */
export function fixtureSources(fixture: string, { withScenario = false } = {}): string[] {
  return fs
    .readdirSync(path.join(FIXTURES, fixture))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && f !== SPANS)
    .filter((f) => withScenario || f !== SCENARIO);
}

/** Fixtures whose folder holds span assertions (`spans.ts`). */
export function fixturesWithSpans(): string[] {
  return fixtureNames().filter((name) => fs.existsSync(path.join(FIXTURES, name, SPANS)));
}
