/**
 * The one thing `build` reads from tsc's command line: the project, so it
 * checks the TypeScript, ts-patch and tsconfig.json that tspc will use.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The value of `-p`/`--project` (tsc takes option names in any case), if given. */
export function projectArgument(tscArgs: string[]): string | undefined {
  const at = tscArgs.findIndex((arg) => /^--?p(roject)?$/i.test(arg));
  return at === -1 ? undefined : tscArgs[at + 1];
}

/** The folder a build's packages resolve from: the project's, else the current one. */
export function projectFolder(cwd: string, project: string | undefined): string {
  if (project === undefined) return cwd;
  const given = path.resolve(cwd, project);
  return isDirectory(given) ? given : path.dirname(given);
}

/** The tsconfig file `-p` names (a file, or a folder holding tsconfig.json). */
export function projectTsconfig(cwd: string, project: string): string {
  const given = path.resolve(cwd, project);
  return isDirectory(given) ? path.join(given, "tsconfig.json") : given;
}

function isDirectory(file: string): boolean {
  return fs.existsSync(file) && fs.statSync(file).isDirectory();
}
