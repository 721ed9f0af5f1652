/** Runs a shell command in a folder, its output into a log file, and times it. */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";

export interface CommandRun {
  ok: boolean;
  exitCode: number | null;
  seconds: number;
  log: string;
}

export function runCommand(
  command: string,
  cwd: string,
  log: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 30 * 60 * 1000,
): CommandRun {
  const fd = fs.openSync(log, "w");
  fs.writeSync(fd, `$ ${command}\n`);
  const started = performance.now();
  const result = spawnSync(command, {
    cwd,
    env,
    shell: "/bin/sh",
    stdio: ["ignore", fd, fd],
    timeout: timeoutMs,
  });
  const seconds = (performance.now() - started) / 1000;
  fs.closeSync(fd);
  return { ok: result.status === 0, exitCode: result.status, seconds, log };
}

/** The last lines of a log, for a failure message. */
export function tail(log: string, lines = 30): string {
  return fs.readFileSync(log, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}
