/**
 * How a file reaches the runtime. A module gets `import * as RT from "ts-autotrace"`,
 * which TypeScript then lowers to `require` or keeps as ESM to suit the output.
 * A script (no import or export) must not become a module, so it gets a `require`.
 */
import type * as ts from "typescript";

export function runtimeImport(
  ts: typeof import("typescript"),
  sourceFile: ts.SourceFile,
  name: ts.Identifier,
  moduleName: string,
): ts.Statement {
  const f = ts.factory;
  if (ts.isExternalModule(sourceFile)) {
    const clause = f.createImportClause(false, undefined, f.createNamespaceImport(name));
    return f.createImportDeclaration(undefined, clause, f.createStringLiteral(moduleName));
  }
  const require = f.createCallExpression(f.createIdentifier("require"), undefined, [
    f.createStringLiteral(moduleName),
  ]);
  return f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([
      f.createVariableDeclaration(name, undefined, undefined, require),
    ]),
  );
}
