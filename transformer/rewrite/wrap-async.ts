/**
 * Async functions. Their body cannot stay in place the way a sync body does:
 * the span's context must be active across the body's `await`s, yet the
 * caller's code after the call (run when the body first suspends) must see
 * the caller's own context again. So the body starts as an inner async arrow
 * inside the span's context, and the caller's context comes back as soon as
 * the arrow has returned its promise:
 *
 *   async function f(a) { BODY }
 *     => async function f(a) {
 *          const __autotrace_c = RT.enter(SITE, [a]);
 *          try {
 *            return RT.returned(__autotrace_c, await RT.suspend(__autotrace_c,
 *              { f: async () => { BODY } }.f.call(this)));
 *          } catch (...) { ... } finally { ... }     // as for sync functions (wrap-body.ts)
 *        }
 *
 * An arrow keeps `this`, `arguments`, `new.target` and `super`. Holding it in
 * a property named like the function and calling it with the function's
 * `this` gives its stack frames the function's own name
 * (`at UserService.getUser`, `at async UserService.getUser`). What remains is
 * one extra `at async` frame of the same name and one extra microtask tick:
 * the outer function's `await`.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import { EMITTED } from "../../contract";
import type { InstrumentableFunction } from "../match/function-identity";
import { splitStatements, withBody } from "./function-body";
import { exitWithCall, runtimeCall, spanAround, type Wrap, type WrapPlan } from "./wrap-body";

export const wrapAsync: Wrap = (ts, fn, plan) => {
  const f = ts.factory;
  const body = fn.body!;
  const { kept, wrapped } = ts.isBlock(body)
    ? splitStatements(ts, body.statements, false)
    : { kept: [], wrapped: undefined };
  const innerBody = wrapped === undefined ? body : f.updateBlock(body as ts.Block, wrapped);
  const started = runtimeCall(ts, plan, EMITTED.suspend, [
    plan.scope,
    startInner(ts, fn, plan, innerBody),
  ]);
  const statement = f.createReturnStatement(
    exitWithCall(ts, plan, f.createAwaitExpression(started)),
  );
  ts.setSourceMapRange(statement, body);
  return withBody(ts, fn, f.createBlock([...kept, ...spanAround(ts, plan, fn, [statement])], true));
};

/**
 * `{ f: async () => BODY }.f.call(this)`. A body that redeclares a parameter
 * with `var` or `function` (`var a = a || 1`) would start that `var` as
 * undefined in the arrow's own scope, so the arrow takes those parameters.
 */
function startInner(
  ts: TS,
  fn: InstrumentableFunction,
  plan: WrapPlan,
  body: ts.ConciseBody,
): ts.Expression {
  const f = ts.factory;
  const passed = plan.fn.redeclared;
  const arrow = f.createArrowFunction(
    [f.createModifier(ts.SyntaxKind.AsyncKeyword)],
    undefined,
    passed.map((name) => f.createParameterDeclaration(undefined, undefined, name)),
    undefined,
    f.createToken(ts.SyntaxKind.EqualsGreaterThanToken),
    body,
  );
  const args = passed.map((name) => f.createIdentifier(name));
  // An arrow's `this` is its own: only a non-arrow function has a receiver to show.
  const receiver = ts.isArrowFunction(fn) ? [] : [f.createThis()];
  return f.createCallExpression(
    f.createPropertyAccessExpression(namedAfter(ts, plan.fn.innerName, arrow), "call"),
    undefined,
    [...receiver, ...args],
  );
}

/**
 * `{ name: fn }.name`: the function value, named `name` for stack traces
 * (a property key names an anonymous function), or `(fn)` when it has none.
 */
export function namedAfter(ts: TS, name: string | undefined, value: ts.Expression): ts.Expression {
  const f = ts.factory;
  if (name === undefined || name === "__proto__") return f.createParenthesizedExpression(value);
  const key = /^[A-Za-z_$][\w$]*$/.test(name)
    ? f.createIdentifier(name)
    : f.createStringLiteral(name);
  const holder = f.createObjectLiteralExpression([f.createPropertyAssignment(key, value)]);
  return ts.isIdentifier(key)
    ? f.createPropertyAccessExpression(holder, key)
    : f.createElementAccessExpression(holder, f.createStringLiteral(name));
}
