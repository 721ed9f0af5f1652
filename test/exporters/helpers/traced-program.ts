/**
 * Traced programs as the transformer would emit them, run as child processes
 * against the built runtime. They live under .tmp/ in the repository, where
 * `require("ts-autotrace")` resolves to this build (scripts/link-self.mjs).
 *
 * Children are started asynchronously: the receivers run in the test's own
 * event loop, which a synchronous spawn would freeze.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll } from "vitest";
import { ROOT, tracingEnv } from "../../helpers/run";

/** One folder per test file, removed when the file's tests are done. */
const PROGRAMS = join(ROOT, ".tmp", "exporter-tests");
mkdirSync(PROGRAMS, { recursive: true });
const FILE_PROGRAMS = mkdtempSync(join(PROGRAMS, "file-"));
afterAll(() => rmSync(FILE_PROGRAMS, { recursive: true, force: true }));

export interface ProgramRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit. */
  durationMs: number;
  /** The runtime's warning lines on stderr. */
  warnings: string[];
}

export interface RunOptions {
  /** Kill the program after this long (a hung program fails the test, not the suite). */
  timeoutMs?: number;
  /** Called with each stdout chunk, e.g. to signal the program when it is ready. */
  onStdout?: (chunk: string, pid: number) => void;
}

/** Writes `files` (the program is `main.js`) into a fresh folder; returns main.js's path. */
export function writeProgram(main: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(FILE_PROGRAMS, "program-"));
  for (const [name, text] of Object.entries({ ...files, "main.js": main })) {
    writeFileSync(join(dir, name), text);
  }
  return join(dir, "main.js");
}

/** Runs `node script` with only the given TRACING_/OTEL_ variables set. */
export function runProgram(
  script: string,
  env: Record<string, string>,
  { timeoutMs = 20_000, onStdout }: RunOptions = {},
): Promise<ProgramRun> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [script], { env: tracingEnv(env), cwd: ROOT });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    onStdout?.(chunk, child.pid ?? 0);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const killer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(killer);
      resolve({
        status,
        signal,
        stdout,
        stderr,
        durationMs: performance.now() - startedAt,
        warnings: stderr.split("\n").filter((line) => line.startsWith("[ts-autotrace] warning:")),
      });
    });
  });
}
