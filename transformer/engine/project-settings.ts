/* Folder transformer/engine/: Source text in, `{ code, map }` out: the one engine behind the
 * bundler plugins, jest and register (integrations/). */
/**
 * What every bundler and loader entry point needs from the project: where
 * tracing.config.json is and the compiler options of the nearest tsconfig.json,
 * so a file compiles the way `tspc` would compile it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as ts from "typescript";
import { resolveConfigPath } from "../config/load-config";

export interface ProjectLocation {
  /** Absolute path of tracing.config.json. */
  configPath: string;
  /** The nearest tsconfig.json, if any. */
  tsconfig: string | undefined;
}

/**
 * `config` is relative to the folder of the nearest tsconfig.json above `cwd`
 * (as the plugin option in tsconfig.json is); without `config`, the file is
 * beside that tsconfig.json, or in `cwd` when there is none. Needs no
 * TypeScript, so a loader can check the config before it loads the compiler.
 */
export function locateProject(
  config: string | undefined,
  cwd: string = process.cwd(),
): ProjectLocation {
  const tsconfig = findUp(path.resolve(cwd), "tsconfig.json");
  const baseDir = tsconfig ? path.dirname(tsconfig) : path.resolve(cwd);
  return { configPath: resolveConfigPath(config, baseDir), tsconfig };
}

/** The nearest `name` in `dir` or a folder above it. */
export function findUp(dir: string, name: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, name);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/** Options only; a tsconfig with errors still gives what it could parse (tsc reports the rest). */
export function readCompilerOptions(
  tsInstance: typeof ts,
  tsconfig: string | undefined,
): ts.CompilerOptions {
  if (tsconfig === undefined) return {};
  const parsed = tsInstance.getParsedCommandLineOfConfigFile(
    tsconfig,
    {},
    {
      ...tsInstance.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  return parsed?.options ?? {};
}
