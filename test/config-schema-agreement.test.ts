/**
 * The JSON Schema (what editors check as you type) and the validator (what the
 * build and `check` enforce) agree on every key: the same examples, valid and
 * invalid, go through a real JSON Schema validator (ajv) and through
 * validateConfig, and both must give the same verdict.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../transformer/config/validate-config";
import { ROOT } from "./helpers/run";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "tracing.config.schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaAccepts = ajv.compile(schema);

const rule = (extra: Record<string, unknown>) => ({ rules: [{ files: "src/**/*.ts", ...extra }] });

/** [what it shows, config, valid?] */
const EXAMPLES: [string, unknown, boolean][] = [
  ["the smallest config", rule({}), true],
  [
    "$schema as a path",
    { $schema: "./node_modules/ts-autotrace/tracing.config.schema.json", ...rule({}) },
    true,
  ],
  ["$schema not a string", { $schema: 5, ...rule({}) }, false],
  ["serviceName", { serviceName: "shop", ...rule({}) }, true],
  ["serviceName empty", { serviceName: "", ...rule({}) }, false],
  ["serviceName blank", { serviceName: "  ", ...rule({}) }, false],
  ["serviceName a number", { serviceName: 3, ...rule({}) }, false],
  ["an unknown top-level key", { rule: [], ...rule({}) }, false],
  ["not an object", [rule({})], false],
  ["no rules", {}, false],
  ["rules empty", { rules: [] }, false],
  ["rules an object", { rules: { files: "a" } }, false],
  ["a rule that is a string", { rules: ["src/**"] }, false],
  ["files missing", { rules: [{ functions: ["*"] }] }, false],
  ["files a list", { rules: [{ files: ["src/**", "!src/gen/**"] }] }, true],
  ["files an empty list", { rules: [{ files: [] }] }, false],
  ["files an empty string", { rules: [{ files: "" }] }, false],
  ["files blank", { rules: [{ files: "   " }] }, false],
  ["files a lone !", { rules: [{ files: ["src/**", "!"] }] }, false],
  ["files a number", { rules: [{ files: 1 }] }, false],
  ["files a leading ./", { rules: [{ files: "./src/**" }] }, true],
  ["functions a list", rule({ functions: ["*", "!_*", "Invoice.*", "#secret", "get$"] }), true],
  ["functions one string", rule({ functions: "charge*" }), true],
  ["functions an empty list", rule({ functions: [] }), false],
  ["functions two dots", rule({ functions: ["a.b.c"] }), false],
  ["functions a ? wildcard", rule({ functions: ["get?"] }), false],
  ["functions an empty pattern", rule({ functions: [""] }), false],
  ["functions a space", rule({ functions: ["a b"] }), false],
  ["functions not strings", rule({ functions: [1] }), false],
  ["includeArgs true", rule({ includeArgs: true }), true],
  ["includeArgs a string", rule({ includeArgs: "yes" }), false],
  ["includeResult false", rule({ includeResult: false }), true],
  ["includeResult null", rule({ includeResult: null }), false],
  ["followPromises false", rule({ followPromises: false }), true],
  ["followPromises a string", rule({ followPromises: "no" }), false],
  ["thresholdMs 0", rule({ thresholdMs: 0 }), true],
  ["thresholdMs 12.5", rule({ thresholdMs: 12.5 }), true],
  ["thresholdMs negative", rule({ thresholdMs: -1 }), false],
  ["thresholdMs a string", rule({ thresholdMs: "100" }), false],
  ["spanName with placeholders", rule({ spanName: "{class}.{function} ({file})" }), true],
  ["spanName plain", rule({ spanName: "checkout" }), true],
  ["spanName an unknown placeholder", rule({ spanName: "{method}" }), false],
  ["spanName a nested brace", rule({ spanName: "{{class}" }), false],
  ["spanName an open brace only", rule({ spanName: "a{b" }), true],
  ["spanName empty", rule({ spanName: "" }), false],
  ["spanName blank", rule({ spanName: " " }), false],
  [
    "attributes of each kind",
    rule({ attributes: { a: "x", b: 1, c: true, d: ["x"], e: [1, 2], f: [true] } }),
    true,
  ],
  ["attributes an empty list", rule({ attributes: { a: [] } }), true],
  ["attributes a mixed list", rule({ attributes: { a: [1, "x"] } }), false],
  ["attributes an object value", rule({ attributes: { a: { b: 1 } } }), false],
  ["attributes null", rule({ attributes: { a: null } }), false],
  ["attributes a list", rule({ attributes: ["a"] }), false],
  ["an unknown rule key", rule({ includeArg: true }), false],
  ["includeArgs a list of names", rule({ includeArgs: ["amountCents", "currency"] }), true],
  ["includeArgs an empty list", rule({ includeArgs: [] }), false],
  ["includeArgs a list of numbers", rule({ includeArgs: [1] }), false],
  ["kind server", rule({ kind: "server" }), true],
  ["kind misspelt", rule({ kind: "sever" }), false],
  ["component database", rule({ component: "database" }), true],
  ["component knowledge_graph", rule({ component: "knowledge_graph" }), true],
  ["component misspelt", rule({ component: "databse" }), false],
  ["redact a list", rule({ redact: ["*ssn*", "x-api-key"] }), true],
  ["redact cleared", rule({ redact: { clear: true, add: ["*ssn*"], cardNumbers: false } }), true],
  ["redact an unknown key", rule({ redact: { clean: true } }), false],
  ["redact a pattern with a space", rule({ redact: ["a b"] }), false],
  ["redact a string", rule({ redact: "password" }), false],
  ["maxValueLength 64", rule({ maxValueLength: 64 }), true],
  ["maxValueLength 0", rule({ maxValueLength: 0 }), false],
  ["maxValueLength 1.5", rule({ maxValueLength: 1.5 }), false],
  ["maxTotalValueLength 100", rule({ maxTotalValueLength: 100 }), true],
  ["maxTotalValueLength a string", rule({ maxTotalValueLength: "8k" }), false],
  [
    "attributes from the call",
    rule({ attributes: { q: "$args.sql", t: "$this.table.0", h: "$result.hit", r: "$result" } }),
    true,
  ],
  ["attributes a literal $", rule({ attributes: { a: "$$5" } }), true],
  ["attributes a misspelt source", rule({ attributes: { a: "$arg.sql" } }), false],
  ["attributes $args without a parameter", rule({ attributes: { a: "$args" } }), false],
  ["attributes a bad path step", rule({ attributes: { a: "$args.a b" } }), false],
  ["spanName from the call", rule({ spanName: "{class}.{function} {args.operation}" }), true],
  ["spanName from this", rule({ spanName: "{this.name}" }), true],
  ["spanName {args} alone", rule({ spanName: "{args}" }), false],
];

