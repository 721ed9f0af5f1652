/**
 * Everything the rewrite needs to know about one traced function, computed
 * once from the function as written and read by every builder (wrap-body.ts,
 * wrap-async.ts, wrap-generator.ts) and by the CLI's dry run, so the build
 * and `ts-autotrace list` agree on what is left as written.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import type { CallReads } from "../components/call-reads";
import type { FunctionIdentity, InstrumentableFunction } from "../match/function-identity";
import { bodyVarNames, parameterNames } from "./binding-names";
import { ownReferences, type OwnReferences } from "./body-scan";
import { targetWrapProblem } from "./target-support";

export interface FunctionPlan {
  readonly identity: FunctionIdentity;
  /** Every name the parameter list binds, destructuring included. */
  readonly parameterNames: readonly string[];
  /**
   * The parameter names the site lists and whose values each call passes
   * (`includeArgs`, `$args` paths); undefined when the rule reads none. Set by
   * withCallReads() once the function is known to be traced.
   */
  readonly recordedArgs: readonly string[] | undefined;
  /** `this` is passed after them, for `$this` paths (never before a derived constructor's super()). */
  readonly passesThis: boolean;
  /**
   * Parameters the body redeclares with `var` or `function`: a body that moves
   * into an inner function (async, generator) must take them as its own
   * parameters. Empty for sync functions, whose body stays in place.
   */
  readonly redeclared: readonly string[];
  /** The body's own `arguments` and `super` (asked only of bodies that move). */
  readonly refs: OwnReferences;
  /** `super(...)` must run before the span can see `this`; it stays outside. */
  readonly isDerivedConstructor: boolean;
  /** The function's own name, for the inner function's stack frames; undefined for accessors. */
  readonly innerName: string | undefined;
}

const NO_REFS: OwnReferences = { arguments: false, super: false };

export function planFunction(
  ts: TS,
  fn: InstrumentableFunction,
  identity: FunctionIdentity,
): FunctionPlan {
  const names = parameterNames(ts, fn.parameters);
  const moves = identity.isAsync || identity.isGenerator;
  const block = fn.body !== undefined && ts.isBlock(fn.body) ? fn.body : undefined;
  return {
    identity,
    parameterNames: names,
    recordedArgs: undefined,
    passesThis: false,
    redeclared: moves && block ? bodyVarNames(ts, block).filter((n) => names.includes(n)) : [],
    refs: moves && fn.body ? ownReferences(ts, fn.body) : NO_REFS,
    isDerivedConstructor: identity.isConstructor && isDerivedClass(ts, fn.parent),
    innerName: identity.kind === "getter" || identity.kind === "setter" ? undefined : identity.name,
  };
}

/** The plan with what the rule reads of each call (components/call-reads.ts). */
export function withCallReads(plan: FunctionPlan, reads: CallReads): FunctionPlan {
  // `this` before a derived constructor's super() throws; $this is then absent.
  const passesThis = reads.needsThis && !plan.isDerivedConstructor;
  return { ...plan, recordedArgs: reads.args, passesThis };
}

/**
 * Why the function must be left as written, or undefined when it can be traced.
 * A sync body stays in place, so its `arguments` is right under any target.
 */
export function wrapProblem(
  ts: TS,
  plan: FunctionPlan,
  options: ts.CompilerOptions,
): string | undefined {
  if (plan.identity.isGenerator) return generatorProblem(plan);
  if (plan.identity.isAsync) return targetWrapProblem(ts, options, plan.refs);
  return undefined;
}

/** A generator's body moves into an inner `function*`, which has no `super`. */
function generatorProblem({ refs, redeclared }: FunctionPlan): string | undefined {
  if (refs.super) return "its body uses `super`, which cannot move into the inner generator";
  if (refs.arguments && redeclared.length > 0) {
    return "its body both reads `arguments` and redeclares a parameter with `var`";
  }
  return undefined;
}

function isDerivedClass(ts: TS, node: ts.Node | undefined): boolean {
  return (
    node !== undefined &&
    ts.isClassLike(node) &&
    (node.heritageClauses ?? []).some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
  );
}
