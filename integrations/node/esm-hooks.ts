/**
 * Node's `resolve`/`load` module hooks for ES modules, in the two forms Node
 * has: synchronous (module.registerHooks, Node >= 22.15) and asynchronous
 * (module.register, Node 20). CommonJS files are left to require-hook.ts.
 */
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import type { SourceEngine } from "../../transformer/index";
import { engineFor } from "../options";
import { formatOf, isTypeScriptFile, rewriteLoaded } from "./loaded-source";
import { registerOptions } from "./register-options";

export interface LoadResult {
  format?: string | null;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
type Context = { format?: string | null; conditions?: string[] };
type NextLoad<R> = (url: string, context?: Context) => R;
type NextResolve<R> = (specifier: string, context?: Context) => R;

let engine: SourceEngine | undefined;
const current = () => (engine ??= engineFor(registerOptions()));

/** The loaded module, traced when it is an ES module some rule takes (or a .ts file). */
export function loadSync(url: string, context: Context, next: NextLoad<LoadResult>): LoadResult {
  if (!url.startsWith("file:")) return next(url, context);
  const fileName = fileURLToPath(url);
  let loaded: LoadResult;
  try {
    loaded = next(url, context);
  } catch (error) {
    // Node 20 knows no .ts extension: read it ourselves.
    if (!isTypeScriptFile(fileName)) throw error;
    loaded = ownLoad(fileName);
  }
  return rewriteResult(fileName, loaded);
}

export async function load(
  url: string,
  context: Context,
  next: NextLoad<Promise<LoadResult>>,
): Promise<LoadResult> {
  if (!url.startsWith("file:")) return next(url, context);
  const fileName = fileURLToPath(url);
  let loaded: LoadResult;
  try {
    loaded = await next(url, context);
  } catch (error) {
    if (!isTypeScriptFile(fileName)) throw error;
    loaded = ownLoad(fileName);
  }
  return rewriteResult(fileName, loaded);
}

/** A CommonJS .ts file is left (source null) to Node's CommonJS loader and require-hook.ts. */
function ownLoad(fileName: string): LoadResult {
  const format = formatOf(fileName);
  const source = format === "module" ? fs.readFileSync(fileName, "utf8") : null;
  return { format, source, shortCircuit: true };
}

/** CommonJS passes through: what reaches module._compile is rewritten by require-hook.ts. */
function rewriteResult(fileName: string, loaded: LoadResult): LoadResult {
  const format = loaded.format ?? "";
  if (loaded.source == null || format === "commonjs") return loaded;
  // Node >= 22.18 strips types itself; a .ts CommonJS entry may then never reach module._compile.
  const kind = format === "module" || format === "module-typescript" ? "module" : "commonjs";
  if (kind === "commonjs" && format !== "commonjs-typescript") return loaded;
  const source = rewriteLoaded(current(), fileName, text(loaded.source), kind);
  return source === undefined ? loaded : { format: kind, source, shortCircuit: true };
}

function text(source: string | ArrayBuffer | Uint8Array): string {
  return typeof source === "string" ? source : Buffer.from(source as Uint8Array).toString("utf8");
}

/** `./billing.js` names `./billing.ts` in TypeScript's convention; Node needs the real file. */
export function resolveSync<R>(specifier: string, context: Context, next: NextResolve<R>): R {
  try {
    return next(specifier, context);
  } catch (error) {
    const alternative = typeScriptSibling(specifier);
    if (alternative === undefined) throw error;
    return next(alternative, context);
  }
}

export async function resolve<R>(
  specifier: string,
  context: Context,
  next: NextResolve<Promise<R>>,
): Promise<R> {
  try {
    return await next(specifier, context);
  } catch (error) {
    const alternative = typeScriptSibling(specifier);
    if (alternative === undefined) throw error;
    return next(alternative, context);
  }
}

function typeScriptSibling(specifier: string): string | undefined {
  if (!/^\.\.?\//.test(specifier) || !/\.[cm]?js$/.test(specifier)) return undefined;
  return specifier.replace(/js$/, "ts");
}
