// Running one benchmark step in a fresh Node process and reading its result:
// the child prints one JSON line prefixed with RESULT_PREFIX on stdout.
import { spawn } from "node:child_process";
import { ROOT } from "./paths.mjs";

export const RESULT_PREFIX = "@@bench-result ";

/** The parent's environment without any tracing setting, plus `extra`. */
export function cleanEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(TRACING_|OTEL_)/.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Prints the child's result for the parent. */
export function reportResult(value) {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(value)}\n`);
}

/**
 * Runs `node [nodeArgs] script [args]` with a clean environment plus `env`,
 * resolves with the parsed result, its stderr and the wall time in ms.
 */
export function runChild(script, { args = [], env = {}, nodeArgs = [], timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd: ROOT,
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = stdout.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) {
        const why = signal ? `signal ${signal}` : `exit code ${code}`;
        reject(new Error(`${script} ${args.join(" ")} failed (${why}):\n${stderr}${stdout}`));
        return;
      }
      resolve({ result: JSON.parse(line.slice(RESULT_PREFIX.length)), stderr, wallMs });
    });
  });
}
