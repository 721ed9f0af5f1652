/**
 * Generators cannot move their body into an arrow (arrows cannot `yield`), so
 * the body moves into an inner generator that takes the same `this`:
 *
 *   function* g(a) { BODY }
 *     => function* g(a) { return yield* RT.traceGenerator(SITE, { g: function* () { BODY } }.g.call(this), [a]); }
 *
 * `yield*` forwards next/throw/return both ways and hands back the inner
 * return value, and g stays a generator function with its name and length.
 * Holding the inner generator in a property named `g` gives its stack frames
 * g's name (see wrap-async.ts).
 * `arguments` is passed along with `.apply(this, arguments)` when the body
 * reads it. A body that uses `super` cannot move into a plain function, so
 * such a generator is left as written (plan/function-plan.ts says why).
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import { EMITTED } from "../../contract";
import { splitStatements, withBody } from "./function-body";
import { namedAfter } from "./wrap-async";
import { argsArray, type Wrap } from "./wrap-body";

export const wrapGenerator: Wrap = (ts, fn, plan) => {
  const f = ts.factory;
  const body = fn.body as ts.Block;
  const { kept, wrapped } = splitStatements(ts, body.statements, false);
  const innerBody = f.updateBlock(body, wrapped);
  const { redeclared, refs, identity, innerName } = plan.fn;

  const inner = f.createFunctionExpression(
    identity.isAsync ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined,
    f.createToken(ts.SyntaxKind.AsteriskToken),
    undefined,
    undefined,
    redeclared.map((name) => f.createParameterDeclaration(undefined, undefined, name)),
    undefined,
    innerBody,
  );
  const generatorObject = callWithThis(
    ts,
    namedAfter(ts, innerName, inner),
    redeclared,
    refs.arguments,
  );
  const callee = f.createPropertyAccessExpression(
    plan.runtime,
    identity.isAsync ? EMITTED.traceAsyncGenerator : EMITTED.traceGenerator,
  );
  const args = [plan.site, generatorObject, ...argsArray(ts, plan)];
  const delegate = f.createYieldExpression(
    f.createToken(ts.SyntaxKind.AsteriskToken),
    f.createCallExpression(callee, undefined, args),
  );
  const returnStatement = f.createReturnStatement(delegate);
  ts.setSourceMapRange(returnStatement, { pos: body.pos, end: body.end });
  return withBody(ts, fn, f.createBlock([...kept, returnStatement], true));
};

/** `{ g: function* () {...} }.g.call(this, a)` or `.apply(this, arguments)`. */
function callWithThis(
  ts: TS,
  target: ts.Expression,
  passed: readonly string[],
  readsArguments: boolean,
): ts.Expression {
  const f = ts.factory;
  if (readsArguments) {
    return f.createCallExpression(f.createPropertyAccessExpression(target, "apply"), undefined, [
      f.createThis(),
      f.createIdentifier("arguments"),
    ]);
  }
  return f.createCallExpression(f.createPropertyAccessExpression(target, "call"), undefined, [
    f.createThis(),
    ...passed.map((name) => f.createIdentifier(name)),
  ]);
}
