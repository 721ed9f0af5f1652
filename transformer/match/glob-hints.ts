/**
 * Globs written the way a shell or Windows user writes paths. A leading `./`
 * is taken off (globs are relative to the config folder already), so it works.
 * A backslash is minimatch's escape character, not a folder separator, so a
 * glob with one is kept as written and gets a warning that says so.
 */
import type { TracingRule } from "../config/config-types";

export interface GlobHint {
  /** JSON path such as `rules[0].files[1]`. */
  path: string;
  message: string;
}

/** `./src/**` → `src/**`, `!./src/x.ts` → `!src/x.ts`. */
export function normaliseGlob(glob: string): string {
  const negated = glob.startsWith("!");
  let body = negated ? glob.slice(1) : glob;
  while (body.startsWith("./")) body = body.slice(2);
  return negated ? `!${body}` : body;
}

export function globHints(rules: readonly TracingRule[]): GlobHint[] {
  const hints: GlobHint[] = [];
  rules.forEach((rule, r) =>
    rule.files.forEach((glob, g) => {
      if (!glob.includes("\\")) return;
      hints.push({
        path: `rules[${r}].files[${g}]`,
        message:
          `${JSON.stringify(glob)} contains a backslash, which a glob reads as an escape, not a folder separator; ` +
          `write ${JSON.stringify(glob.replace(/\\/g, "/"))} (forward slashes work on every platform).`,
      });
    }),
  );
  return hints;
}
