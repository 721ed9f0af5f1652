/**
 * `// @autotrace-ignore` before a function (or before the declaration that holds
 * it) keeps that function as written. A file opts out whole with
 * `// @autotrace-ignore-file`, or with `@autotrace-ignore` in its first comment
 * when a blank line separates that comment from the code (a header, not a
 * comment on the first function).
 */
import type * as ts from "typescript";
import { nameHolderOf } from "../match/function-kinds";

type TS = typeof ts;

const IGNORE = "@autotrace-ignore";
const IGNORE_FILE = "@autotrace-ignore-file";

export function isFileIgnored(ts: TS, sourceFile: ts.SourceFile): boolean {
  const text = sourceFile.text;
  const start = ts.getShebang(text)?.length ?? 0;
  const first = ts.getLeadingCommentRanges(text, start)?.[0];
  if (!first) return false;
  const comment = text.slice(first.pos, first.end);
  if (comment.includes(IGNORE_FILE)) return true;
  const detached = /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(first.end));
  return comment.includes(IGNORE) && detached;
}

export function hasIgnoreComment(ts: TS, sourceFile: ts.SourceFile, fn: ts.Node): boolean {
  return declarationNodes(ts, fn).some((node) => leadingCommentsMention(ts, sourceFile, node));
}

/**
 * The function and the declarations around it that a comment may sit on: the
 * same declaration that names it (function-kinds.ts), so a function is ignored
 * through every wrapper it is named through.
 */
function declarationNodes(ts: TS, fn: ts.Node): ts.Node[] {
  const holder = nameHolderOf(ts, fn);
  if (!holder) return [fn];
  if (ts.isVariableDeclaration(holder)) return [fn, holder, holder.parent, holder.parent.parent];
  return [fn, holder];
}

function leadingCommentsMention(ts: TS, sourceFile: ts.SourceFile, node: ts.Node): boolean {
  const ranges = ts.getLeadingCommentRanges(sourceFile.text, node.getFullStart()) ?? [];
  return ranges.some((r) => sourceFile.text.slice(r.pos, r.end).includes(IGNORE));
}
