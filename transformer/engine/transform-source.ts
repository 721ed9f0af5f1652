/**
 * The rewrite engine behind every bundler and loader entry point: source text
 * in, `{ code, map }` out. It runs the ts-patch transformer itself (the same
 * factory, in `before`) through `ts.transpileModule` with the nearest
 * tsconfig.json's options, so rules and output are those of a `tspc` build.
 */
import * as path from "node:path";
import type * as ts from "typescript";
import type { WarningSink } from "../build-reporter";
import { loadConfig } from "../config/load-config";
import { createTransformer } from "../index";
import { compileRules, fileRulesIndex, relativeToRoot } from "../match/compiled-rules";
import { locateProject, readCompilerOptions, type ProjectLocation } from "./project-settings";
import {
  anchorLineStarts,
  chainMaps,
  mapLinesThrough,
  originalSource,
  withoutSourceMapComment,
  type RawSourceMap,
  type SourceMapInput,
} from "./source-maps";
import { loadTypeScript } from "./typescript-api";

export type { RawSourceMap, SourceMapInput } from "./source-maps";

/**
 * Ends every file the engine rewrote, so no entry point instruments it twice.
 * A `/*!` (legal) comment: esbuild (tsx, Vite) keeps those where it drops others.
 */
export const INSTRUMENTED_MARKER = "/*! ts-autotrace: instrumented */";

export interface EngineOptions {
  /** tracing.config.json; relative to the nearest tsconfig.json's folder (see project-settings). */
  config?: string;
  /** Where the search for tsconfig.json starts (default: the current folder). */
  cwd?: string;
  /** Module the emitted code imports (default "ts-autotrace"). */
  runtimeModule?: string;
  /** Where build warnings go (default: stderr). */
  onWarning?: WarningSink;
  /** The TypeScript (5.x or 6.x) to compile with. */
  ts?: typeof ts;
}

export interface TransformInput {
  code: string;
  /** Absolute path of the file `code` was read from. */
  fileName: string;
  /** Module syntax of the output: "esm" keeps import/export (bundlers), "commonjs" for require. */
  module?: "esm" | "commonjs";
  /** Keep JSX for a later plugin (bundlers) instead of compiling it as tsconfig.json says. */
  preserveJsx?: boolean;
  /**
   * The map of `code` to its original (tsx output, TypeScript 7's .js.map).
   * Rules then see the original .ts path and line, and the returned map is
   * composed with it once. Bundlers compose maps themselves: leave it out.
   */
  inputMap?: SourceMapInput;
  /**
   * Return the compiled JavaScript even when nothing in it is traced (a loader
   * must hand Node JavaScript for every .ts file; bundlers compile the rest).
   */
  compileUntraced?: boolean;
}

export interface TransformOutput {
  code: string;
  map: RawSourceMap;
}

export interface SourceEngine {
  readonly configPath: string;
  /** True when some rule takes `fileName` (original path when the code is compiled output). */
  wants(fileName: string): boolean;
  /** The rewritten file, or `undefined` when nothing in it is traced (or it already was). */
  transform(input: TransformInput): TransformOutput | undefined;
}

/**
 * Throws a ConfigError (its message says everything) for a bad
 * tracing.config.json. TypeScript is loaded on the first file that needs it:
 * a loader's start-up then costs only the config's reading.
 */
export function createEngine(options: EngineOptions = {}): SourceEngine {
  const project = locateProject(options.config, options.cwd);
  const config = loadConfig(project.configPath);
  const rulesFor = fileRulesIndex(compileRules(config));
  let compiler: Compiler | undefined;
  const current = () => (compiler ??= createCompiler(options, project));
  const wants = (fileName: string) =>
    rulesFor(relativeToRoot(config.rootDir, path.resolve(fileName))) !== undefined;
  return {
    configPath: project.configPath,
    wants,
    transform(input) {
      if (isInstrumented(input.code)) return undefined;
      const ruleFile = input.inputMap
        ? (originalSource(input.inputMap, input.fileName) ?? input.fileName)
        : input.fileName;
      if (!wants(ruleFile) && input.compileUntraced !== true) return undefined;
      const { ts: tsInstance, factory, compilerOptions } = current();
      return compile(tsInstance, factory, compilerOptions, input, ruleFile);
    },
  };
}

