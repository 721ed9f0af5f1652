/**
 * ts-autotrace's transformer.
 *
 * - ts-patch (`"plugins": [{ "transform": "ts-autotrace/transformer" }]` in
 *   tsconfig.json): the default export. A bad config becomes one error
 *   diagnostic and nothing is emitted.
 * - Anything else that takes custom transformers (ts-loader, ts-jest, a
 *   bundler, `ts.transpileModule`): `createTransformer(program, options)`,
 *   which throws a ConfigError whose message says everything.
 * - Source text in, `{ code, map }` out (what the bundler and loader entry
 *   points in integrations/ use): `transformSource` / `createEngine`.
 */
import * as path from "node:path";
// `import =` compiles to a plain require: `import * as` would route every
// `ts.X` read through an __importStar getter when no ts instance is passed in.
import typescript = require("typescript");
import type * as ts from "typescript";
import type { WarningSink } from "./build-reporter";
import { checkProgramParameters } from "./components/check-program";
import { ConfigError } from "./config/config-error";
import { loadConfig, resolveConfigPath } from "./config/load-config";
import { hasTransformerApi, TS7_MESSAGE } from "./engine/typescript-api";
import { createProgramContext } from "./program-context";
import { instrumentSourceFile } from "./rewrite/instrument-file";

export { ConfigError } from "./config/config-error";
export {
  createEngine,
  INSTRUMENTED_MARKER,
  isInstrumented,
  transformSource,
  type EngineOptions,
  type SourceEngine,
  type TransformInput,
  type TransformOutput,
} from "./engine/transform-source";
export type { TracingConfig, TracingRule } from "./config/config-types";

export interface TransformerOptions {
  /** Path of tracing.config.json, relative to the tsconfig's folder (or absolute). */
  config?: string;
  /** Folder `config` is relative to when there is no tsconfig (default: the current folder). */
  baseDir?: string;
  /** Module the emitted code imports (default "ts-autotrace"). */
  runtimeModule?: string;
  /** The TypeScript instance to build nodes with (default: the one this package resolves). */
  ts?: typeof ts;
  /** Where build warnings go (default: stderr). */
  onWarning?: WarningSink;
}

export function createTransformer(
  program: ts.Program | undefined,
  options: TransformerOptions = {},
): ts.TransformerFactory<ts.SourceFile> {
  const tsInstance = options.ts ?? typescript;
  const configPath = resolveConfigPath(options.config, options.baseDir ?? tsconfigDir(program));
  const config = loadConfig(configPath);
  const context = createProgramContext(tsInstance, config, program, {
    runtimeModule: options.runtimeModule,
    onWarning: options.onWarning ?? ((message) => process.stderr.write(`${message}\n`)),
  });
  if (program) checkProgramParameters(context, program);
  return (transformation) => (sourceFile) =>
    instrumentSourceFile(context, transformation, sourceFile);
}

function tsconfigDir(program: ts.Program | undefined): string {
  const configFilePath = program?.getCompilerOptions().configFilePath;
  return typeof configFilePath === "string" ? path.dirname(configFilePath) : process.cwd();
}

/** What ts-patch hands a program transformer as its third argument. */
interface TsPatchExtras {
  ts: typeof ts;
  addDiagnostic: (diagnostic: ts.Diagnostic) => number;
}

export default function tsPatchTransformer(
  program: ts.Program,
  pluginConfig: { config?: string; runtimeModule?: string } = {},
  extras?: TsPatchExtras,
): ts.TransformerFactory<ts.SourceFile> {
  const tsInstance = extras?.ts ?? typescript;
  if (!hasTransformerApi(tsInstance)) failWithoutApi();
  const report = (category: ts.DiagnosticCategory, message: string) =>
    extras?.addDiagnostic(diagnostic(tsInstance, category, message));
  try {
    return createTransformer(program, {
      config: pluginConfig.config,
      runtimeModule: pluginConfig.runtimeModule,
      ts: tsInstance,
      // Warnings go to stderr, not to ts-patch's diagnostics: tsc fails a build
      // on any diagnostic it is handed, even one of category Warning.
    });
  } catch (error) {
    if (!(error instanceof ConfigError) || !extras) throw error;
    report(tsInstance.DiagnosticCategory.Error, error.message);
    // ts-patch builds transformers before TypeScript decides to write files, so
    // this keeps a bad config from emitting untraced output.
    program.getCompilerOptions().noEmit = true;
    return () => (sourceFile) => sourceFile;
  }
}

/**
 * TypeScript 7 (or anything else without the compiler API) reaches here only
 * through a forced install; a stack trace from deep inside would say nothing.
 */
function failWithoutApi(): never {
  process.stderr.write(`${TS7_MESSAGE}\n`);
  process.exit(1);
}

function diagnostic(
  tsInstance: typeof ts,
  category: ts.DiagnosticCategory,
  messageText: string,
): ts.Diagnostic {
  return {
    category,
    code: 9901,
    file: undefined,
    start: undefined,
    length: undefined,
    messageText,
    source: "ts-autotrace",
  };
}
