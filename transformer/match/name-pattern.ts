/**
 * Function name patterns: `*` is the only wildcard and `!` excludes.
 * A pattern without a dot is matched against a function's own name, one with a
 * dot against `Class.member`. Constructors are taken only by a pattern whose
 * member part is literally `constructor`, so `"*"` never wraps them by surprise.
 */

/** What name patterns are matched against; see function-identity.ts. */
export interface NamedFunction {
  /** Own name: `charge`, `#secret`, `constructor`. */
  name: string;
  /** `Class.member` for members, else the own name. */
  qualifiedName: string;
  isConstructor: boolean;
}

const SEGMENT = "[A-Za-z0-9_$#*]+";
const VALID_PATTERN = new RegExp(`^!?${SEGMENT}(\\.${SEGMENT})?$`);

/** Why a pattern is invalid, with the fix, or undefined when it is fine. */
export function namePatternProblem(pattern: string): string | undefined {
  if (VALID_PATTERN.test(pattern)) return undefined;
  return (
    `invalid name pattern ${JSON.stringify(pattern)}: use names, "*" as the only wildcard, ` +
    `at most one "." (as in "Invoice.*") and a leading "!" to exclude.`
  );
}

interface CompiledPattern {
  regex: RegExp;
  dotted: boolean;
  namesConstructor: boolean;
}

export type NameMatcher = (fn: NamedFunction) => boolean;

export function compileNamePatterns(patterns: string[]): NameMatcher {
  const includes = patterns.filter((p) => !p.startsWith("!")).map(compilePattern);
  const excludes = patterns.filter((p) => p.startsWith("!")).map((p) => compilePattern(p.slice(1)));
  // A list of exclusions alone ("!_*") means "everything except".
  if (includes.length === 0) includes.push(compilePattern("*"));

  return (fn) => {
    const included = includes.some(
      (p) => (!fn.isConstructor || p.namesConstructor) && patternMatches(p, fn),
    );
    return included && !excludes.some((p) => patternMatches(p, fn));
  };
}

function compilePattern(pattern: string): CompiledPattern {
  const member = pattern.slice(pattern.lastIndexOf(".") + 1);
  return {
    regex: new RegExp(`^${patternSource(pattern)}$`),
    dotted: pattern.includes("."),
    namesConstructor: member === "constructor",
  };
}

/** A pattern as regular-expression source (unanchored): `*` is `.*`, the rest literal. */
export function patternSource(pattern: string): string {
  return pattern
    .split("*")
    .map((part) => part.replace(/[.$#]/g, "\\$&"))
    .join(".*");
}

function patternMatches(pattern: CompiledPattern, fn: NamedFunction): boolean {
  return pattern.regex.test(pattern.dotted ? fn.qualifiedName : fn.name);
}
