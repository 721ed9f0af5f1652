/**
 * What `list` warns about: globs that match no file of the program and name
 * patterns that match no function in the files their rule takes, each with
 * the nearest paths or names that do exist, and rules left with nothing
 * because earlier rules take everything they match.
 */
import { minimatch } from "minimatch";
import { nearestNames } from "../../../transformer/config/nearest-names";
import { globHints, normaliseGlob } from "../../../transformer/match/glob-hints";
import { compileNamePatterns } from "../../../transformer/match/name-pattern";
import type { DryRun } from "./traced-functions";

export interface DryRunWarning {
  /** JSON path in the config: `rules[1].functions[0]`. */
  path: string;
  message: string;
  /** Nearest existing file paths or function names; may be empty. */
  suggestions: string[];
}

export function dryRunWarnings(run: DryRun): DryRunWarning[] {
  const warnings: DryRunWarning[] = globHints(run.rules.map((r) => r.rule)).map((h) => ({
    ...h,
    suggestions: [],
  }));
  for (const fn of run.leftAsWritten) {
    warnings.push({
      path: `rules[${fn.rule}]`,
      message: `${fn.name} (${fn.file}:${fn.line}) is left as written: ${fn.reason}.`,
      suggestions: [],
    });
  }
  for (const rule of run.rules) {
    warnings.push(...globWarnings(run, rule.index), ...patternWarnings(run, rule.index));
    const takesSome = (f: { rule: number }) => f.rule === rule.index;
    if (run.functions.some(takesSome) || run.leftAsWritten.some(takesSome)) continue;
    const takesFiles = run.programFiles.some((file) => rule.matchesFile(file));
    const candidates = run.seen.filter((s) => s.rules.includes(rule.index));
    if (takesFiles && candidates.some((s) => rule.matchesFunction(s.identity))) {
      warnings.push({
        path: `rules[${rule.index}]`,
        message:
          "traces nothing: earlier rules take every function it matches (the first matching rule decides).",
        suggestions: [],
      });
    }
  }
  return warnings;
}

function globWarnings(run: DryRun, index: number): DryRunWarning[] {
  const warnings: DryRunWarning[] = [];
  run.rules[index].rule.files.forEach((glob, g) => {
    if (glob.startsWith("!")) return;
    const matcher = new minimatch.Minimatch(normaliseGlob(glob), { dot: true });
    if (run.programFiles.some((file) => matcher.match(file))) return;
    const suggestions = nearest(
      literalPrefix(normaliseGlob(glob)),
      pathCandidates(run.programFiles),
    );
    warnings.push({
      path: `rules[${index}].files[${g}]`,
      message:
        `${JSON.stringify(glob)} matches no file of the program (globs are relative to the config file's folder)` +
        didYouMean(suggestions),
      suggestions,
    });
  });
  return warnings;
}

function patternWarnings(run: DryRun, index: number): DryRunWarning[] {
  const warnings: DryRunWarning[] = [];
  const candidates = run.seen.filter((s) => s.rules.includes(index));
  if (candidates.length === 0) return warnings;
  run.rules[index].rule.functions.forEach((pattern, p) => {
    if (pattern.startsWith("!")) return;
    const matches = compileNamePatterns([pattern]);
    if (candidates.some((s) => matches(s.identity))) return;
    const dotted = pattern.includes(".");
    const names = candidates.map((s) => (dotted ? s.identity.qualifiedName : s.identity.name));
    const suggestions = nearest(pattern.replace(/\*/g, ""), names);
    warnings.push({
      path: `rules[${index}].functions[${p}]`,
      message:
        `${JSON.stringify(pattern)} matches no function in the files this rule takes` +
        didYouMean(suggestions),
      suggestions,
    });
  });
  return warnings;
}

/** Likely typos first; failing those, whatever exists nearest. */
function nearest(written: string, candidates: string[]): string[] {
  const typos = nearestNames(written, candidates);
  return typos.length > 0 ? typos : nearestNames(written, candidates, 3, Infinity);
}

function didYouMean(suggestions: string[]): string {
  if (suggestions.length === 0) return ".";
  return `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(" or ")}?`;
}

/** `src/servces/**\/*.ts` → `src/servces`: the part to compare with real paths. */
function literalPrefix(glob: string): string {
  const magic = glob.search(/[*?[{]/);
  const literal = magic === -1 ? glob : glob.slice(0, magic);
  return literal.replace(/\/$/, "");
}

/** Every file and every folder above one. */
function pathCandidates(files: string[]): string[] {
  const paths = new Set<string>(files);
  for (const file of files) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) paths.add(parts.slice(0, i).join("/"));
  }
  return [...paths].filter((p) => !p.startsWith(".."));
}
