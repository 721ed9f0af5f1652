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

export interface ProgramContext {
  readonly ts: typeof ts;
  readonly config: TracingConfig;
  /** Every rule, in order (components/check-program.ts checks each against the program). */
  readonly rules: readonly CompiledRule[];
  /** The rules that take a file (by its path relative to the config folder), if any. */
  readonly rulesFor: (relativePath: string) => FileRules | undefined;
  /** Module the emitted code imports the runtime from. */
  readonly runtimeModule: string;
  readonly reporter: BuildReporter;
}

export function createProgramContext(
  tsInstance: typeof ts,
  config: TracingConfig,
  program: ts.Program | undefined,
  options: { runtimeModule?: string; onWarning: WarningSink },
): ProgramContext {
  const rules = compileRules(config);
  const rulesFor = fileRulesIndex(rules);
  const filesByRule = program ? programFilesByRule(program, config, rules, rulesFor) : undefined;
  return {
    ts: tsInstance,
    config,
    rules,
    rulesFor,
    runtimeModule: options.runtimeModule ?? RUNTIME_MODULE,
    reporter: new BuildReporter(config.configPath, rules, options.onWarning, filesByRule),
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
