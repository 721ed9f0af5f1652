/**
 * Which functions of one file are traced, found before anything is rewritten
 * with one read-only walk (`forEachChild`: no node is created or updated).
 * The rewrite then visits only the nodes that hold a traced function, and a
 * file with none is returned as it is without being visited at all. Rules,
 * ignore comments and the reporter's bookkeeping are asked here, once per
 * function.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";
import type { BuildReporter } from "../build-reporter";
import type { CompiledRule, FileRules } from "./compiled-rules";
import { identifyFunction, isInstrumentable, type FunctionIdentity } from "./function-identity";
import { hasIgnoreComment } from "./ignore-comments";

export interface MatchedFunction {
  identity: FunctionIdentity;
  /** The first rule that takes the function. */
  rule: CompiledRule;
}

export interface FileMatches {
  /** The traced functions, by their node as written. */
  functions: Map<ts.Node, MatchedFunction>;
  /** The traced functions and every node that holds one: the only nodes worth visiting. */
  onPath: Set<ts.Node>;
}

/** The file's traced functions, or undefined when it has none. */
export function matchFile(
  ts: TS,
  sourceFile: ts.SourceFile,
  rules: FileRules,
  reporter: BuildReporter,
): FileMatches | undefined {
  const functions = new Map<ts.Node, MatchedFunction>();
  const onPath = new Set<ts.Node>();
  const matchOf = (node: ts.Node): MatchedFunction | undefined => {
    if (!isInstrumentable(ts, node)) return undefined;
    const identity = identifyFunction(ts, node);
    if (!identity) return undefined;
    reporter.functionSeen(rules.rules, identity);
    const rule = rules.select(identity);
    if (!rule || hasIgnoreComment(ts, sourceFile, node)) return undefined;
    reporter.functionMatched(rule);
    return { identity, rule };
  };
  // Children first, as the rewrite goes; `inSubtree` says whether the node
  // being visited holds a traced function. Returns undefined: a value would
  // stop forEachChild.
  let inSubtree = false;
  const visit = (node: ts.Node): undefined => {
    if (holdsNoFunction(ts, node)) return undefined;
    const before = inSubtree;
    inSubtree = false;
    ts.forEachChild(node, visit);
    const match = matchOf(node);
    if (match) functions.set(node, match);
    if (match || inSubtree) onPath.add(node);
    inSubtree ||= before || match !== undefined;
    return undefined;
  };
  ts.forEachChild(sourceFile, visit);
  return functions.size === 0 ? undefined : { functions, onPath };
}

/**
 * Tokens (identifiers, literals, keywords) have no children, and types,
 * interfaces and type aliases are erased from the output: a function written
 * inside one is never emitted, so the walk does not go in.
 */
function holdsNoFunction(ts: TS, node: ts.Node): boolean {
  const kind = node.kind;
  const { SyntaxKind } = ts;
  return (
    kind <= SyntaxKind.LastToken ||
    (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode) ||
    kind === SyntaxKind.InterfaceDeclaration ||
    kind === SyntaxKind.TypeAliasDeclaration
  );
}
