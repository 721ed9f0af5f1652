/**
 * Whether the tsconfig.json tspc will build has our plugin, read by the
 * project's own TypeScript so `extends` chains merge exactly as tspc merges
 * them. Without it the build succeeds and traces nothing, which must be said.
 */
import type * as ts from "typescript";
import { isOurPlugin } from "../project/tsconfig-file";
import { projectTsconfig } from "./tsc-args";

/** The warning to print, or undefined when the plugin is there or tspc will report the config itself. */
export function untracedBuildWarning(
  typescript: typeof ts,
  cwd: string,
  project: string | undefined,
): string | undefined {
  const host: ts.ParseConfigFileHost = {
    ...typescript.sys,
    getCurrentDirectory: () => cwd,
    // Only compilerOptions matter here: listing the project's files would cost a full glob.
    readDirectory: () => [],
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  };
  const tsconfig =
    project === undefined
      ? typescript.findConfigFile(cwd, host.fileExists)
      : projectTsconfig(cwd, project);
  // No tsconfig, or one TypeScript cannot read: tspc says so itself.
  if (tsconfig === undefined || !host.fileExists(tsconfig)) return undefined;
  const parsed = typescript.getParsedCommandLineOfConfigFile(tsconfig, {}, host);
  if (parsed === undefined) return undefined;
  const plugins: unknown[] = Array.isArray(parsed.options.plugins) ? parsed.options.plugins : [];
  if (plugins.some(isOurPlugin)) return undefined;
  return (
    `${tsconfig} has no { "transform": "ts-autotrace/transformer" } in compilerOptions.plugins ` +
    '(its own or through "extends"), so nothing will be traced. Fix: run `npx ts-autotrace init`, ' +
    'or add "plugins": [{ "transform": "ts-autotrace/transformer" }] to compilerOptions. Building anyway.'
  );
}
