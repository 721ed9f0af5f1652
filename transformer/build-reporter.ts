/**
 * Build warnings: rules that match no file or no function, and functions that
 * match but cannot be traced. Rule warnings need the program's file list, so
 * they are reported once, when every file some rule wants has been transformed
 * (without a program, as with `ts.transpileModule`, only per-function warnings).
 */
import { nearestNames } from "./config/nearest-names";
import type { CompiledRule } from "./match/compiled-rules";
import type { NamedFunction } from "./match/name-pattern";
import { globHints } from "./match/glob-hints";

export type WarningSink = (message: string) => void;

export class BuildReporter {
  private readonly pendingFiles = new Set<string>();
  private readonly rulesWithFiles = new Set<number>();
  private readonly rulesWithFunctions = new Set<number>();
  /** Names of the functions seen in files each set of rules takes: for "did you mean". */
  private readonly seen = new Map<
    readonly CompiledRule[],
    { own: Set<string>; qualified: Set<string> }
  >();
  private finished: boolean;

  constructor(
    private readonly configPath: string,
    private readonly rules: CompiledRule[],
    private readonly sink: WarningSink,
    filesByRule?: Map<number, string[]>,
  ) {
    this.finished = filesByRule === undefined;
    for (const hint of globHints(rules.map((r) => r.rule))) {
      this.sink(`ts-autotrace: warning: ${configPath} ${hint.path}: ${hint.message}`);
    }
    if (filesByRule) this.expectFiles(filesByRule);
  }

  warn(rule: CompiledRule | undefined, message: string): void {
    const where = rule ? ` rules[${rule.index}]` : "";
    this.sink(`ts-autotrace: warning: ${this.configPath}${where}: ${message}`);
  }

  functionMatched(rule: CompiledRule): void {
    this.rulesWithFunctions.add(rule.index);
  }

  /** A named function in a file that `rules` take, matched or not. */
  functionSeen(rules: readonly CompiledRule[], fn: NamedFunction): void {
    let names = this.seen.get(rules);
    if (names === undefined)
      this.seen.set(rules, (names = { own: new Set(), qualified: new Set() }));
    names.own.add(fn.name);
    names.qualified.add(fn.qualifiedName);
  }

  fileDone(fileName: string): void {
    this.pendingFiles.delete(fileName);
    this.finishIfDone();
  }

  private expectFiles(filesByRule: Map<number, string[]>): void {
    for (const rule of this.rules) {
      const files = filesByRule.get(rule.index) ?? [];
      files.forEach((file) => this.pendingFiles.add(file));
      if (files.length > 0) this.rulesWithFiles.add(rule.index);
      else {
        const globs = JSON.stringify(rule.rule.files);
        this.warn(
          rule,
          `its "files" ${globs} match no file of the program; globs are relative to the config file's folder.`,
        );
      }
    }
    this.finishIfDone();
  }

  private finishIfDone(): void {
    if (this.finished || this.pendingFiles.size > 0) return;
    this.finished = true;
    for (const rule of this.rules) {
      if (!this.rulesWithFiles.has(rule.index) || this.rulesWithFunctions.has(rule.index)) continue;
      const patterns = JSON.stringify(rule.rule.functions);
      this.warn(
        rule,
        `its "functions" ${patterns} match no function in the files it takes (or earlier rules take them all)${this.suggestions(rule)}.`,
      );
    }
  }

  /** `; did you mean "chargeCard"?` for the include patterns nearest to names that exist. */
  private suggestions(rule: CompiledRule): string {
    const own = new Set<string>();
    const qualified = new Set<string>();
    for (const [rules, names] of this.seen) {
      if (!rules.includes(rule)) continue;
      names.own.forEach((n) => own.add(n));
      names.qualified.forEach((n) => qualified.add(n));
    }
    const near = rule.rule.functions
      .filter((p) => !p.startsWith("!"))
      .flatMap((p) => nearestNames(p.replace(/\*/g, ""), p.includes(".") ? qualified : own));
    return near.length === 0
      ? ""
      : `; did you mean ${[...new Set(near)].map((n) => JSON.stringify(n)).join(" or ")}?`;
  }
}
