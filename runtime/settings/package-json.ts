/**
 * The traced program's own package.json: its `name` is the last resort for
 * `service.name`, its `version` becomes `service.version`.
 *
 * Read once per process, when tracing starts (not at import), and only a few
 * small files: the nearest package.json above the entry script, else above
 * the working directory.
 */
import { readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";

export interface PackageInfo {
  name?: string;
  version?: string;
}

export function findPackageInfo(
  entryScript: string | undefined = process.argv[1],
  cwd: string = process.cwd(),
): PackageInfo {
  for (const start of startFolders(entryScript, cwd)) {
    const info = nearestPackage(start);
    if (info !== undefined) return info;
  }
  return {};
}

/**
 * An entry script inside node_modules belongs to a tool (a test runner, a
 * launcher), not to the program, so it is not a starting point.
 */
function startFolders(entryScript: string | undefined, cwd: string): string[] {
  const inDependency = entryScript?.split(sep).includes("node_modules") ?? true;
  return entryScript === undefined || inDependency ? [cwd] : [dirname(entryScript), cwd];
}

function nearestPackage(start: string): PackageInfo | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    // A package.json without a name (e.g. dist/package.json with only "type") is skipped.
    const info = readPackage(join(folder, "package.json"));
    if (info?.name !== undefined) return info;
    if (dirname(folder) === folder) return undefined;
  }
}

/** `undefined` when missing or unreadable. */
function readPackage(file: string): PackageInfo | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { name, version } = parsed as Record<string, unknown>;
  return {
    name: typeof name === "string" && name !== "" ? name : undefined,
    version: typeof version === "string" && version !== "" ? version : undefined,
  };
}
