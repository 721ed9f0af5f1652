/**
 * A rule's `files` globs as one test of a relative path, compiled with
 * minimatch once per program. Rules that list the same globs share one
 * matcher (match/compiled-rules.ts asks it once per file), and each glob
 * first compares the path with its literal leading folders (`src/feature/`
 * of `src/feature/**`), which rejects most paths without running minimatch.
 */
import { minimatch, type Minimatch } from "minimatch";
import { normaliseGlob } from "./glob-hints";

export type FileMatcher = (relativePath: string) => boolean;

const OPTIONS = { dot: true };

/** Compiles `files` lists; equal lists (and equal globs across lists) are compiled once. */
export function fileMatcherCompiler(): (written: readonly string[]) => FileMatcher {
  const byList = new Map<string, FileMatcher>();
  const byGlob = new Map<string, FileMatcher>();
  const glob = (pattern: string) => {
    let matcher = byGlob.get(pattern);
    if (matcher === undefined) byGlob.set(pattern, (matcher = compileGlob(pattern)));
    return matcher;
  };
  return (written) => {
    const globs = written.map(normaliseGlob);
    const key = JSON.stringify(globs);
    let matcher = byList.get(key);
    if (matcher === undefined) byList.set(key, (matcher = compileList(globs, glob)));
    return matcher;
  };
}

function compileList(globs: string[], glob: (pattern: string) => FileMatcher): FileMatcher {
  const includes = globs.filter((g) => !g.startsWith("!")).map(glob);
  const excludes = globs.filter((g) => g.startsWith("!")).map((g) => glob(g.slice(1)));
  return (file) =>
    (includes.length === 0 || includes.some((m) => m(file))) && !excludes.some((m) => m(file));
}

function compileGlob(pattern: string): FileMatcher {
  const compiled = new minimatch.Minimatch(pattern, OPTIONS);
  const prefix = literalFolders(compiled);
  if (prefix === undefined) return (file) => compiled.match(file);
  const folder = prefix.slice(0, -1);
  // A path outside the literal folders cannot match; one inside is asked of minimatch.
  return (file) => (file.startsWith(prefix) || file === folder) && compiled.match(file);
}

/**
 * `src/feature/` for `src/feature/**\/*.ts`: the glob's leading parts that are
 * plain names (minimatch compares those with `===`), all but the last, with a
 * slash after each; undefined when there are none, or when the glob is
 * negated or expands to several patterns (braces), or on Windows.
 */
function literalFolders(compiled: Minimatch): string | undefined {
  const plain = !compiled.negate && !compiled.comment && !compiled.empty && !compiled.nocase;
  // On Windows minimatch compares drive letters without case: leave those paths to it.
  if (!plain || compiled.isWindows || compiled.set.length !== 1) return undefined;
  const parts = compiled.set[0];
  let prefix = "";
  for (let i = 0; i < parts.length - 1 && typeof parts[i] === "string"; i++) {
    prefix += `${parts[i] as string}/`;
  }
  return prefix === "" ? undefined : prefix;
}
