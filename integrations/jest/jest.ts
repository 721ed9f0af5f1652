/**
 * ts-jest: `astTransformers: { before: ["ts-autotrace/jest"] }` (or
 * `[{ path: "ts-autotrace/jest", options: { config: "..." } }]`). ts-jest
 * wants `name`, `version` and `factory`; `version` is ts-jest's cache key
 * (cache-version.ts), so changed rules never meet output of the old ones.
 */
import type * as ts from "typescript";
import { createTransformer } from "../../transformer/index";
import { locateProject } from "../../transformer/engine/project-settings";
import { loadTypeScript } from "../../transformer/engine/typescript-api";
import type { AutotraceOptions } from "../options";
import { cacheVersion, noteConfigUsed } from "./cache-version";

/** What ts-jest passes a transformer factory (the parts used here). */
interface TsCompiler {
  program?: ts.Program;
  configSet?: { compilerModule?: typeof ts; rootDir?: string };
}

export const name = "ts-autotrace";

/**
 * A getter, because ts-jest reads it (with no options) each time it builds
 * its config for a jest run: the hash must be of the files as they are now.
 */
export declare const version: string;
Object.defineProperty(exports, "version", { enumerable: true, get: () => cacheVersion() });

export function factory(
  compiler: TsCompiler,
  options: AutotraceOptions = {},
): ts.TransformerFactory<ts.SourceFile> {
  const tsInstance = compiler.configSet?.compilerModule ?? loadTypeScript();
  const config = locateProject(
    options.config,
    options.cwd ?? compiler.configSet?.rootDir,
  ).configPath;
  noteConfigUsed(config);
  return createTransformer(compiler.program, {
    config,
    runtimeModule: options.runtimeModule,
    ts: tsInstance,
  });
}
