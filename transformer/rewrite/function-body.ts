/** Replacing a function's body while keeping the function node itself (name, length, modifiers). */
import type * as ts from "typescript";
import type { InstrumentableFunction } from "../match/function-identity";
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

export function withBody(
  ts: TS,
  fn: InstrumentableFunction,
  body: ts.ConciseBody,
): InstrumentableFunction {
  const f = ts.factory;
  if (ts.isArrowFunction(fn)) {
    return f.updateArrowFunction(
      fn,
      fn.modifiers,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      fn.equalsGreaterThanToken,
      body,
    );
  }
  const block = body as ts.Block;
  if (ts.isFunctionDeclaration(fn)) {
    return f.updateFunctionDeclaration(
      fn,
      fn.modifiers,
      fn.asteriskToken,
      fn.name,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      block,
    );
  }
  if (ts.isFunctionExpression(fn)) {
    return f.updateFunctionExpression(
      fn,
      fn.modifiers,
      fn.asteriskToken,
      fn.name,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      block,
    );
  }
  if (ts.isMethodDeclaration(fn)) {
    return f.updateMethodDeclaration(
      fn,
      fn.modifiers,
      fn.asteriskToken,
      fn.name,
      fn.questionToken,
      fn.typeParameters,
      fn.parameters,
      fn.type,
      block,
    );
  }
  if (ts.isGetAccessorDeclaration(fn)) {
    return f.updateGetAccessorDeclaration(fn, fn.modifiers, fn.name, fn.parameters, fn.type, block);
  }
  if (ts.isSetAccessorDeclaration(fn)) {
    return f.updateSetAccessorDeclaration(fn, fn.modifiers, fn.name, fn.parameters, block);
  }
  return f.updateConstructorDeclaration(fn, fn.modifiers, fn.parameters, block);
}
