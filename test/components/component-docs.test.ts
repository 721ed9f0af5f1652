/**
 * The config schema, the validator and the README describe every rule key
 * identically: the same keys, the same words (the README's table is the
 * schema's descriptions with code marked up), the same kinds and presets, the
 * same redact keys and defaults, and the README's preset table is presets.ts.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REDACT_PATTERNS } from "../../runtime/redaction/key-patterns";
import {
  DEFAULT_MAX_TOTAL_VALUE_LENGTH,
  DEFAULT_MAX_VALUE_LENGTH,
} from "../../runtime/redaction/value-rules";
import { COMPONENT_PRESETS, type ComponentPreset } from "../../contract/components";
import { SPAN_KIND_NAMES } from "../../contract/components";
import { REDACT_KEYS } from "../../transformer/config/validate-components";
import { RULE_KEYS, validateConfig } from "../../transformer/config/validate-config";
import { ROOT } from "../helpers/run";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "tracing.config.schema.json"), "utf8"));
const ruleSchema = schema.definitions.rule.properties;
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const accepts = (rule: object) =>
  validateConfig({ rules: [{ files: "a", ...rule }] }).problems.length === 0;

/** `| cell | cell |` rows of the README table whose first cell starts with `first`. */
function tableRows(first: RegExp): string[][] {
  return readme
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .slice(1, -1)
        .split(" | ")
        .map((cell) => cell.trim()),
    )
    .filter((cells) => first.test(cells[0]));
}

describe("rule keys", () => {
  const rows = new Map(tableRows(/^`rules\[\]\./).map(([key, meaning]) => [key, meaning]));

  it("are the same in the README's table, the schema and the validator", () => {
    const readmeKeys = [...rows.keys()].map((k) => k.replace(/^`rules\[\]\.(.*)`$/, "$1"));
    expect(readmeKeys.sort()).toEqual([...RULE_KEYS].sort());
    expect(Object.keys(ruleSchema).sort()).toEqual([...RULE_KEYS].sort());
  });

  it.each(RULE_KEYS)("%s reads the same in the README and the schema", (key) => {
    const meaning = rows.get(`\`rules[].${key}\``)!.replace(/`/g, "");
    expect(meaning).toBe(ruleSchema[key].description);
  });
});

describe("kinds and presets", () => {
  it("the schema's enums are what the validator accepts", () => {
    expect(ruleSchema.kind.enum).toEqual([...SPAN_KIND_NAMES]);
    expect(ruleSchema.component.enum).toEqual(Object.keys(COMPONENT_PRESETS));
    for (const kind of [...SPAN_KIND_NAMES, "Server", "rpc"])
      expect([kind, accepts({ kind })]).toEqual([kind, SPAN_KIND_NAMES.includes(kind as never)]);
    for (const component of [...Object.keys(COMPONENT_PRESETS), "db", "Agent"])
      expect([component, accepts({ component })]).toEqual([
        component,
        component in COMPONENT_PRESETS,
      ]);
  });

  it("the README's descriptions of kind and component list them all", () => {
    for (const kind of SPAN_KIND_NAMES) expect(ruleSchema.kind.description).toContain(kind);
    for (const name of Object.keys(COMPONENT_PRESETS))
      expect(ruleSchema.component.description).toContain(name);
  });

  it("the README's preset table is presets.ts", () => {
    // The one table with six columns whose first cells name presets.
    const presetTable = tableRows(/^`[a-z_]+`$/).filter(
      (cells) =>
        cells.length === 6 && Object.keys(COMPONENT_PRESETS).includes(cells[0].slice(1, -1)),
    );
    const documented = presetTable.map(([name, kind, sets, fromCode, maps, status]) => ({
      name: name.slice(1, -1),
      kind: kind.slice(1, -1),
      sets,
      fromCode,
      maps,
      status,
    }));
    const presets = Object.entries(COMPONENT_PRESETS as Record<string, ComponentPreset>);
    expect(documented).toEqual(presets.map(([name, preset]) => presetRow(name, preset)));
  });
});

/** How the README writes one preset's row. */
function presetRow(name: string, preset: ComponentPreset) {
  const pairs = (o: Readonly<Record<string, string>>) =>
    Object.entries(o)
      .map(([k, v]) => `\`${k}\` = \`${JSON.stringify(v)}\``)
      .join(", ") || "none";
  const consumer = preset.consumerConstants
    ? ` (${pairs(preset.consumerConstants)} when \`kind\` is \`consumer\`)`
    : "";
  const fromCode =
    Object.entries(preset.fromCode)
      .map(([k, v]) => `\`${k}\` = ${v} name`)
      .join(", ") || "none";
  return {
    name,
    kind: preset.kind,
    sets: pairs(preset.constants) + consumer,
    fromCode,
    maps: preset.expects.map((key) => `\`${key}\``).join(", "),
    status: preset.status,
  };
}

describe("redact and the lengths", () => {
  it("the schema's redact object has the validator's keys", () => {
    const object = ruleSchema.redact.oneOf.find((o: { type: string }) => o.type === "object");
    expect(Object.keys(object.properties).sort()).toEqual([...REDACT_KEYS].sort());
    const pattern = new RegExp(schema.definitions.redactPattern.pattern);
    for (const p of ["*password*", "x-api-key", "a.b", "a b", "", "ä"])
      expect([p, pattern.test(p)]).toEqual([p, accepts({ redact: [p] })]);
  });

  it("the defaults are the runtime's", () => {
    expect(ruleSchema.maxValueLength.default).toBe(DEFAULT_MAX_VALUE_LENGTH);
    expect(ruleSchema.maxTotalValueLength.default).toBe(DEFAULT_MAX_TOTAL_VALUE_LENGTH);
    expect(ruleSchema.maxValueLength.description).toContain(`default ${DEFAULT_MAX_VALUE_LENGTH}`);
    const listed = DEFAULT_REDACT_PATTERNS.map((p) => `\`${p}\``);
    const sentence = `The default patterns are ${listed.slice(0, -1).join(", ")} and ${listed.at(-1)}.`;
    expect(readme.replace(/\s+/g, " ")).toContain(sentence);
  });
});
