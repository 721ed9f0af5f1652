/**
 * The combined-regex rule selector must pick exactly the rule a plain
 * first-match scan picks, for any rules and any function.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TracingRule } from "../transformer/config/config-types";
import { compileRules } from "../transformer/match/compiled-rules";
import type { NamedFunction } from "../transformer/match/name-pattern";
import { createRuleSelector } from "../transformer/match/rule-selector";

const NAMES = ["get", "getUser", "charge", "_private", "#secret", "constructor", "render", "$init"];
const OWNERS = ["Cart", "Invoice", "api", undefined];
const SEGMENTS = [
  "*",
  "get*",
  "charge",
  "_*",
  "#*",
  "constructor",
  "*er",
  "$init",
  "render",
  "g*t*",
];

const segment = fc.constantFrom(...SEGMENTS);
const pattern = fc.oneof(
  segment,
  fc.tuple(fc.constantFrom("Cart", "Invoice", "*", "api"), segment).map(([o, m]) => `${o}.${m}`),
  segment.map((s) => `!${s}`),
);
const rule: fc.Arbitrary<TracingRule> = fc
  .array(pattern, { minLength: 1, maxLength: 4 })
  .map((functions) => ({
    files: ["**"],
    functions,
    includeArgs: false,
    includeResult: false,
    followPromises: true,
    attributes: {},
  }));
const fn: fc.Arbitrary<NamedFunction> = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...OWNERS))
  .map(([name, owner]) => ({
    name,
    qualifiedName: owner ? `${owner}.${name}` : name,
    isConstructor: name === "constructor",
  }));

describe("rule selector", () => {
  it("picks the same rule as a first-match scan", () => {
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 12 }),
        fc.array(fn, { minLength: 1, maxLength: 10 }),
        (rules, fns) => {
          const compiled = compileRules({ configPath: "c", rootDir: "/", rules });
          const select = createRuleSelector(compiled);
          for (const f of fns) {
            expect(select(f)?.index).toBe(compiled.find((r) => r.matchesFunction(f))?.index);
          }
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});
