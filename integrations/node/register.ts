/**
 * `node --import ts-autotrace/register app.ts`: traces what Node loads, as
 * written (.ts), from tsx or ts-node, or compiled by TypeScript 7's tsc.
 * Source maps are switched on so stack traces name the original .ts lines.
 * A bad tracing.config.json stops the program with its message: running it
 * untraced without a word is what this entry point exists to prevent.
 * TS_AUTOTRACE_CONFIG sets the `config` option (see register-options.ts).
 */
import * as nodeModule from "node:module";
import { pathToFileURL } from "node:url";
import { ConfigError, type SourceEngine } from "../../transformer/index";
import { engineFor } from "../options";
import { loadSync, resolveSync } from "./esm-hooks";
import { registerOptions } from "./register-options";
import { installRequireHook } from "./require-hook";

type SyncHooks = { load: typeof loadSync; resolve: typeof resolveSync };
const moduleApi = nodeModule as typeof nodeModule & {
  registerHooks?: (hooks: SyncHooks) => unknown;
};

function start(): void {
  let engine: SourceEngine;
  try {
    engine = engineFor(registerOptions());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${error instanceof ConfigError ? "" : "ts-autotrace: "}${message}\n`);
    process.exit(1);
  }
  process.setSourceMapsEnabled(true);
  installRequireHook(() => engine);
  if (typeof moduleApi.registerHooks === "function") {
    moduleApi.registerHooks({ load: loadSync, resolve: resolveSync });
  } else {
    nodeModule.register(pathToFileURL(`${__dirname}/esm-hooks.js`).href);
  }
}

start();
