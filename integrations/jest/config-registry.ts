/**
 * The tracing.config.json files that ts-autotrace/jest compiled with, kept on
 * disk across jest runs and worker processes. ts-jest reads `version` (its
 * cache key) before it hands over any options, so the path in a `config`
 * option reaches the key only through what an earlier transform recorded here.
 *
 * One entry file per config path, named by a hash of the path and holding
 * the path: parallel workers add entries without a read-merge-write that could
 * drop another worker's. Each file is written under a temporary name and
 * renamed, so a reader never sees half of one. An `id` is made with the
 * registry: a registry that was deleted comes back under a new id, so output
 * compiled before its config was recorded is never looked up again. Nothing
 * here throws; callers get `undefined` or `false` instead.
 */
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findUp } from "../../transformer/engine/project-settings";

export interface RegistryContents {
  /** Made with the registry; a new one whenever the registry is made anew. */
  id: string;
  /** Absolute paths of the recorded config files, sorted. */
  configs: string[];
}

const ID = /^[0-9a-f]{32}$/;
const ENTRY = /^[0-9a-f]{32}\.path$/;

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 32);
}

/**
 * `<package root>/node_modules/.cache/ts-autotrace/jest-configs`, else a
 * folder in the temp dir named by the user and that root. Both depend only on
 * the working folder, which jest's workers inherit from the process that
 * reads `version`, so every process of a run finds the same registry.
 */
function candidates(cwd: string): string[] {
  const manifest = findUp(path.resolve(cwd), "package.json");
  const root = manifest ? path.dirname(manifest) : path.resolve(cwd);
  const user = typeof process.getuid === "function" ? process.getuid() : "user";
  return [
    path.join(root, "node_modules", ".cache", "ts-autotrace", "jest-configs"),
    path.join(os.tmpdir(), `ts-autotrace-jest-configs-${user}-${digest(root).slice(0, 16)}`),
  ];
}

function writable(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where the registry of `cwd`'s project is, or `undefined` when no place is writable. */
export function registryDir(cwd: string = process.cwd()): string | undefined {
  return candidates(cwd).find(writable);
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.writeFileSync(temp, text, { mode: 0o600 });
    fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A missing or damaged id is replaced; when two processes make one at once, the last rename wins. */
function ensureId(dir: string): string | undefined {
  const file = path.join(dir, "id");
  const current = readText(file);
  if (current !== undefined && ID.test(current)) return current;
  writeAtomically(file, randomBytes(16).toString("hex"));
  const made = readText(file);
  return made !== undefined && ID.test(made) ? made : undefined;
}

/** An entry counts only when it names an absolute path and its name is that path's hash. */
function recordedConfig(dir: string, entry: string): string | undefined {
  if (!ENTRY.test(entry)) return undefined;
  const config = readText(path.join(dir, entry));
  if (config === undefined || !path.isAbsolute(config)) return undefined;
  return `${digest(config)}.path` === entry ? config : undefined;
}

/** The registry's id and recorded configs; `undefined` when it cannot be read or made. */
export function readRegistry(cwd: string = process.cwd()): RegistryContents | undefined {
  try {
    const dir = registryDir(cwd);
    const id = dir === undefined ? undefined : ensureId(dir);
    if (dir === undefined || id === undefined) return undefined;
    const configs = fs
      .readdirSync(dir)
      .map((entry) => recordedConfig(dir, entry))
      .filter((config): config is string => config !== undefined);
    return { id, configs: configs.sort() };
  } catch {
    return undefined;
  }
}

/** Records `configPath` (made absolute) for later keys; `false` when it could not be written. */
export function recordConfig(configPath: string, cwd: string = process.cwd()): boolean {
  try {
    const dir = registryDir(cwd);
    if (dir === undefined) return false;
    const config = path.resolve(cwd, configPath);
    const file = path.join(dir, `${digest(config)}.path`);
    // A damaged entry is rewritten: until then it counts as not recorded.
    if (readText(file) !== config) writeAtomically(file, config);
    return true;
  } catch {
    return false;
  }
}
