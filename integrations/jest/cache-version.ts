/**
 * ts-autotrace/jest's part of ts-jest's cache key: ts-jest keys cached output
 * on `${name}-${version}` of each transformer, read once per jest config and
 * process, before any options are known. So `version` is the package version
 * plus a hash of the content of every tracing.config.json the project's
 * transforms use: the one at the default place, and each one that a `config`
 * option named and an earlier transform recorded (config-registry.ts).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { locateProject } from "../../transformer/engine/project-settings";
import { TRACER_VERSION as PACKAGE_VERSION } from "../../runtime/shared/tracer-name";
import { readRegistry, recordConfig } from "./config-registry";

/** tracing.config.json where it is without a `config` option, seen from `cwd`. */
function defaultConfig(cwd: string): string {
  return locateProject(undefined, cwd).configPath;
}

function contentOf(file: string): string {
  try {
    const text = fs.readFileSync(file, "utf8");
    return `present ${text.length}\n${text}`;
  } catch {
    return "missing";
  }
}

/**
 * Never throws (jest must run on a read-only file system): without a
 * registry the key covers the default config only, as before one existed.
 */
export function cacheVersion(cwd: string = process.cwd()): string {
  const hash = createHash("sha256");
  try {
    const files = [defaultConfig(cwd)];
    const registry = readRegistry(cwd);
    if (registry !== undefined) {
      hash.update(`registry ${registry.id}\n`);
      files.push(...registry.configs);
    }
    for (const file of files) hash.update(`${file}\n${contentOf(file)}\n\0`);
  } catch {
    // A key over less still separates package versions.
  }
  return `${PACKAGE_VERSION}+${hash.digest("hex").slice(0, 16)}`;
}

const noted = new Set<string>();
let warned = false;

/**
 * Called by each transform with the config it compiles with. A config
 * outside the default place is recorded so the next key covers its content;
 * when that cannot be written, one warning says how to stay current.
 */
export function noteConfigUsed(configPath: string, cwd: string = process.cwd()): void {
  const key = `${cwd}\0${configPath}`;
  if (noted.has(key)) return;
  noted.add(key);
  if (configPath === defaultConfig(cwd) || recordConfig(configPath, cwd) || warned) return;
  warned = true;
  process.stderr.write(
    `ts-autotrace/jest: could not record ${configPath} for jest's cache key (no writable ` +
      `node_modules/.cache or temp folder); after changing it, run jest with --no-cache.\n`,
  );
}
