/** Finds, reads, parses (as JSONC) and validates tracing.config.json; every failure is a ConfigError. */
import * as fs from "node:fs";
import * as path from "node:path";
import { ConfigError } from "./config-error";
import type { TracingConfig } from "./config-types";
import { parseJsonc } from "./parse-jsonc";
import { validateConfig } from "./validate-config";

export const DEFAULT_CONFIG_FILE = "tracing.config.json";

/**
 * Where the config lives: `configOption` is relative to the tsconfig's folder
 * (as a plugin option in tsconfig.json reads); without it, beside the tsconfig.
 */
export function resolveConfigPath(configOption: string | undefined, tsconfigDir: string): string {
  return path.resolve(tsconfigDir, configOption ?? DEFAULT_CONFIG_FILE);
}

export function loadConfig(configPath: string): TracingConfig {
  const text = readConfigText(configPath);
  const json = parseJson(configPath, text);
  const { config, problems } = validateConfig(json);
  if (!config) throw new ConfigError(configPath, problems);
  return { configPath, rootDir: path.dirname(configPath), ...config };
}

function readConfigText(configPath: string): string {
  try {
    return fs.readFileSync(configPath, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "the file does not exist"
        : String(error);
    throw new ConfigError(configPath, [
      {
        path: "",
        message: `cannot read the config (${reason}). Create it, or point the plugin's "config" option in tsconfig.json at it.`,
      },
    ]);
  }
}

function parseJson(configPath: string, text: string): unknown {
  const { json, problems } = parseJsonc(text);
  if (problems.length > 0) throw new ConfigError(configPath, problems);
  return json;
}
