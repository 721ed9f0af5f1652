/**
 * One read-only context per program: the config loaded and its rules compiled
 * once, the `ts` instance we were given, and where warnings go.
 */
import type * as ts from "typescript";
import * as path from "node:path";
import { RUNTIME_MODULE } from "../contract";
import { BuildReporter, type WarningSink } from "./build-reporter";
import type { TracingConfig } from "./config/config-types";
import {
  compileRules,
  fileRulesIndex,
  relativeToRoot,
  type CompiledRule,
  type FileRules,
} from "./match/compiled-rules";
import { matchFile, type FileMatches } from "./match/file-matches";

export interface ProgramContext {
  readonly ts: typeof ts;
  readonly config: TracingConfig;
  /** Every rule, in order (components/check-program.ts checks each against the program). */
  readonly rules: readonly CompiledRule[];
  /** The rules that take a file (by its path relative to the config folder), if any. */
  readonly rulesFor: (relativePath: string) => FileRules | undefined;
  /**
   * A file's traced functions (match/file-matches.ts), found once: the
   * parameter check before emit `keep`s them for the rewrite, which `take`s
   * them (and lets them go) or finds them itself.
   */
  readonly matches: Record<"keep" | "take", FileMatcher>;
  /** Module the emitted code imports the runtime from. */
  readonly runtimeModule: string;
  readonly reporter: BuildReporter;
}

type FileMatcher = (sourceFile: ts.SourceFile, rules: FileRules) => FileMatches | undefined;

export function createProgramContext(
  tsInstance: typeof ts,
  config: TracingConfig,
  program: ts.Program | undefined,
  options: { runtimeModule?: string; onWarning: WarningSink },
): ProgramContext {
  const rules = compileRules(config);
  const rulesFor = fileRulesIndex(rules);
  const filesByRule = program ? programFilesByRule(program, config, rules, rulesFor) : undefined;
  const reporter = new BuildReporter(config.configPath, rules, options.onWarning, filesByRule);
  const kept = new WeakMap<ts.SourceFile, FileMatches | undefined>();
  const find: FileMatcher = (sourceFile, fileRules) =>
    matchFile(tsInstance, sourceFile, fileRules, reporter);
  const take: FileMatcher = (sourceFile, fileRules) => {
    if (!kept.has(sourceFile)) return find(sourceFile, fileRules);
    const matches = kept.get(sourceFile);
    kept.delete(sourceFile);
    return matches;
  };
  const keep: FileMatcher = (sourceFile, fileRules) => {
    const matches = find(sourceFile, fileRules);
    kept.set(sourceFile, matches);
    return matches;
  };
  return {
    ts: tsInstance,
    config,
    rules,
    rulesFor,
    matches: { keep, take },
    runtimeModule: options.runtimeModule ?? RUNTIME_MODULE,
    reporter,
  };
}

/** Asked through `rulesFor`, which remembers each file's rules for the rewrite. */
function programFilesByRule(
  program: ts.Program,
  config: TracingConfig,
  rules: CompiledRule[],
  rulesFor: ProgramContext["rulesFor"],
) {
  const filesByRule = new Map<number, string[]>(rules.map((r) => [r.index, []]));
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile))
      continue;
    const relativePath = relativeToRoot(config.rootDir, path.resolve(sourceFile.fileName));
    for (const rule of rulesFor(relativePath)?.rules ?? [])
      filesByRule.get(rule.index)!.push(sourceFile.fileName);
  }
  return filesByRule;
}
