/**
 * The one place that builds *what* is inserted into a traced function:
 *
 *   function f(a) { BODY }
 *     => function f(a) { return RT.trace(SITE, () => { BODY }, [a]); }
 *   async function f(a) { BODY }
 *     => async function f(a) { return await RT.traceAsync(SITE, async () => { BODY }, [a]); }
 *   (a) => EXPR
 *     => (a) => RT.trace(SITE, () => EXPR, [a])
 *
 * The body moves into an arrow so `this`, `arguments`, `new.target` and `super`
 * keep meaning what they meant. The function node itself is updated, not
 * replaced, so its name, `length`, parameters and modifiers stay as written.
 */
import type * as ts from "typescript";
import { EMITTED } from "../../contract";
import type { InstrumentableFunction } from "../match/function-identity";
import { bodyVarNames, parameterNames } from "./binding-names";
import { splitStatements, withBody } from "./function-body";

type TS = typeof ts;

export interface WrapPlan {
  runtime: ts.Identifier;
  site: ts.Identifier;
  isAsync: boolean;
  /** Pass the parameters' values so the runtime can record `args.<name>`. */
  captureArgs: boolean;
  /** Pass `this` after them, for `$this` attribute paths. */
  captureThis?: boolean;
  /** `super(...)` must run before the span can see `this`; it stays outside. */
  isDerivedConstructor: boolean;
}

export function wrapFunction(
  ts: TS,
  fn: InstrumentableFunction,
  plan: WrapPlan,
): InstrumentableFunction {
  const body = fn.body!;
  const names = parameterNames(ts, fn.parameters);
  if (!ts.isBlock(body)) {
    return withBody(ts, fn, tracedCall(ts, fn, plan, names, body));
  }
  const { kept, wrapped } = splitStatements(ts, body.statements, plan.isDerivedConstructor);
  const innerBody = ts.factory.updateBlock(body, wrapped);
  const returnStatement = ts.factory.createReturnStatement(
    tracedCall(ts, fn, plan, names, innerBody),
  );
  ts.setSourceMapRange(returnStatement, { pos: body.pos, end: body.end });
  return withBody(ts, fn, ts.factory.createBlock([...kept, returnStatement], true));
}

/** `RT.trace(SITE, () => BODY, [args])`, awaited for async functions. */
function tracedCall(
  ts: TS,
  fn: InstrumentableFunction,
  plan: WrapPlan,
  params: string[],
  body: ts.ConciseBody,
): ts.Expression {
  const f = ts.factory;
  const callee = f.createPropertyAccessExpression(
    plan.runtime,
    plan.isAsync ? EMITTED.traceAsync : EMITTED.trace,
  );
  const args: ts.Expression[] = [plan.site, bodyClosure(ts, plan.isAsync, params, body)];
  const values = callValues(ts, plan, params);
  if (values) args.push(values);
  const call = f.createCallExpression(callee, undefined, args);
  return plan.isAsync ? f.createAwaitExpression(call) : call;
}

/** `[a, b]`, or `[a, b, this]` for `$this` paths; undefined when nothing is passed. */
export function callValues(
  ts: TS,
  plan: WrapPlan,
  params: string[],
): ts.ArrayLiteralExpression | undefined {
  const f = ts.factory;
  const values: ts.Expression[] = plan.captureArgs ? params.map((n) => f.createIdentifier(n)) : [];
  if (plan.captureThis) values.push(f.createThis());
  return values.length > 0 ? f.createArrayLiteralExpression(values) : undefined;
}

/**
 * `() => BODY`. When the body redeclares a parameter with `var` or `function`
 * (`function f(a) { var a = a || 1 }`), a plain arrow would start that `var`
 * as undefined; so the arrow takes those parameters itself, as the original
 * function scope did: `() => ((a) => BODY)(a)`.
 */
function bodyClosure(
  ts: TS,
  isAsync: boolean,
  params: string[],
  body: ts.ConciseBody,
): ts.ArrowFunction {
  const f = ts.factory;
  const modifiers = isAsync ? [f.createModifier(ts.SyntaxKind.AsyncKeyword)] : undefined;
  const redeclared = ts.isBlock(body)
    ? bodyVarNames(ts, body).filter((n) => params.includes(n))
    : [];
  if (redeclared.length === 0) return arrow(ts, modifiers, [], body);

  const parameters = redeclared.map((name) =>
    f.createParameterDeclaration(undefined, undefined, name),
  );
  const inner = arrow(ts, modifiers, parameters, body);
  const call = f.createCallExpression(
    f.createParenthesizedExpression(inner),
    undefined,
    redeclared.map((name) => f.createIdentifier(name)),
  );
  return arrow(ts, undefined, [], call);
}

function arrow(
  ts: TS,
  modifiers: ts.Modifier[] | undefined,
  parameters: ts.ParameterDeclaration[],
  body: ts.ConciseBody,
): ts.ArrowFunction {
  const f = ts.factory;
  const token = f.createToken(ts.SyntaxKind.EqualsGreaterThanToken);
  return f.createArrowFunction(modifiers, undefined, parameters, undefined, token, body);
}
