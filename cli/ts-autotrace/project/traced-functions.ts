/**
 * The dry run behind `list`: the real program from the tsconfig (no emit, no
 * type check), each file the rules take walked with the transformer's own
 * matching (identity, first matching rule, ignore comments), so what is listed
 * is what a build wraps.
 */
import * as path from "node:path";
import typescript = require("typescript");
import type * as ts from "typescript";
import type { TracingConfig } from "../../../transformer/config/config-types";
import {
  compileRules,
  fileRulesIndex,
  relativeToRoot,
  type CompiledRule,
} from "../../../transformer/match/compiled-rules";
import {
  identifyFunction,
  isInstrumentable,
  type FunctionIdentity,
  type InstrumentableFunction,
} from "../../../transformer/match/function-identity";
import { hasIgnoreComment, isFileIgnored } from "../../../transformer/match/ignore-comments";
import { planFunction, wrapProblem } from "../../../transformer/plan/function-plan";
import { spanName } from "../../../transformer/plan/span-name";
import { InputError } from "../terminal";

export interface TracedFunction {
  /** Relative to the config folder, with forward slashes. */
  file: string;
  line: number;
  name: string;
  spanName: string;
  rule: number;
}

/** A function some rule's `files` take, traced or not: what "did you mean" picks from. */
export interface SeenFunction {
  file: string;
  identity: FunctionIdentity;
  /** The rules whose files take it, in config order. */
  rules: number[];
}

export interface DryRun {
  rules: CompiledRule[];
  /** Every source file of the program (relative), for "did you mean" on globs. */
  programFiles: string[];
  functions: TracedFunction[];
  /** Matched, but the build leaves them as written (and warns): why, in the build's words. */
  leftAsWritten: (TracedFunction & { reason: string })[];
  seen: SeenFunction[];
}

export function dryRun(tsconfigPath: string, config: TracingConfig): DryRun {
  const program = createProgram(tsconfigPath);
  const rules = compileRules(config);
  const rulesFor = fileRulesIndex(rules);
  const run: DryRun = { rules, programFiles: [], functions: [], leftAsWritten: [], seen: [] };
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile))
      continue;
    const file = relativeToRoot(config.rootDir, path.resolve(sourceFile.fileName));
    run.programFiles.push(file);
    const taking = rulesFor(file);
    if (taking === undefined || isFileIgnored(typescript, sourceFile)) continue;
    visitFunctions(sourceFile, (node, identity) => {
      run.seen.push({ file, identity, rules: taking.rules.map((r) => r.index) });
      const rule = taking.select(identity);
      if (!rule || hasIgnoreComment(typescript, sourceFile, node)) return;
      const start = node.getStart(sourceFile);
      const traced: TracedFunction = {
        file,
        line: sourceFile.getLineAndCharacterOfPosition(start).line + 1,
        name: identity.qualifiedName,
        spanName: spanName(rule.rule, identity, file),
        rule: rule.index,
      };
      // The build's own checks: a function it cannot wrap correctly is left as written.
      const plan = planFunction(typescript, node, identity);
      const reason = wrapProblem(typescript, plan, program.getCompilerOptions());
      if (reason) run.leftAsWritten.push({ ...traced, reason });
      else run.functions.push(traced);
    });
  }
  return run;
}

function visitFunctions(
  sourceFile: ts.SourceFile,
  found: (node: InstrumentableFunction, identity: FunctionIdentity) => void,
) {
  const visit = (node: ts.Node): void => {
    if (isInstrumentable(typescript, node)) {
      const identity = identifyFunction(typescript, node);
      if (identity) found(node, identity);
    }
    typescript.forEachChild(node, visit);
  };
  visit(sourceFile);
}

function createProgram(tsconfigPath: string): ts.Program {
  const diagnostics: ts.Diagnostic[] = [];
  const configHost: ts.ParseConfigFileHost = {
    ...typescript.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d),
  };
  const parsed = typescript.getParsedCommandLineOfConfigFile(tsconfigPath, {}, configHost);
  const errors = [...diagnostics, ...(parsed?.errors ?? [])].filter(
    (d) => d.category === typescript.DiagnosticCategory.Error,
  );
  if (!parsed || errors.length > 0) {
    const text = typescript.formatDiagnostics(errors, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => path.dirname(tsconfigPath),
      getNewLine: () => "\n",
    });
    throw new InputError(`${tsconfigPath} cannot be read:\n${text.trim()}`);
  }
  // Only the project's own sources are walked, so the default library and
  // @types packages are not loaded: they cost most of the parse time.
  const options = { ...parsed.options, noEmit: true, noLib: true, types: [] };
  // Parent pointers: the matching reads a function's surroundings for its name.
  const host = typescript.createCompilerHost(options, true);
  return typescript.createProgram({ rootNames: parsed.fileNames, options, host });
}
