/**
 * `--import ts-autotrace/register` takes no arguments, so its options come
 * from the environment, read the same way in the main thread and in Node
 * 20's module-hooks thread: TS_AUTOTRACE_CONFIG is the `config` option.
 */
import type { AutotraceOptions } from "../options";

export function registerOptions(env: NodeJS.ProcessEnv = process.env): AutotraceOptions {
  const config = env.TS_AUTOTRACE_CONFIG;
  return config === undefined || config === "" ? {} : { config };
}
