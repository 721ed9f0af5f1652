/**
 * Builds one file with the transformer through `ts.transpileModule`: about a
 * hundred times faster than a full program, so every fixture can run in every
 * output format. Full `tspc` builds are left to the end-to-end tests.
 */
import * as fs from "node:fs";
import * as ts from "typescript";
import { createTransformer } from "../../transformer/index";

export interface TranspileResult {
  outputText: string;
  sourceMapText?: string;
  warnings: string[];
}

export function transpileWithTracing(
  fileName: string,
  configPath: string | undefined,
  compilerOptions: ts.CompilerOptions = {},
): TranspileResult {
  const warnings: string[] = [];
  const before = configPath
    ? [createTransformer(undefined, { config: configPath, onWarning: (w) => warnings.push(w) })]
    : [];
  const output = ts.transpileModule(fs.readFileSync(fileName, "utf8"), {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      ...compilerOptions,
    },
    transformers: { before },
    reportDiagnostics: false,
  });
  return { outputText: output.outputText, sourceMapText: output.sourceMapText, warnings };
}
