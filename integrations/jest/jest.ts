/**
 * ts-jest: `astTransformers: { before: ["ts-autotrace/jest"] }` (or
 * `[{ path: "ts-autotrace/jest", options: { config: "..." } }]`). ts-jest
 * wants `name`, `version` and `factory`; `version` carries a hash of
 * tracing.config.json's content, because ts-jest keys its cache on
 * name-version and would otherwise keep serving output of the old rules.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import type * as ts from "typescript";
import { createTransformer } from "../../transformer/index";
import { locateProject } from "../../transformer/engine/project-settings";
import { loadTypeScript } from "../../transformer/engine/typescript-api";
import { TRACER_VERSION as PACKAGE_VERSION } from "../../runtime/version";
import type { AutotraceOptions } from "../options";

/** What ts-jest passes a transformer factory (the parts used here). */
interface TsCompiler {
  program?: ts.Program;
  configSet?: { compilerModule?: typeof ts; rootDir?: string };
}

export const name = "ts-autotrace";

function configPath(options: AutotraceOptions, cwd?: string): string {
  return locateProject(options.config, options.cwd ?? cwd).configPath;
}

function contentHash(file: string): string {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    text = "<missing>";
  }
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * Read by ts-jest when it computes its cache key; ts-jest passes no options
 * then, so this hashes the config where it is by default (next to the
 * nearest tsconfig.json above the working folder, jest's rootDir).
 */
export declare const version: string;
Object.defineProperty(exports, "version", {
  enumerable: true,
  get: () => `${PACKAGE_VERSION}+${contentHash(configPath({}))}`,
});

export function factory(
  compiler: TsCompiler,
  options: AutotraceOptions = {},
): ts.TransformerFactory<ts.SourceFile> {
  const tsInstance = compiler.configSet?.compilerModule ?? loadTypeScript();
  return createTransformer(compiler.program, {
    config: configPath(options, compiler.configSet?.rootDir),
    runtimeModule: options.runtimeModule,
    ts: tsInstance,
  });
}
