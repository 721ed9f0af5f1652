/**
 * What the output target allows. Below ES2015 TypeScript lowers the arrow an
 * async body moves into (wrap-async.ts) to a plain `function`, and `arguments`
 * in the body then reads that inner function's (empty) arguments:
 * `arguments.length` is 0 instead of 2. Such a function is left as written,
 * with a build warning that says how to trace it, rather than traced wrongly.
 * A sync body stays in place and generators pass `arguments` on themselves
 * (wrap-generator.ts), so only async functions are asked here
 * (test/e2e/target-es5.test.ts builds ES5 with tspc).
 */
import type * as ts from "typescript";
import { ownReferences } from "./body-scan";

type TS = typeof ts;

/** Why an async function cannot be traced for this output, or undefined when it can. */
export function targetWrapProblem(
  ts: TS,
  options: ts.CompilerOptions,
  body: ts.ConciseBody | undefined,
): string | undefined {
  const target = emitTarget(ts, options);
  if (target >= ts.ScriptTarget.ES2015 || !body || !ownReferences(ts, body).arguments) {
    return undefined;
  }
  const name = ts.ScriptTarget[target] ?? String(target);
  return (
    `its body reads \`arguments\`, and under target ${name} the traced body would run in an ` +
    `inner function whose \`arguments\` is empty; set "target": "ES2015" or later in ` +
    `tsconfig.json to trace it, or use a rest parameter instead of \`arguments\``
  );
}

/** The target TypeScript emits for: `target`, or its default (ES5 in TS 5, ESNext under nodenext). */
function emitTarget(ts: TS, options: ts.CompilerOptions): ts.ScriptTarget {
  // Not in the public typings, but how TypeScript itself resolves an unset target.
  const resolve = (ts as { getEmitScriptTarget?: (o: ts.CompilerOptions) => ts.ScriptTarget })
    .getEmitScriptTarget;
  return resolve ? resolve(options) : (options.target ?? ts.ScriptTarget.ES5);
}
