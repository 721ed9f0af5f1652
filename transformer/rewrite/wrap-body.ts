/**
 * The one place that builds *what* is inserted into a traced sync function:
 * the body stays where it is, with the span around it.
 *
 *   function f(a) { BODY }
 *     => function f(a) {
 *          const __autotrace_c = RT.enter(SITE, [a]);
 *          try { BODY, with `return x` as `return RT.exitWith(__autotrace_c, x)`; RT.exit(__autotrace_c); }
 *          catch (__autotrace_e) { RT.threw(__autotrace_c, __autotrace_e); throw __autotrace_e; }
 *        }
 *   (a) => EXPR   => (a) => { const __autotrace_c = ...; try { return RT.exitWith(__autotrace_c, EXPR); } ... }
 *
 * A body with a `finally` or `using` of its own gets `finally { RT.exit(c); }`
 * instead, so the span ends after that code (reportingReturns below). Nothing
 * moves, so `this`, `arguments`, `new.target`, `super`, the function's own
 * name on its stack frame and the recursion depth stay as written. Async
 * functions and generators are built in wrap-async.ts and wrap-generator.ts.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import { EMITTED, type EmittedApi } from "../../contract";
import type { InstrumentableFunction } from "../match/function-identity";
import type { FunctionPlan } from "../plan/function-plan";
import { rewriteReturns, runsAfterReturn, splitStatements, withBody } from "./function-body";

export interface WrapPlan {
  runtime: ts.Identifier;
  site: ts.Identifier;
  /** The per-call scope variable and the catch variable: one generated name per file each. */
  scope: ts.Identifier;
  caught: ts.Identifier;
  transformation: ts.TransformationContext;
  /** The function's facts, computed once (plan/function-plan.ts). */
  fn: FunctionPlan;
  /** The body's `return x` must tell the runtime x (includeResult, followPromises). */
  reportReturns: boolean;
}

/** A builder (sync here, wrap-async.ts, wrap-generator.ts): the function with its span inserted. */
export type Wrap = (ts: TS, fn: InstrumentableFunction, plan: WrapPlan) => InstrumentableFunction;

export const wrapFunction: Wrap = (ts, fn, plan) => {
  const f = ts.factory;
  const body = fn.body!;
  if (!ts.isBlock(body)) {
    const statement = f.createReturnStatement(exitWithCall(ts, plan, body));
    ts.setSourceMapRange(statement, body);
    return withBody(ts, fn, f.createBlock(spanAround(ts, plan, fn, [statement]), true));
  }
  const { kept, wrapped } = splitStatements(ts, body.statements, plan.fn.isDerivedConstructor);
  const span = runsAfterReturn(ts, wrapped)
    ? spanAround(ts, plan, fn, reportingReturns(ts, plan, wrapped), exitStatement(ts, plan))
    : spanAround(ts, plan, fn, exitingAtReturns(ts, plan, wrapped));
  return withBody(ts, fn, f.updateBlock(body, [...kept, ...span]));
};

/**
 * The common case: no code of the body runs after its `return`s, so each
 * `return x` ends the call itself (`return RT.exitWith(c, x)`), and so does a
 * last `RT.exit(c)` when the body can end without one. No `finally` is
 * needed, which V8 compiles to nothing on the normal path and to no extra
 * stack slot: untraced calls cost what the plain function costs.
 */
function exitingAtReturns(ts: TS, plan: WrapPlan, body: readonly ts.Statement[]): ts.Statement[] {
  const wrap = (value: ts.Expression) => exitWithCall(ts, plan, value);
  const statements = rewriteReturns(ts, plan.transformation, body, wrap, true);
  // Function declarations after the last statement do not run: they are hoisted.
  const last = body.filter((s) => !ts.isFunctionDeclaration(s)).at(-1);
  if (last !== undefined && (ts.isReturnStatement(last) || ts.isThrowStatement(last))) {
    return statements;
  }
  return [...statements, exitStatement(ts, plan)];
}

