/** Runs a command to completion and returns what it printed; never throws on a failing exit. */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const BIN = path.join(ROOT, "node_modules", ".bin");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 120_000, ...options });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** The environment a traced program runs with, free of the test runner's own tracing settings. */
export function tracingEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(TRACING_|OTEL_)/.test(key)) delete env[key];
  return { ...env, ...extra };
}
