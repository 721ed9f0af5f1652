/** The JSON Schema editors use must describe the same keys the validator accepts. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { RULE_KEYS, TOP_LEVEL_KEYS, validateConfig } from "../transformer/config/validate-config";
import { ROOT } from "./helpers/run";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "tracing.config.schema.json"), "utf8"));

describe("tracing.config.schema.json", () => {
  it("lists exactly the keys the validator accepts", () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...TOP_LEVEL_KEYS].sort());
    expect(Object.keys(schema.definitions.rule.properties).sort()).toEqual([...RULE_KEYS].sort());
    expect(schema.additionalProperties).toBe(false);
    expect(schema.definitions.rule.additionalProperties).toBe(false);
  });

  it("accepts the same name patterns as the validator", () => {
    const pattern = new RegExp(schema.definitions.namePattern.pattern);
    for (const name of ["*", "!_*", "Invoice.*", "#secret", "get$", "a.b.c", "get?", "", "a b"]) {
      const validatorAccepts =
        validateConfig({ rules: [{ files: "a", functions: [name] }] }).problems.length === 0;
      expect([name, pattern.test(name)]).toEqual([name, validatorAccepts]);
    }
  });

  it("validates the example's config", () => {
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, "tracing.config.json"), "utf8"));
    expect(validateConfig(example).problems).toEqual([]);
  });
});
