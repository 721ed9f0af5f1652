/**
 * The project a command works on: its tsconfig.json (found from --project or
 * the current folder), the ts-autotrace plugin entry in it, and from that the
 * config file, exactly as the transformer resolves it at build time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseTree, findNodeAtLocation, getNodeValue, type Node } from "jsonc-parser";
import { resolveConfigPath } from "../../../transformer/config/load-config";
import { InputError } from "../terminal";

export const TRANSFORM_NAME = "ts-autotrace/transformer";

export interface PluginEntry {
  transform: string;
  config?: string;
  runtimeModule?: string;
}

export interface ProjectFiles {
  tsconfigPath: string;
  tsconfigText: string;
  /** The plugin entry, if tsconfig.json has one (its own file, not `extends`). */
  plugin?: PluginEntry;
  configPath: string;
}

/** `--project` may name a tsconfig file or a folder holding tsconfig.json. */
export function findTsconfig(cwd: string, project: string | undefined): string {
  const given = path.resolve(cwd, project ?? "tsconfig.json");
  const file =
    fs.existsSync(given) && fs.statSync(given).isDirectory()
      ? path.join(given, "tsconfig.json")
      : given;
  if (!fs.existsSync(file)) {
    throw new InputError(
      `${file} does not exist. Run this in the folder of your tsconfig.json, or pass --project path/to/tsconfig.json.`,
    );
  }
  return file;
}

export function readProject(
  cwd: string,
  project: string | undefined,
  config?: string,
): ProjectFiles {
  const tsconfigPath = findTsconfig(cwd, project);
  const tsconfigText = fs.readFileSync(tsconfigPath, "utf8");
  const plugin = findPluginEntry(tsconfigText);
  const configPath = config
    ? path.resolve(cwd, config)
    : resolveConfigPath(plugin?.config, path.dirname(tsconfigPath));
  return { tsconfigPath, tsconfigText, plugin, configPath };
}

/** The `compilerOptions.plugins` entry whose `transform` is ours. */
export function findPluginEntry(tsconfigText: string): PluginEntry | undefined {
  const plugins = pluginsNode(tsconfigText);
  for (const child of plugins?.children ?? []) {
    const value = getNodeValue(child) as unknown;
    if (isOurPlugin(value)) return value;
  }
  return undefined;
}

export function pluginsNode(tsconfigText: string): Node | undefined {
  const tree = parseTree(tsconfigText, [], { allowTrailingComma: true });
  return tree ? findNodeAtLocation(tree, ["compilerOptions", "plugins"]) : undefined;
}

export function isOurPlugin(value: unknown): value is PluginEntry {
  if (typeof value !== "object" || value === null) return false;
  const transform = (value as { transform?: unknown }).transform;
  return (
    typeof transform === "string" &&
    /(^|[\\/])ts-autotrace([\\/]transformer)?$|ts-autotrace\/transformer/.test(transform)
  );
}
