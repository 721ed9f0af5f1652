import type * as ts from "typescript";

/** How many leading statements are directives ("use strict"), which must stay first. */
export function prologueLength(
  ts: typeof import("typescript"),
  statements: readonly ts.Statement[],
): number {
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
