/** The options every ts-autotrace entry point takes, and the one way each builds its engine. */
import { createEngine, type SourceEngine } from "../transformer/index";

export interface AutotraceOptions {
  /**
   * Path of tracing.config.json. Relative paths start at the folder of the
   * nearest tsconfig.json (as in tsconfig.json's plugin entry); the default is
   * tracing.config.json beside that tsconfig.json, else in the working folder.
   */
  config?: string;
  /** Where the search for tsconfig.json starts (default: the tool's root, else cwd). */
  cwd?: string;
  /** Module the emitted code imports (default "ts-autotrace"). */
  runtimeModule?: string;
}

/** TypeScript and JavaScript sources a rule may name; never dependencies. */
export function isCandidate(fileName: string): boolean {
  return /\.[cm]?[jt]sx?$/.test(fileName) && !/[\\/]node_modules[\\/]/.test(fileName);
}

/** Bundler ids may carry a query (`?v=123`) or a null-byte prefix for virtual modules. */
export function fileOfId(id: string): string | undefined {
  if (id.startsWith("\0")) return undefined;
  return id.replace(/[?#].*$/, "");
}

export function engineFor(options: AutotraceOptions, root?: string): SourceEngine {
  return createEngine({
    config: options.config,
    cwd: options.cwd ?? root,
    runtimeModule: options.runtimeModule,
  });
}
