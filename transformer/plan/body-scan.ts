/**
 * What a body refers to of its own function: `arguments` and `super` belong to
 * the nearest non-arrow function, so the walk stops at nested functions
 * (except arrows, which share them) and at classes.
 */
import type * as ts from "typescript";
import type { TS } from "../typescript-types";

export interface OwnReferences {
  arguments: boolean;
  super: boolean;
}

export function ownReferences(ts: TS, body: ts.Node): OwnReferences {
  const found: OwnReferences = { arguments: false, super: false };
  const visit = (node: ts.Node): void => {
    if ((ts.isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return;
    if (ts.isIdentifier(node) && node.text === "arguments") found.arguments = true;
    if (node.kind === ts.SyntaxKind.SuperKeyword) found.super = true;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return found;
}