describe("schema and validator", () => {
  it.each(EXAMPLES)("agree on %s", (_what, config, valid) => {
    const validatorProblems = validateConfig(config).problems;
    const schemaVerdict = schemaAccepts(config);
    expect({
      schema: schemaVerdict,
      errors: schemaVerdict ? [] : ajv.errorsText(schemaAccepts.errors),
    }).toMatchObject({
      schema: valid,
    });
    expect(validatorProblems.length === 0).toBe(valid);
  });

  it("agree on every config shipped in this repository", () => {
    const configs = [path.join(ROOT, "tracing.config.json"), ...fixtureConfigs()];
    expect(configs.length).toBeGreaterThan(5);
    for (const file of configs) {
      const config = JSON.parse(fs.readFileSync(file, "utf8"));
      expect([file, schemaAccepts(config)]).toEqual([
        file,
        validateConfig(config).problems.length === 0,
      ]);
    }
  });

  it("every rule key the schema knows is one some example uses", () => {
    const used = new Set(EXAMPLES.flatMap(([, config]) => ruleKeys(config)));
    expect(Object.keys(schema.definitions.rule.properties).filter((key) => !used.has(key))).toEqual(
      [],
    );
  });
});

function fixtureConfigs(): string[] {
  const dir = path.join(ROOT, "fixtures");
  return fs
    .readdirSync(dir)
    .map((name) => path.join(dir, name, "tracing.config.json"))
    .filter((file) => fs.existsSync(file));
}

function ruleKeys(config: unknown): string[] {
  const rules = (config as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((r) => (typeof r === "object" && r !== null ? Object.keys(r) : []));
}
