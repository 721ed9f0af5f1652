/**
 * A rule's compiled `files` matcher (literal leading folders first, then
 * minimatch; shared between equal lists) must take exactly the paths plain
 * minimatch takes, for any globs and any relative path.
 */
import fc from "fast-check";
import { minimatch } from "minimatch";
import { describe, expect, it } from "vitest";
import { fileMatcherCompiler } from "../transformer/match/file-globs";
import { normaliseGlob } from "../transformer/match/glob-hints";

const PARTS = ["src", "feature", "lib", "a", ".hidden", "..", "*", "**", "*.ts", "x.ts", "{a,b}"];
const FILE_PARTS = ["src", "feature", "feature1", "lib", "a", "b", ".hidden", "..", "x.ts", "y.js"];

const glob = fc
  .tuple(
    fc.constantFrom("", "!", "./", "!./"),
    fc.array(fc.constantFrom(...PARTS), { minLength: 1, maxLength: 4 }),
    fc.constantFrom("/", "//"),
  )
  .map(([head, parts, slash]) => head + parts.join(slash));
const file = fc
  .array(fc.constantFrom(...FILE_PARTS), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join("/"));

/** What a rule's `files` list means, asked of minimatch directly for every glob. */
function reference(globs: string[], path: string): boolean {
  const normalised = globs.map(normaliseGlob);
  const matches = (g: string) => minimatch(path, g, { dot: true });
  const includes = normalised.filter((g) => !g.startsWith("!"));
  const excludes = normalised.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
  return (includes.length === 0 || includes.some(matches)) && !excludes.some(matches);
}

describe("compiled file globs", () => {
  it("take the paths minimatch takes", () => {
    fc.assert(
      fc.property(
        fc.array(glob, { minLength: 1, maxLength: 3 }),
        fc.array(file),
        (globs, files) => {
          const compile = fileMatcherCompiler();
          const matcher = compile(globs);
          // An equal list gets the same matcher, which must still answer the same.
          expect(compile([...globs])).toBe(matcher);
          for (const path of files) expect(matcher(path)).toBe(reference(globs, path));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("reject a path outside the literal folders and take one inside", () => {
    const matcher = fileMatcherCompiler()(["src/feature/**/*.ts"]);
    expect(matcher("src/feature/deep/x.ts")).toBe(true);
    expect(matcher("src/feature1/x.ts")).toBe(false);
    expect(matcher("lib/feature/x.ts")).toBe(false);
  });
});
