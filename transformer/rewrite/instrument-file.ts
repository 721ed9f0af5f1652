/**
 * Rewrites one source file: match/file-matches.ts finds its traced functions
 * (identity + first matching rule + ignore comments) without changing
 * anything; then only the nodes that hold one are visited, and each traced
 * function is planned once (plan/function-plan.ts) and handed to wrap-body,
 * wrap-async or wrap-generator. Files no rule takes, or with no traced
 * function, are returned untouched without being visited.
 */
import type * as ts from "typescript";
import * as path from "node:path";
import { relativeToRoot } from "../match/compiled-rules";
import type { InstrumentableFunction } from "../match/function-identity";
import type { FileMatches, MatchedFunction } from "../match/file-matches";
import type { ProgramContext } from "../program-context";
import { planFunction, withCallReads, wrapProblem } from "../plan/function-plan";
import { readsFromCall } from "../components/call-reads";
import { ruleSources } from "../components/rule-sources";
import { prologueLength } from "./function-body";
import { isFileIgnored } from "../match/ignore-comments";
import { runtimeImport } from "./runtime-import";
import { spanName } from "../plan/span-name";
import { SiteTable } from "./site-table";
import { wrapAsync } from "./wrap-async";
import { wrapFunction } from "./wrap-body";
import { wrapGenerator } from "./wrap-generator";

const RUNTIME_NAME = "__autotrace";

export function instrumentSourceFile(
  context: ProgramContext,
  transformation: ts.TransformationContext,
  sourceFile: ts.SourceFile,
): ts.SourceFile {
  const { ts, config, reporter } = context;
  if (sourceFile.isDeclarationFile) return sourceFile;
  const file = relativeToRoot(config.rootDir, path.resolve(sourceFile.fileName));
  const rules = context.rulesFor(file);
  try {
    if (rules === undefined || isFileIgnored(ts, sourceFile)) return sourceFile;
    const matches = context.matches.take(sourceFile, rules);
    if (matches === undefined) return sourceFile;
    return new FileInstrumenter(context, transformation, sourceFile, file, matches).run();
  } finally {
    reporter.fileDone(sourceFile.fileName);
  }
}

class FileInstrumenter {
  private readonly ts: ProgramContext["ts"];
  private readonly runtime: ts.Identifier;
  private readonly sites: SiteTable;
  /** One generated name each for every traced function's scope and catch variables. */
  private readonly scopeName: ts.Identifier;
  private readonly caughtName: ts.Identifier;

  constructor(
    private readonly context: ProgramContext,
    private readonly transformation: ts.TransformationContext,
    private readonly sourceFile: ts.SourceFile,
    private readonly file: string,
    private readonly matches: FileMatches,
  ) {
    this.ts = context.ts;
    this.runtime = this.uniqueName(RUNTIME_NAME);
    this.scopeName = this.uniqueName(`${RUNTIME_NAME}_c`);
    this.caughtName = this.uniqueName(`${RUNTIME_NAME}_e`);
    const uniqueName = (text: string) => this.uniqueName(text);
    this.sites = new SiteTable(this.ts, this.runtime, uniqueName, file, context.config.serviceName);
  }

  run(): ts.SourceFile {
    const visited = this.ts.visitEachChild(this.sourceFile, this.visit, this.transformation);
    if (this.sites.isEmpty) return this.sourceFile;
    const statements = visited.statements;
    const split = prologueLength(this.ts, statements);
    const runtimeStatement = runtimeImport(
      this.ts,
      this.sourceFile,
      this.runtime,
      this.context.runtimeModule,
    );
    return this.ts.factory.updateSourceFile(visited, [
      ...statements.slice(0, split),
      runtimeStatement,
      ...this.sites.declarations(),
      ...statements.slice(split),
    ]);
  }

  /** Subtrees with no traced function are returned as they are, unvisited. */
  private readonly visit = (node: ts.Node): ts.Node => {
    if (!this.matches.onPath.has(node)) return node;
    const visited = this.ts.visitEachChild(node, this.visit, this.transformation);
    const match = this.matches.functions.get(node);
    if (match === undefined) return visited;
    return this.instrument(
      node as InstrumentableFunction,
      visited as InstrumentableFunction,
      match,
    );
  };

  /** `original` has parents and positions; `visited` has its nested functions already wrapped. */
  private instrument(
    original: InstrumentableFunction,
    visited: InstrumentableFunction,
    { identity, rule }: MatchedFunction,
  ): ts.Node {
    const line =
      this.sourceFile.getLineAndCharacterOfPosition(original.getStart(this.sourceFile)).line + 1;
    const planned = planFunction(this.ts, original, identity);
    const problem = wrapProblem(this.ts, planned, this.transformation.getCompilerOptions());
    if (problem) {
      const where = `${identity.qualifiedName} (${this.file}:${line})`;
      this.context.reporter.warn(rule, `${where} is left as written: ${problem}.`);
      return visited;
    }
    const at = { file: this.file, line };
    const reads = readsFromCall(this.context, rule, identity, planned.parameterNames, at);
    const fn = withCallReads(planned, reads);
    const site = this.sites.add(rule.index, rule.rule, {
      name: spanName(rule.rule, identity, this.file),
      functionName: identity.qualifiedName,
      line,
      args: fn.recordedArgs,
    });
    const wrap = identity.isGenerator ? wrapGenerator : identity.isAsync ? wrapAsync : wrapFunction;
    const isSync = !identity.isGenerator && !identity.isAsync;
    return wrap(this.ts, visited, {
      runtime: this.runtime,
      site,
      scope: this.scopeName,
      caught: this.caughtName,
      transformation: this.transformation,
      fn,
      // $result sources need the returned value as includeResult does.
      reportReturns: isSync && (ruleSources(rule.rule).needsResult || rule.rule.followPromises),
    });
  }

  /** A file-level name that cannot clash with any identifier the user wrote. */
  private uniqueName(text: string): ts.Identifier {
    const flags = this.ts.GeneratedIdentifierFlags;
    return this.ts.factory.createUniqueName(text, flags.Optimistic | flags.FileLevel);
  }
}
