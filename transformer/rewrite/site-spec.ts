/** What the runtime is told about one traced function, and its emitted form. */
import type * as ts from "typescript";
import type { CallSiteSpec } from "../../runtime/call-site";
import type { TracingRule } from "../config/config-types";
import type { FunctionIdentity } from "../match/function-identity";

type TS = typeof ts;

export function buildSiteSpec(
  identity: FunctionIdentity,
  rule: TracingRule,
  location: { file: string; line: number; service?: string },
  argNames: string[],
): CallSiteSpec {
  const spec: CallSiteSpec = {
    name: spanName(rule.spanName, identity, location.file),
    function: identity.qualifiedName,
    file: location.file,
    line: location.line,
  };
  if (location.service) spec.service = location.service;
  if (rule.includeArgs && argNames.length > 0) spec.args = argNames;
  if (rule.includeResult) spec.result = true;
  if (rule.thresholdMs !== undefined) spec.thresholdMs = rule.thresholdMs;
  if (Object.keys(rule.attributes).length > 0) spec.attributes = rule.attributes;
  return spec;
}

function spanName(template: string | undefined, identity: FunctionIdentity, file: string): string {
  if (!template) return identity.qualifiedName;
  return template
    .replace(/\{class\}/g, identity.ownerName ?? "")
    .replace(/\{function\}/g, identity.name)
    .replace(/\{file\}/g, file);
}

/** `var SITE = RT.site({...})`: a `var` because an import cycle may call before it runs. */
export function siteDeclaration(
  ts: TS,
  runtime: ts.Identifier,
  site: ts.Identifier,
  spec: CallSiteSpec,
): ts.VariableStatement {
  const f = ts.factory;
  const call = f.createCallExpression(
    f.createPropertyAccessExpression(runtime, "site"),
    undefined,
    [jsonToExpression(ts, spec)],
  );
  return f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([
      f.createVariableDeclaration(site, undefined, undefined, call),
    ]),
  );
}

function jsonToExpression(ts: TS, value: unknown): ts.Expression {
  const f = ts.factory;
  if (typeof value === "string") return f.createStringLiteral(value);
  if (typeof value === "number") {
    return value < 0
      ? f.createPrefixUnaryExpression(ts.SyntaxKind.MinusToken, f.createNumericLiteral(-value))
      : f.createNumericLiteral(value);
  }
  if (typeof value === "boolean") return value ? f.createTrue() : f.createFalse();
  if (Array.isArray(value))
    return f.createArrayLiteralExpression(value.map((v) => jsonToExpression(ts, v)));
  const properties = Object.entries(value as Record<string, unknown>).map(([key, v]) =>
    f.createPropertyAssignment(propertyName(ts, key), jsonToExpression(ts, v)),
  );
  return f.createObjectLiteralExpression(properties, false);
}

function propertyName(ts: TS, key: string): ts.PropertyName {
  return /^[A-Za-z_$][\w$]*$/.test(key)
    ? ts.factory.createIdentifier(key)
    : ts.factory.createStringLiteral(key);
}
