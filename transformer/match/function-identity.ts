/**
 * Who a function is: its own name, its owner (class or object literal) and its
 * kind, as the table of function kinds (function-kinds.ts) defines them. Nodes
 * with no body (overloads, abstract and `declare` members) and functions with
 * no name (inline callbacks) get no identity and are never wrapped.
 */
import type * as ts from "typescript";
import {
  functionKindOf,
  nameHolderOf,
  type FunctionKind,
  type InstrumentableFunction,
} from "./function-kinds";
import type { NamedFunction } from "./name-pattern";

export { isInstrumentable, type FunctionKind, type InstrumentableFunction } from "./function-kinds";

type TS = typeof ts;

export interface FunctionIdentity extends NamedFunction {
  kind: FunctionKind;
  /** Class (or object literal variable) the function belongs to, if any. */
  ownerName?: string;
  isAsync: boolean;
  isGenerator: boolean;
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
  const row = functionKindOf(ts, node);
  if (!row) return undefined;
  const { kind } = row;
  switch (row.naming) {
    case "constructor":
      return { name: "constructor", ownerName: classLikeName(ts, node.parent), kind };
    case "member": {
      const member = node as ts.MethodDeclaration | ts.AccessorDeclaration;
      const ownerName = ownerNameOf(ts, member.parent);
      return { name: propertyNameText(ts, member.name), ownerName, kind };
    }
    case "declaration": {
      const isDefault = hasModifier(ts, node, ts.SyntaxKind.DefaultKeyword);
      const name = (node as ts.FunctionDeclaration).name?.text;
      return { name: name ?? (isDefault ? "default" : undefined), kind };
    }
    case "binding": {
      const ownName = ts.isFunctionExpression(node) ? node.name?.text : undefined;
      return ownName ? { name: ownName, kind } : { ...nameFromBinding(ts, node), kind };
    }
  }
}

/** `const f = () => {}`, `{ f: () => {} }`, `class { f = () => {} }`, `export default () => {}`. */
function nameFromBinding(ts: TS, node: ts.Node): Omit<NameAndOwner, "kind"> {
  const holder = nameHolderOf(ts, node);
  if (!holder) return { name: undefined };
  if (ts.isExportAssignment(holder)) return { name: "default" };
  if (ts.isVariableDeclaration(holder)) {
    return { name: ts.isIdentifier(holder.name) ? holder.name.text : undefined };
  }
  const ownerName = ts.isPropertyAssignment(holder)
    ? ownerNameOf(ts, holder.parent)
    : classLikeName(ts, holder.parent);
  return { name: propertyNameText(ts, holder.name), ownerName };
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
