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
import type * as ts from "typescript";
import { ConfigError } from "./config/config-error";
import { createTransformer } from "./create-transformer";
import { hasTransformerApi, resolvedTypeScript, TS7_MESSAGE } from "./engine/typescript-api";

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
export { createTransformer, type TransformerOptions } from "./create-transformer";

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
  const tsInstance = extras?.ts ?? resolvedTypeScript();
  if (!hasTransformerApi(tsInstance)) failWithoutApi();
  const report = (category: ts.DiagnosticCategory, message: string) =>
    extras?.addDiagnostic(diagnostic(category, message));
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

function diagnostic(category: ts.DiagnosticCategory, messageText: string): ts.Diagnostic {
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
