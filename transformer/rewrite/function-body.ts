/* Folder transformer/rewrite/: What is inserted into a traced function and its file: the span
 * around the body, the call-site table, the runtime import. */
/** Replacing a function's body while keeping the function node itself (name, length, modifiers). */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import { functionKindOf, type InstrumentableFunction } from "../match/function-kinds";

/** How many leading statements are directives ("use strict"), which must stay first. */
export function prologueLength(ts: TS, statements: readonly ts.Statement[]): number {
  let length = 0;
  while (
    length < statements.length &&
    ts.isExpressionStatement(statements[length]) &&
    ts.isStringLiteral((statements[length] as ts.ExpressionStatement).expression)
  ) {
    length++;
  }
  return length;
}

/** Directive prologues (and a derived constructor's leading `super()`) stay outside the span. */
export function splitStatements(
  ts: TS,
  statements: ts.NodeArray<ts.Statement>,
  isDerivedConstructor: boolean,
) {
  let split = prologueLength(ts, statements);
  if (isDerivedConstructor) {
    const superIndex = statements.findIndex((s) => isSuperCallStatement(ts, s));
    if (superIndex >= 0) split = Math.max(split, superIndex + 1);
  }
  return { kept: statements.slice(0, split), wrapped: statements.slice(split) };
}

function isSuperCallStatement(ts: TS, statement: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(statement) &&
    ts.isCallExpression(statement.expression) &&
    statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword
  );
}

/**
 * Replaces the function's own `return x` (not those of nested functions) with
 * `return wrap(x)`; a bare `return;` too (as `wrap(void 0)`) when `bare` says so.
 * A `return` is always a statement, so only statements and the clauses that
 * hold them are walked, never expressions (where nested functions live).
 */
export function rewriteReturns(
  ts: TS,
  context: ts.TransformationContext,
  statements: readonly ts.Statement[],
  wrap: (value: ts.Expression) => ts.Expression,
  bare = false,
): ts.Statement[] {
  const visit = (node: ts.Node): ts.Node => {
    if (ts.isReturnStatement(node)) {
      const value = node.expression ?? (bare ? ts.factory.createVoidZero() : undefined);
      return value ? ts.factory.updateReturnStatement(node, wrap(value)) : node;
    }
    if (!holdsStatements(ts, node)) return node;
    return ts.visitEachChild(node, visit, context);
  };
  return statements.map((statement) => visit(statement) as ts.Statement);
}

/**
 * Whether code of the body itself can run after one of its `return`s: a
 * `finally` or a `using` declaration (disposed on the way out), outside
 * nested functions.
 */
export function runsAfterReturn(ts: TS, statements: readonly ts.Statement[]): boolean {
  const isUsing = (list: ts.VariableDeclarationList) => {
    const kind = list.flags & ts.NodeFlags.BlockScoped;
    return kind === ts.NodeFlags.Using || kind === ts.NodeFlags.AwaitUsing;
  };
  const visit = (node: ts.Node): boolean => {
    if (ts.isTryStatement(node) && node.finallyBlock) return true;
    if (ts.isVariableDeclarationList(node) && isUsing(node)) return true;
    if (ts.isVariableStatement(node)) return visit(node.declarationList);
    if (ts.isForOfStatement(node) || ts.isForStatement(node) || ts.isForInStatement(node)) {
      if (node.initializer && visit(node.initializer)) return true;
    }
    return holdsStatements(ts, node) && (ts.forEachChild(node, visit) ?? false);
  };
  return statements.some(visit);
}

/** Nodes a `return` of the same function can sit in. */
function holdsStatements(ts: TS, node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.LabeledStatement:
    case ts.SyntaxKind.WithStatement:
    case ts.SyntaxKind.SwitchStatement:
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.DefaultClause:
    case ts.SyntaxKind.TryStatement:
    case ts.SyntaxKind.CatchClause:
      return true;
    default:
      return false;
  }
}

/** Looked up in the table of function kinds, which knows how to update each kind of node. */
export function withBody(
  ts: TS,
  fn: InstrumentableFunction,
  body: ts.ConciseBody,
): InstrumentableFunction {
  return functionKindOf(ts, fn)!.withBody(ts, fn, body);
}