interface Compiler {
  ts: typeof ts;
  factory: ts.TransformerFactory<ts.SourceFile>;
  compilerOptions: ts.CompilerOptions;
}

function createCompiler(options: EngineOptions, project: ProjectLocation): Compiler {
  const tsInstance = options.ts ?? loadTypeScript();
  const factory = createTransformer(undefined, {
    config: project.configPath,
    runtimeModule: options.runtimeModule,
    onWarning: options.onWarning,
    ts: tsInstance,
  });
  return {
    ts: tsInstance,
    factory,
    compilerOptions: readCompilerOptions(tsInstance, project.tsconfig),
  };
}

/**
 * Output of this engine, or of a `tspc` build (the runtime binding's `file()`
 * registration, also as esbuild renames it when it converts to CommonJS).
 */
export function isInstrumented(code: string): boolean {
  return (
    code.includes(INSTRUMENTED_MARKER) ||
    /\b(?:__autotrace(?:_\d+)?|import_ts_autotrace\d*)\.file\(/.test(code)
  );
}

function compile(
  tsInstance: typeof ts,
  factory: ts.TransformerFactory<ts.SourceFile>,
  projectOptions: ts.CompilerOptions,
  input: TransformInput,
  ruleFile: string,
): TransformOutput | undefined {
  let changed = false;
  const tracking: ts.TransformerFactory<ts.SourceFile> = (context) => {
    const inner = factory(context);
    return (sourceFile) => {
      if (input.inputMap) mapLinesThrough(sourceFile, input.inputMap);
      const result = inner(sourceFile);
      changed = result !== sourceFile;
      return result;
    };
  };
  const output = tsInstance.transpileModule(input.code, {
    // The original path: rules and code.file.path name the .ts file.
    fileName: ruleFile,
    compilerOptions: compilerOptions(tsInstance, projectOptions, input),
    transformers: { before: [tracking] },
    reportDiagnostics: false,
  });
  if (output.sourceMapText === undefined) return undefined;
  if (!changed && input.compileUntraced !== true) return undefined;
  const own = JSON.parse(output.sourceMapText) as RawSourceMap;
  own.sources = [input.fileName];
  own.sourcesContent = [input.code];
  delete own.sourceRoot;
  return {
    code: `${withoutSourceMapComment(output.outputText)}${changed ? `${INSTRUMENTED_MARKER}\n` : ""}`,
    map: chainMaps(anchorLineStarts(own), input.inputMap),
  };
}

function compilerOptions(
  tsInstance: typeof ts,
  project: ts.CompilerOptions,
  input: TransformInput,
): ts.CompilerOptions {
  const esm = (input.module ?? "esm") === "esm";
  const options: ts.CompilerOptions = {
    target: tsInstance.ScriptTarget.ES2022,
    ...project,
    module: esm ? tsInstance.ModuleKind.ESNext : tsInstance.ModuleKind.CommonJS,
    sourceMap: true,
    inlineSourceMap: false,
    inlineSources: false,
    declaration: false,
    declarationMap: false,
    noEmit: false,
    emitDeclarationOnly: false,
  };
  // Resolution settings tied to another module kind only produce option errors here.
  delete options.moduleResolution;
  if (input.preserveJsx) options.jsx = tsInstance.JsxEmit.Preserve;
  return options;
}

const engines = new Map<string, SourceEngine>();

/**
 * One call, one file: `transformSource(code, "/abs/src/a.ts")` gives the traced
 * `{ code, map }`, or `undefined` when no rule takes a function of the file.
 * Engines are kept per `config`/`cwd`/`runtimeModule` (a config file read once).
 */
export function transformSource(
  code: string,
  fileName: string,
  options: EngineOptions & Omit<TransformInput, "code" | "fileName"> = {},
): TransformOutput | undefined {
  const key = JSON.stringify([options.config, options.cwd, options.runtimeModule]);
  let engine = engines.get(key);
  if (!engine) engines.set(key, (engine = createEngine(options)));
  return engine.transform({ ...options, code, fileName });
}
