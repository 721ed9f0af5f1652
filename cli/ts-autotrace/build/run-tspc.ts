/**
 * Runs ts-patch's tspc as if it had been started itself: the same Node, every
 * argument unchanged, our terminal, and the signals that would end us passed on
 * so `kill` of a watch build stops tspc as well.
 */
import { spawn } from "node:child_process";
import * as os from "node:os";

const FORWARDED: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

export interface TspcEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export function runTspc(tspc: string, args: string[], cwd: string): Promise<TspcEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tspc, ...args], { cwd, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const done = () => FORWARDED.forEach((signal) => process.off(signal, forward));
    child.on("error", (error) => {
      done();
      reject(error);
    });
    child.on("exit", (code, signal) => {
      done();
      resolve({ code, signal });
    });
  });
}

/**
 * tspc's exit code; if a signal ended it, the same signal ends this process
 * (so a shell or npm sees what tspc died of), with 128 + its number as a fallback.
 */
export function exitLikeTspc(end: TspcEnd): number {
  if (end.signal === null) return end.code ?? 1;
  process.kill(process.pid, end.signal);
  return 128 + (os.constants.signals[end.signal] ?? 0);
}
