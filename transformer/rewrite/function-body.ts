/** Replacing a function's body while keeping the function node itself (name, length, modifiers). */
import type * as ts from "typescript";
import { functionKindOf, type InstrumentableFunction } from "../match/function-kinds";
import { prologueLength } from "./prologue";

type TS = typeof ts;

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

/** Looked up in the table of function kinds, which knows how to update each kind of node. */
export function withBody(
  ts: TS,
  fn: InstrumentableFunction,
  body: ts.ConciseBody,
): InstrumentableFunction {
  return functionKindOf(ts, fn)!.withBody(ts, fn, body);
}
