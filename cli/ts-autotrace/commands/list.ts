/** `list`: a dry run over the real program: what a build would trace, and which rules miss. */
import * as path from "node:path";
import { stringOption, type Command } from "../command";
import { groupBy } from "../group-by";
import { loadConfig } from "../../../transformer/config/load-config";
import type { TracingRule } from "../../../transformer/config/config-types";
import { readProject } from "../project/tsconfig-file";
import type { TracedFunction } from "../project/traced-functions";
import { dryRunWarnings, type DryRunWarning } from "../project/dry-run-warnings";
import { EXIT, paletteFor, type CliIo } from "../terminal";

export const listCommand: Command = {
  name: "list",
  summary: "show every function a build will trace, by file, and rules that match nothing",
  help: `Usage: npx ts-autotrace list [--project tsconfig.json] [--config tracing.config.json] [--json]

A dry run over the real program (the files tsconfig.json compiles; nothing
is emitted): every function that will be traced, grouped by file, with its
line, span name, the rule that matched and that rule's options; then how many
functions each rule matched; then warnings for globs and name patterns that
match nothing, with the nearest paths or names that exist.

Options:
  -p, --project <path>  tsconfig.json (or its folder); default ./tsconfig.json
  -c, --config <path>   use this config file instead of the plugin's
      --json            one JSON document:
                        { "functions": [{ "file", "line", "name", "spanName", "rule" }],
                          "rules": [{ "index", "matched" }], "warnings": [...] }
  -h, --help            show this help

Exit codes: 0 listed (warnings may be printed), 1 invalid config or tsconfig, 2 wrong command line.
`,
  options: {
    project: { type: "string", short: "p" },
    config: { type: "string", short: "c" },
    json: { type: "boolean" },
  },
  positionals: { min: 0, max: 0 },
  async run(args, io) {
    // TypeScript loads only for `list`: the other commands start in a few milliseconds.
    const { dryRun } = await import("../project/traced-functions");
    const project = readProject(
      io.cwd,
      stringOption(args, "project"),
      stringOption(args, "config"),
    );
    const config = loadConfig(project.configPath);
    const run = dryRun(project.tsconfigPath, config);
    const rules = config.rules.map((rule, index) => ({
      index,
      matched: run.functions.filter((f) => f.rule === index).length,
      options: ruleOptions(rule),
    }));
    const warnings = dryRunWarnings(run);
    if (args.values.json) {
      const functions = run.functions.map((f) => ({ ...f, options: rules[f.rule].options }));
      const report = { configPath: config.configPath, functions, rules, warnings };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      printText(
        io,
        path.relative(io.cwd, config.configPath) || config.configPath,
        run.functions,
        rules,
        warnings,
      );
    }
    return EXIT.ok;
  },
};

/** The options a rule gives the functions it takes, without defaults that say nothing. */
function ruleOptions(rule: TracingRule): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (rule.includeArgs) options.includeArgs = true;
  if (rule.includeResult) options.includeResult = true;
  if (rule.thresholdMs !== undefined) options.thresholdMs = rule.thresholdMs;
  if (rule.spanName !== undefined) options.spanName = rule.spanName;
  if (Object.keys(rule.attributes).length > 0) options.attributes = rule.attributes;
  return options;
}

function printText(
  io: CliIo,
  configShown: string,
  functions: TracedFunction[],
  rules: { index: number; matched: number; options: Record<string, unknown> }[],
  warnings: DryRunWarning[],
): void {
  const paint = paletteFor(io.stdout, io.env);
  const out: string[] = [];
  const byFile = groupBy(functions, (f) => f.file);
  for (const [file, inFile] of byFile) {
    out.push(paint.bold(file));
    const width = Math.max(...inFile.map((f) => String(f.line).length));
    for (const f of inFile) {
      const options = describeOptions(rules[f.rule].options);
      const span = f.spanName === f.name ? "" : `  span "${f.spanName}"`;
      out.push(
        `  ${String(f.line).padStart(width)}  ${f.name}${span}  ${paint.dim(`rules[${f.rule}]${options}`)}`,
      );
    }
  }
  out.push("", `Rules (${configShown}):`);
  for (const rule of rules) {
    const count = rule.matched === 1 ? "1 function" : `${rule.matched} functions`;
    out.push(`  rules[${rule.index}]  ${rule.matched === 0 ? paint.yellow(count) : count}`);
  }
  if (warnings.length > 0) out.push("", "Warnings:");
  for (const w of warnings) out.push(`  ${paint.yellow("warning")} ${w.path}: ${w.message}`);
  const files = byFile.size === 1 ? "1 file" : `${byFile.size} files`;
  const total = functions.length === 1 ? "1 function" : `${functions.length} functions`;
  out.push("", `${total} in ${files} will be traced.`);
  io.stdout.write(`${out.join("\n")}\n`);
}

function describeOptions(options: Record<string, unknown>): string {
  const parts = Object.entries(options).map(([key, value]) =>
    value === true ? key : `${key}=${JSON.stringify(value)}`,
  );
  return parts.length === 0 ? "" : ` ${parts.join(" ")}`;
}
