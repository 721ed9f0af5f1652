/**
 * createTransformer(program, options): the transformer factory every entry
 * point builds on (ts-patch's default export in index.ts, the engine behind
 * the bundlers, jest and register). Loads tracing.config.json once and hands
 * each source file to rewrite/instrument-file.ts.
 */
import * as path from "node:path";
import type * as ts from "typescript";
import type { WarningSink } from "./build-reporter";
import { loadConfig, resolveConfigPath } from "./config/load-config";
import { checkProgramParameters } from "./components/check-program";
import { createProgramContext } from "./program-context";
import { resolvedTypeScript } from "./engine/typescript-api";
import { instrumentSourceFile } from "./rewrite/instrument-file";

export interface TransformerOptions {
  /** Path of tracing.config.json, relative to the tsconfig's folder (or absolute). */
  config?: string;
  /** Folder `config` is relative to when there is no tsconfig (default: the current folder). */
  baseDir?: string;
  /** Module the emitted code imports (default "ts-autotrace"). */
  runtimeModule?: string;
  /** The TypeScript instance to build nodes with (default: the one this package resolves). */
  ts?: typeof ts;
  /** Where build warnings go (default: stderr). */
  onWarning?: WarningSink;
}

export function createTransformer(
  program: ts.Program | undefined,
  options: TransformerOptions = {},
): ts.TransformerFactory<ts.SourceFile> {
  const tsInstance = options.ts ?? resolvedTypeScript();
  const configPath = resolveConfigPath(options.config, options.baseDir ?? tsconfigDir(program));
  const config = loadConfig(configPath);
  const context = createProgramContext(tsInstance, config, program, {
    runtimeModule: options.runtimeModule,
    onWarning: options.onWarning ?? ((message) => process.stderr.write(`${message}\n`)),
  });
  if (program) checkProgramParameters(context, program);
  return (transformation) => (sourceFile) =>
    instrumentSourceFile(context, transformation, sourceFile);
}

function tsconfigDir(program: ts.Program | undefined): string {
  const configFilePath = program?.getCompilerOptions().configFilePath;
  return typeof configFilePath === "string" ? path.dirname(configFilePath) : process.cwd();
}
