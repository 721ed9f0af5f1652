/**
 * The one table of function kinds: which nodes instrumentation applies to,
 * the kind each one is, how its name is found and how its body is replaced;
 * and the expression wrappers and declarations through which a function
 * literal gets its name (`export const f = <Fn>(() => 1)`, `(() => 2)!`).
 * Matching (function-identity.ts), ignore comments (ignore-comments.ts) and
 * rewriting (instrument-file.ts, function-body.ts) all read it, so they agree
 * on every kind.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";

export type FunctionKind = "function" | "arrow" | "method" | "getter" | "setter" | "constructor";

export type InstrumentableFunction =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration
  | ts.ConstructorDeclaration;

/** Where a function's name comes from (see function-identity.ts). */
export type Naming = "constructor" | "member" | "declaration" | "binding";

export interface FunctionKindEntry<Node extends InstrumentableFunction = InstrumentableFunction> {
  kind: FunctionKind;
  naming: Naming;
  /** The node's `ts.SyntaxKind` member: the table is indexed by kind (see functionKindOf). */
  syntaxKind: SyntaxKindName;
  /** The same function node (name, modifiers, parameters as written) with `body`. */
  withBody(ts: TS, fn: Node, body: ts.ConciseBody): Node;
}

function entry<Node extends InstrumentableFunction>(e: FunctionKindEntry<Node>) {
  return e as unknown as FunctionKindEntry;
}

type SyntaxKindName = keyof typeof ts.SyntaxKind;

type PlainFunction = ts.FunctionDeclaration | ts.FunctionExpression;

/** A `function` declaration's or expression's own parts, with a new body: both update alike. */
function functionParts<Node extends PlainFunction>(fn: Node, body: ts.ConciseBody) {
  return [
    fn.modifiers as Node["modifiers"],
    fn.asteriskToken,
    fn.name,
    fn.typeParameters,
    fn.parameters,
    fn.type,
    body as ts.Block,
  ] as const;
}

/** The parts a getter and a setter share, in the order their update functions take them. */
function accessorParts(fn: ts.AccessorDeclaration) {
  return [fn.modifiers, fn.name, fn.parameters] as const;
}

const FUNCTION_KINDS: readonly FunctionKindEntry[] = [
  entry<ts.FunctionDeclaration>({
    kind: "function",
    naming: "declaration",
    syntaxKind: "FunctionDeclaration",
    withBody: (ts, fn, body) =>
      ts.factory.updateFunctionDeclaration(fn, ...functionParts(fn, body)),
  }),
  entry<ts.FunctionExpression>({
    kind: "function",
    naming: "binding",
    syntaxKind: "FunctionExpression",
    withBody: (ts, fn, body) => ts.factory.updateFunctionExpression(fn, ...functionParts(fn, body)),
  }),
  entry<ts.ArrowFunction>({
    kind: "arrow",
    naming: "binding",
    syntaxKind: "ArrowFunction",
    withBody: (ts, fn, body) =>
      ts.factory.updateArrowFunction(
        fn,
        fn.modifiers,
        fn.typeParameters,
        fn.parameters,
        fn.type,
        fn.equalsGreaterThanToken,
        body,
      ),
  }),
  entry<ts.MethodDeclaration>({
    kind: "method",
    naming: "member",
    syntaxKind: "MethodDeclaration",
    withBody: (ts, fn, body) =>
      ts.factory.updateMethodDeclaration(
        fn,
        fn.modifiers,
        fn.asteriskToken,
        fn.name,
        fn.questionToken,
        fn.typeParameters,
        fn.parameters,
        fn.type,
        body as ts.Block,
      ),
  }),
  entry<ts.GetAccessorDeclaration>({
    kind: "getter",
    naming: "member",
    syntaxKind: "GetAccessor",
    withBody: (ts, fn, body) =>
      ts.factory.updateGetAccessorDeclaration(fn, ...accessorParts(fn), fn.type, body as ts.Block),
  }),
  entry<ts.SetAccessorDeclaration>({
    kind: "setter",
    naming: "member",
    syntaxKind: "SetAccessor",
    withBody: (ts, fn, body) =>
      ts.factory.updateSetAccessorDeclaration(fn, ...accessorParts(fn), body as ts.Block),
  }),
  entry<ts.ConstructorDeclaration>({
    kind: "constructor",
    naming: "constructor",
    syntaxKind: "Constructor",
    withBody: (ts, fn, body) =>
      ts.factory.updateConstructorDeclaration(fn, fn.modifiers, fn.parameters, body as ts.Block),
  }),
];

/**
 * The table by `SyntaxKind`, built once per TypeScript instance (kind numbers
 * differ between versions): every node of a file is looked up here, so this
 * is one array read, not a test per row.
 */
type KindIndex = readonly (FunctionKindEntry | undefined)[];
const rowsByKind = new WeakMap<TS, KindIndex>();
/** The last instance asked for: a build uses one, so most lookups skip the WeakMap. */
let last: { ts: TS; index: KindIndex } | undefined;

function indexFor(ts: TS): KindIndex {
  if (last?.ts === ts) return last.index;
  let index = rowsByKind.get(ts);
  if (index === undefined) {
    // Dense up to the largest kind a node can have, so a lookup never reads a hole.
    const rows = new Array<FunctionKindEntry | undefined>(ts.SyntaxKind.Count).fill(undefined);
    for (const row of FUNCTION_KINDS) rows[ts.SyntaxKind[row.syntaxKind]] = row;
    rowsByKind.set(ts, (index = rows));
  }
  last = { ts, index };
  return index;
}

/** The table's row for `node`, or undefined when instrumentation never applies to it. */
export function functionKindOf(ts: TS, node: ts.Node): FunctionKindEntry | undefined {
  return indexFor(ts)[node.kind];
}

export function isInstrumentable(ts: TS, node: ts.Node): node is InstrumentableFunction {
  return functionKindOf(ts, node) !== undefined;
}

/**
 * Expressions that wrap a function literal without changing which function it
 * is: `(f)`, `f as T`, `f satisfies T`, `f!`, `<T>f`. The declaration outside
 * them names the function, and a comment on it applies to the function.
 */
const TRANSPARENT_WRAPPERS: readonly ((ts: TS, node: ts.Node) => boolean)[] = [
  (ts, node) => ts.isParenthesizedExpression(node),
  (ts, node) => ts.isAsExpression(node),
  (ts, node) => ts.isSatisfiesExpression(node),
  (ts, node) => ts.isNonNullExpression(node),
  (ts, node) => ts.isTypeAssertionExpression(node),
];

/**
 * Declarations that give the expression inside them its name:
 * `const f = ...`, `{ f: ... }`, `class { f = ... }`, `export default ...`.
 */
export type NameHolder =
  ts.VariableDeclaration | ts.PropertyAssignment | ts.PropertyDeclaration | ts.ExportAssignment;

/** The declaration that names `expression` (through any transparent wrappers), if any. */
export function nameHolderOf(ts: TS, expression: ts.Node): NameHolder | undefined {
  let holder = expression.parent;
  while (holder && TRANSPARENT_WRAPPERS.some((isWrapper) => isWrapper(ts, holder))) {
    holder = holder.parent;
  }
  return holder && isNameHolder(ts, holder) ? holder : undefined;
}

function isNameHolder(ts: TS, node: ts.Node): node is NameHolder {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isExportAssignment(node)
  );
}
