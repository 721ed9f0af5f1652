/**
 * The one table that decides *where* instrumentation can go: for each kind of
 * function-like node, its own name, its owner (class or object literal) and its
 * kind. Nodes with no body (overloads, abstract and `declare` members) and
 * functions with no name (inline callbacks) get no identity and are never wrapped.
 */
import type * as ts from "typescript";
import type { NamedFunction } from "./name-pattern";

type TS = typeof ts;

export type FunctionKind = "function" | "arrow" | "method" | "getter" | "setter" | "constructor";

export interface FunctionIdentity extends NamedFunction {
  kind: FunctionKind;
  /** Class (or object literal variable) the function belongs to, if any. */
  ownerName?: string;
  isAsync: boolean;
  isGenerator: boolean;
}

export type InstrumentableFunction =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration
  | ts.ConstructorDeclaration;

export function isInstrumentable(ts: TS, node: ts.Node): node is InstrumentableFunction {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node)
  );
}

export function identifyFunction(
  ts: TS,
  node: InstrumentableFunction,
): FunctionIdentity | undefined {
  if (!node.body) return undefined;
  const named = nameAndOwner(ts, node);
  if (!named?.name) return undefined;
  const { name, ownerName, kind } = named;
  return {
    name,
    ownerName,
    kind,
    qualifiedName: ownerName ? `${ownerName}.${name}` : name,
    isConstructor: kind === "constructor",
    isAsync: hasModifier(ts, node, ts.SyntaxKind.AsyncKeyword),
    isGenerator: "asteriskToken" in node && node.asteriskToken !== undefined,
  };
}

interface NameAndOwner {
  name: string | undefined;
  ownerName?: string;
  kind: FunctionKind;
}

function nameAndOwner(ts: TS, node: InstrumentableFunction): NameAndOwner | undefined {
  if (ts.isConstructorDeclaration(node)) {
    return { name: "constructor", ownerName: classLikeName(ts, node.parent), kind: "constructor" };
  }
  if (
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  ) {
    const kind = ts.isMethodDeclaration(node)
      ? "method"
      : ts.isGetAccessorDeclaration(node)
        ? "getter"
        : "setter";
    return { name: propertyNameText(ts, node.name), ownerName: ownerNameOf(ts, node.parent), kind };
  }
  if (ts.isFunctionDeclaration(node)) {
    const isDefault = hasModifier(ts, node, ts.SyntaxKind.DefaultKeyword);
    return { name: node.name?.text ?? (isDefault ? "default" : undefined), kind: "function" };
  }
  const kind = ts.isArrowFunction(node) ? "arrow" : "function";
  if (ts.isFunctionExpression(node) && node.name) return { name: node.name.text, kind };
  return { ...nameFromBinding(ts, node), kind };
}

/** `const f = () => {}`, `{ f: () => {} }`, `class { f = () => {} }`, `export default () => {}`. */
function nameFromBinding(ts: TS, node: ts.Expression): Omit<NameAndOwner, "kind"> {
  const holder = skipExpressionWrappers(ts, node.parent);
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name))
    return { name: holder.name.text };
  if (ts.isPropertyAssignment(holder)) {
    return { name: propertyNameText(ts, holder.name), ownerName: ownerNameOf(ts, holder.parent) };
  }
  if (ts.isPropertyDeclaration(holder)) {
    return { name: propertyNameText(ts, holder.name), ownerName: classLikeName(ts, holder.parent) };
  }
  if (ts.isExportAssignment(holder)) return { name: "default" };
  return { name: undefined };
}

function skipExpressionWrappers(ts: TS, node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.parent;
  }
  return current;
}

function ownerNameOf(ts: TS, owner: ts.Node): string | undefined {
  if (ts.isObjectLiteralExpression(owner)) return objectLiteralName(ts, owner);
  return classLikeName(ts, owner);
}

function classLikeName(ts: TS, node: ts.Node): string | undefined {
  if (ts.isClassDeclaration(node)) {
    return (
      node.name?.text ??
      (hasModifier(ts, node, ts.SyntaxKind.DefaultKeyword) ? "default" : undefined)
    );
  }
  if (ts.isClassExpression(node)) return node.name?.text ?? nameFromBinding(ts, node).name;
  return undefined;
}

/** `const api = { ... }` names its methods `api.method`. */
function objectLiteralName(ts: TS, node: ts.ObjectLiteralExpression): string | undefined {
  return nameFromBinding(ts, node).name;
}

function propertyNameText(ts: TS, name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined; // computed names have no static name
}

function hasModifier(ts: TS, node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (
    ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false)
  );
}
