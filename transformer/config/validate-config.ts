/**
 * Checks a parsed tracing.config.json and collects every problem (never stops at
 * the first), each with its JSON path, what was expected, what was given and a fix.
 */
import type { AttributeValue } from "../../contract";
import { namePatternProblem } from "../match/name-pattern";
import type { ConfigProblem } from "./config-error";
import type { TracingRule } from "./config-types";
import {
  checkAttributeSources,
  COMPONENT_RULE_KEYS,
  spanNamePlaceholderProblem,
  validateComponentKeys,
  validateIncludeArgs,
} from "./validate-components";
import { describe, isPlainObject, suggestion, type Json, type Report } from "./json-text";

export const TOP_LEVEL_KEYS = ["$schema", "serviceName", "rules"];
export const RULE_KEYS = [
  "files",
  "functions",
  "includeArgs",
  "includeResult",
  "followPromises",
  "thresholdMs",
  "spanName",
  "attributes",
  ...COMPONENT_RULE_KEYS,
];

export interface ValidatedConfig {
  serviceName?: string;
  rules: TracingRule[];
}

export function validateConfig(json: Json): {
  config?: ValidatedConfig;
  problems: ConfigProblem[];
} {
  const problems: ConfigProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  if (!isPlainObject(json)) {
    report("", `expected a JSON object with "rules", got ${describe(json)}.`);
    return { problems };
  }
  checkUnknownKeys(json, TOP_LEVEL_KEYS, "", report);
  if (json.$schema !== undefined && typeof json.$schema !== "string") {
    report(
      "$schema",
      `expected the path or URL of tracing.config.schema.json, got ${describe(json.$schema)}.`,
    );
  }
  const serviceName = optionalString(json, "serviceName", "", report);
  const rules = validateRules(json.rules, report);
  if (problems.length > 0) return { problems };
  return { config: { serviceName, rules }, problems };
}

function validateRules(value: Json, report: Report): TracingRule[] {
  if (value === undefined) {
    report("rules", 'is missing: add "rules": [{ "files": "src/**/*.ts", "functions": ["*"] }].');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    report("rules", `expected a non-empty array of rules, got ${describe(value)}.`);
    return [];
  }
  return value.map((rule, index) => validateRule(rule, `rules[${index}]`, report));
}

function validateRule(rule: Json, path: string, report: Report): TracingRule {
  const result: TracingRule = {
    files: [],
    functions: ["*"],
    includeArgs: false,
    includeResult: false,
    followPromises: true,
    attributes: {},
  };
  if (!isPlainObject(rule)) {
    report(
      path,
      `expected a rule object such as { "files": "src/**/*.ts" }, got ${describe(rule)}.`,
    );
    return result;
  }
  checkUnknownKeys(rule, RULE_KEYS, path, report);
  result.files = validateFiles(rule.files, `${path}.files`, report);
  if (rule.functions !== undefined) {
    result.functions = validateFunctions(rule.functions, `${path}.functions`, report);
  }
  result.includeArgs = validateIncludeArgs(rule.includeArgs, `${path}.includeArgs`, report);
  result.includeResult = optionalBoolean(rule, "includeResult", path, report) ?? false;
  result.followPromises = optionalBoolean(rule, "followPromises", path, report) ?? true;
  result.thresholdMs = validateThreshold(rule.thresholdMs, `${path}.thresholdMs`, report);
  result.spanName = validateSpanName(rule.spanName, `${path}.spanName`, report);
  result.attributes = validateAttributes(rule.attributes, `${path}.attributes`, report);
  return dropUndefined({ ...result, ...validateComponentKeys(rule, path, report) });
}

/** Keys a rule does not set stay absent (the emitted options and tests compare whole rules). */
function dropUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

function validateFiles(value: Json, path: string, report: Report): string[] {
  if (value === undefined) {
    report(
      path,
      'is missing: every rule needs "files", a glob or a list of globs such as "src/**/*.ts".',
    );
    return [];
  }
  const globs = stringList(value, path, "a glob or a list of globs", report);
  globs.forEach((glob, i) => {
    if (glob.trim() === "" || glob === "!")
      report(`${path}[${i}]`, "expected a glob, got an empty string.");
  });
  return globs;
}

function validateFunctions(value: Json, path: string, report: Report): string[] {
  const patterns = stringList(value, path, 'a list of name patterns such as ["*", "!_*"]', report);
  patterns.forEach((pattern, i) => {
    const problem = namePatternProblem(pattern);
    if (problem) report(`${path}[${i}]`, problem);
  });
  return patterns;
}

function validateThreshold(value: Json, path: string, report: Report): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    report(path, `expected a number of milliseconds >= 0, got ${describe(value)}.`);
    return undefined;
  }
  return value;
}

function validateSpanName(value: Json, path: string, report: Report): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") {
    report(
      path,
      `expected a non-empty string template such as "{class}.{function}", got ${describe(value)}.`,
    );
    return undefined;
  }
  for (const placeholder of value.match(/\{[^}]*\}/g) ?? []) {
    const problem = spanNamePlaceholderProblem(placeholder);
    if (problem) report(path, problem);
  }
  return value;
}

function validateAttributes(
  value: Json,
  path: string,
  report: Report,
): Record<string, AttributeValue> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) {
    report(path, `expected an object of attribute names to values, got ${describe(value)}.`);
    return {};
  }
  checkAttributeSources(value, path, report);
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, attribute] of Object.entries(value)) {
    if (isAttributeValue(attribute)) attributes[key] = attribute;
    else {
      report(
        `${path}.${key}`,
        `expected a string, number, boolean or an array of one of those, got ${describe(attribute)}.`,
      );
    }
  }
  return attributes;
}

function isAttributeValue(value: Json): value is AttributeValue {
  if (["string", "number", "boolean"].includes(typeof value)) return true;
  if (!Array.isArray(value)) return false;
  const kinds = new Set(value.map((item) => typeof item));
  return (
    kinds.size <= 1 && [...kinds].every((kind) => ["string", "number", "boolean"].includes(kind))
  );
}

function stringList(value: Json, path: string, expected: string, report: Report): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string")) {
    return value as string[];
  }
  report(path, `expected ${expected}, got ${describe(value)}.`);
  return [];
}

function optionalString(obj: Record<string, Json>, key: string, path: string, report: Report) {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value === "string" && value.trim() !== "") return value;
  report(join(path, key), `expected a non-empty string, got ${describe(value)}.`);
  return undefined;
}

function optionalBoolean(obj: Record<string, Json>, key: string, path: string, report: Report) {
  const value = obj[key];
  if (value === undefined || typeof value === "boolean") return value;
  report(join(path, key), `expected true or false, got ${describe(value)}.`);
  return undefined;
}

function checkUnknownKeys(
  obj: Record<string, Json>,
  allowed: string[],
  path: string,
  report: Report,
) {
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    report(join(path, key), `unknown key. ${suggestion(key, allowed, "Allowed keys")}`);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
