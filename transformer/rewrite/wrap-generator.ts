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
 * such a generator is left as written (the caller warns).
 */
import type * as ts from "typescript";
import { EMITTED } from "../../contract";
import type { InstrumentableFunction } from "../match/function-identity";
import { bodyVarNames, parameterNames } from "./binding-names";
import { ownReferences } from "./body-scan";
import { splitStatements, withBody } from "./function-body";
import { namedAfter } from "./wrap-async";
import { callValues, type WrapPlan } from "./wrap-body";

type TS = typeof ts;

/** Why a generator cannot be wrapped, or undefined when it can. */
export function generatorWrapProblem(ts: TS, fn: InstrumentableFunction): string | undefined {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return undefined;
  const refs = ownReferences(ts, body);
  if (refs.super) return "its body uses `super`, which cannot move into the inner generator";
  const redeclared = bodyVarNames(ts, body).filter((n) =>
    parameterNames(ts, fn.parameters).includes(n),
  );
  if (refs.arguments && redeclared.length > 0) {
    return "its body both reads `arguments` and redeclares a parameter with `var`";
  }
  return undefined;
}

export function wrapGenerator(
  ts: TS,
  fn: InstrumentableFunction,
  plan: WrapPlan,
): InstrumentableFunction {
  const f = ts.factory;
  const body = fn.body as ts.Block;
  const params = parameterNames(ts, fn.parameters);
  const { kept, wrapped } = splitStatements(ts, body.statements, false);
  const innerBody = f.updateBlock(body, wrapped);
  const redeclared = bodyVarNames(ts, innerBody).filter((n) => params.includes(n));

  const inner = f.createFunctionExpression(
    plan.isAsync ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined,
    f.createToken(ts.SyntaxKind.AsteriskToken),
    undefined,
    undefined,
    redeclared.map((name) => f.createParameterDeclaration(undefined, undefined, name)),
    undefined,
    innerBody,
  );
  const generatorObject = callWithThis(
    ts,
    namedAfter(ts, plan.name, inner),
    redeclared,
    ownReferences(ts, innerBody).arguments,
  );
  const callee = f.createPropertyAccessExpression(
    plan.runtime,
    plan.isAsync ? EMITTED.traceAsyncGenerator : EMITTED.traceGenerator,
  );
  const args: ts.Expression[] = [plan.site, generatorObject];
  const values = callValues(ts, plan, params);
  if (values) args.push(values);
  const delegate = f.createYieldExpression(
    f.createToken(ts.SyntaxKind.AsteriskToken),
    f.createCallExpression(callee, undefined, args),
  );
  const returnStatement = f.createReturnStatement(delegate);
  ts.setSourceMapRange(returnStatement, { pos: body.pos, end: body.end });
  return withBody(ts, fn, f.createBlock([...kept, returnStatement], true));
}

/** `{ g: function* () {...} }.g.call(this, a)` or `.apply(this, arguments)`. */
function callWithThis(
  ts: TS,
  target: ts.Expression,
  passed: string[],
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
