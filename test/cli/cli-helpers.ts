/** Runs the built `ts-autotrace` bin the way npx does, in a scratch copy of a test project. */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, run, type RunResult } from "../helpers/run";

export const CLI = path.join(ROOT, "dist", "cli", "ts-autotrace", "main.js");
export const PROJECTS = path.join(__dirname, "projects");

export function cli(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): RunResult {
  return run(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "", ...env },
  });
}

/** A fresh copy of test/cli/projects/<name> under .tmp, so commands may write to it. */
export function scratchProject(name: string, label = name): string {
  const dir = path.join(ROOT, ".tmp", "cli", label);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(PROJECTS, name), dir, { recursive: true });
  return dir;
}
