/* Folder transformer/plan/: What is known about one traced function before it is rewritten,
 * computed once: parameter names, what its body declares and reads, whether the target can take
 * the rewrite, its span name. */
/** Names bound by parameters and by a body's own `var`/function declarations. */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";

/** Every identifier a parameter list binds, destructuring included; `this` is not a parameter. */
export function parameterNames(ts: TS, parameters: readonly ts.ParameterDeclaration[]): string[] {
  const names: string[] = [];
  for (const parameter of parameters) {
    if (ts.isIdentifier(parameter.name) && parameter.name.text === "this") continue;
    collectBindingNames(ts, parameter.name, names);
  }
  return names;
}

function collectBindingNames(ts: TS, name: ts.BindingName, into: string[]): void {
  if (ts.isIdentifier(name)) {
    into.push(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) collectBindingNames(ts, element.name, into);
  }
}

/**
 * Names a function body declares in the function's own scope: `var` anywhere
 * outside nested functions, and top-level function declarations.
 */
export function bodyVarNames(ts: TS, body: ts.Block): string[] {
  const names: string[] = [];
  for (const statement of body.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.push(statement.name.text);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.BlockScoped) === 0) {
      node.declarations.forEach((d) => collectBindingNames(ts, d.name, names));
    }
    ts.forEachChild(node, visit);
  };
  body.statements.forEach(visit);
  return names;
}