/**
 * A body with its own `finally` (or `using`) runs code after a `return`: the
 * span must end after it, in the emitted `finally`, and a `return x` only
 * hands the runtime x (`return RT.returned(c, x)`).
 */
function reportingReturns(ts: TS, plan: WrapPlan, body: readonly ts.Statement[]): ts.Statement[] {
  if (!plan.reportReturns) return [...body];
  const wrap = (value: ts.Expression) =>
    runtimeCall(ts, plan, EMITTED.returned, [plan.scope, value]);
  return rewriteReturns(ts, plan.transformation, body, wrap);
}

/** `RT.exit(__autotrace_c);` */
function exitStatement(ts: TS, plan: WrapPlan): ts.Statement {
  return ts.factory.createExpressionStatement(runtimeCall(ts, plan, EMITTED.exit, [plan.scope]));
}

/**
 * `const c = RT.enter(SITE, [args]); try { ... } catch (e) { RT.threw(c, e); throw e; }`,
 * with `finally { RT.exit(c); }` when given; shared with async functions.
 */
export function spanAround(
  ts: TS,
  plan: WrapPlan,
  fn: InstrumentableFunction,
  statements: readonly ts.Statement[],
  onExit?: ts.Statement,
): ts.Statement[] {
  const f = ts.factory;
  const declaration = f.createVariableDeclaration(
    plan.scope,
    undefined,
    undefined,
    runtimeCall(ts, plan, EMITTED.enter, [plan.site, ...argsArray(ts, plan)]),
  );
  const enter = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([declaration], ts.NodeFlags.Const),
  );
  const onThrow = f.createCatchClause(
    plan.caught,
    f.createBlock(
      [
        f.createExpressionStatement(
          runtimeCall(ts, plan, EMITTED.threw, [plan.scope, plan.caught]),
        ),
        rethrow(ts, plan, fn),
      ],
      true,
    ),
  );
  const finallyBlock = onExit === undefined ? undefined : f.createBlock([onExit], true);
  return [enter, f.createTryStatement(f.createBlock(statements, true), onThrow, finallyBlock)];
}

/**
 * `throw e;`, mapped to the function's name. Node's banner for an uncaught
 * error quotes the line of the last `throw`, this one; under source maps
 * (`--enable-source-maps`) it then shows the function the error left,
 * rather than whichever body line the previous mapping happened to be.
 */
function rethrow(ts: TS, plan: WrapPlan, fn: InstrumentableFunction): ts.Statement {
  const statement = ts.factory.createThrowStatement(plan.caught);
  const origin = ts.getOriginalNode(fn) as InstrumentableFunction;
  const at = origin.name ?? origin;
  if (at.pos >= 0) ts.setSourceMapRange(statement, { pos: at.pos, end: at.end });
  return statement;
}

/**
 * `[a, b]`, or `[a, b, this]` for `$this` paths: the call's values, as the last
 * argument of a runtime call; nothing when none are passed.
 */
export function argsArray(ts: TS, plan: WrapPlan): ts.Expression[] {
  const f = ts.factory;
  const values: ts.Expression[] = (plan.fn.recordedArgs ?? []).map((n) => f.createIdentifier(n));
  if (plan.fn.passesThis) values.push(f.createThis());
  return values.length > 0 ? [f.createArrayLiteralExpression(values)] : [];
}

/** `RT.exitWith(__autotrace_c, value)`: ends the call with value, which it returns. */
export function exitWithCall(ts: TS, plan: WrapPlan, value: ts.Expression): ts.Expression {
  return runtimeCall(ts, plan, EMITTED.exitWith, [plan.scope, value]);
}

export function runtimeCall(
  ts: TS,
  plan: WrapPlan,
  name: keyof EmittedApi<unknown>,
  args: ts.Expression[],
): ts.Expression {
  const f = ts.factory;
  return f.createCallExpression(
    f.createPropertyAccessExpression(plan.runtime, name),
    undefined,
    args,
  );
}
