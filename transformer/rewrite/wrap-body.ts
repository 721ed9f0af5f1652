/**
 * The one place that builds *what* is inserted into a traced sync function:
 * the body stays where it is, with the span around it.
 *
 *   function f(a) { BODY }
 *     => function f(a) {
 *          const __autotrace_c = RT.enter(SITE, [a]);
 *          try { BODY }
 *          catch (__autotrace_e) { RT.threw(__autotrace_c, __autotrace_e); throw __autotrace_e; }
 *          finally { RT.exit(__autotrace_c); }
 *        }
 *   (a) => EXPR   => (a) => { const __autotrace_c = ...; try { return EXPR; } ... }
 *
 * Nothing moves, so `this`, `arguments`, `new.target`, `super`, the function's
 * own name on its stack frame and the recursion depth stay as written. When
 * the rule records results or follows returned promises, the body's own
 * `return x` becomes `return RT.returned(__autotrace_c, x)`. Async functions
 * and generators are built in wrap-async.ts and wrap-generator.ts.
 */
import type * as ts from "typescript";
import { EMITTED, type EmittedApi } from "../../contract";
import type { InstrumentableFunction } from "../match/function-identity";
import { parameterNames } from "./binding-names";
import { rewriteReturns, splitStatements, withBody } from "./function-body";

type TS = typeof ts;

export interface WrapPlan {
  runtime: ts.Identifier;
  site: ts.Identifier;
  /** The per-call scope variable and the catch variable: one generated name per file each. */
  scope: ts.Identifier;
  caught: ts.Identifier;
  transformation: ts.TransformationContext;
  isAsync: boolean;
  /** Pass the parameters' values so the runtime can record `args.<name>`. */
  captureArgs: boolean;
  /** The body's `return x` must tell the runtime x (includeResult, followPromises). */
  reportReturns: boolean;
  /** `super(...)` must run before the span can see `this`; it stays outside. */
  isDerivedConstructor: boolean;
  /** The function's own name, for the inner function of async functions and generators. */
  name: string | undefined;
}

export function wrapFunction(
  ts: TS,
  fn: InstrumentableFunction,
  plan: WrapPlan,
): InstrumentableFunction {
  const f = ts.factory;
  const body = fn.body!;
  if (!ts.isBlock(body)) {
    const value = plan.reportReturns ? returnedCall(ts, plan, body) : body;
    const statement = f.createReturnStatement(value);
    ts.setSourceMapRange(statement, body);
    return withBody(ts, fn, f.createBlock(spanAround(ts, fn, plan, [statement]), true));
  }
  const { kept, wrapped } = splitStatements(ts, body.statements, plan.isDerivedConstructor);
  const statements = plan.reportReturns
    ? rewriteReturns(ts, plan.transformation, wrapped, (value) => returnedCall(ts, plan, value))
    : wrapped;
  const block = f.updateBlock(body, [...kept, ...spanAround(ts, fn, plan, statements)]);
  return withBody(ts, fn, block);
}

/**
 * `const c = RT.enter(SITE, [args]); try { ... } catch (e) { RT.threw(c, e); throw e; }
 * finally { RT.exit(c); }`, shared with async functions.
 */
export function spanAround(
  ts: TS,
  fn: InstrumentableFunction,
  plan: WrapPlan,
  statements: readonly ts.Statement[],
): ts.Statement[] {
  const f = ts.factory;
  const enterArgs: ts.Expression[] = [plan.site];
  const params = plan.captureArgs ? parameterNames(ts, fn.parameters) : [];
  if (params.length > 0) {
    enterArgs.push(f.createArrayLiteralExpression(params.map((n) => f.createIdentifier(n))));
  }
  const declaration = f.createVariableDeclaration(
    plan.scope,
    undefined,
    undefined,
    runtimeCall(ts, plan, EMITTED.enter, enterArgs),
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
        f.createThrowStatement(plan.caught),
      ],
      true,
    ),
  );
  const onExit = f.createBlock(
    [f.createExpressionStatement(runtimeCall(ts, plan, EMITTED.exit, [plan.scope]))],
    true,
  );
  return [enter, f.createTryStatement(f.createBlock(statements, true), onThrow, onExit)];
}

/** `RT.returned(__autotrace_c, value)` */
export function returnedCall(ts: TS, plan: WrapPlan, value: ts.Expression): ts.Expression {
  return runtimeCall(ts, plan, EMITTED.returned, [plan.scope, value]);
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
