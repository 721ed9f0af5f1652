/** `check`: is the config valid? Every problem with its JSON path; exit 1 if any. */
import * as path from "node:path";
import { stringOption, type Command } from "../command";
import { loadConfig } from "../../../transformer/config/load-config";
import { ConfigError } from "../../../transformer/config/config-error";
import { globHints } from "../../../transformer/match/glob-hints";
import { readProject } from "../project/tsconfig-file";
import { EXIT, paletteFor } from "../terminal";

export const checkCommand: Command = {
  name: "check",
  summary: "validate tracing.config.json: every problem with its JSON path",
  help: `Usage: npx ts-autotrace check [--project tsconfig.json] [--config tracing.config.json] [--json]

Validates the config the plugin in tsconfig.json points at (its "config"
option, else tracing.config.json beside tsconfig.json). Prints every problem
with its JSON path and how to fix it, or one summary line.

Options:
  -p, --project <path>  tsconfig.json (or its folder); default ./tsconfig.json
  -c, --config <path>   check this config file instead
      --json            print { "configPath", "valid", "problems", "warnings" }
  -h, --help            show this help

Exit codes: 0 valid (warnings may be printed), 1 problems found, 2 wrong command line.
`,
  options: {
    project: { type: "string", short: "p" },
    config: { type: "string", short: "c" },
    json: { type: "boolean" },
  },
  positionals: { min: 0, max: 0 },
  run(args, io) {
    const project = readProject(
      io.cwd,
      stringOption(args, "project"),
      stringOption(args, "config"),
    );
    const shown = path.relative(io.cwd, project.configPath) || project.configPath;
    let problems: ConfigError["problems"] = [];
    let warnings: ReturnType<typeof globHints> = [];
    let ruleCount = 0;
    try {
      const config = loadConfig(project.configPath);
      ruleCount = config.rules.length;
      warnings = globHints(config.rules);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems = error.problems;
    }
    if (args.values.json) {
      const report = {
        configPath: project.configPath,
        valid: problems.length === 0,
        problems,
        warnings,
      };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return problems.length === 0 ? EXIT.ok : EXIT.problems;
    }
    const paint = paletteFor(io.stdout, io.env);
    for (const p of problems)
      io.stdout.write(`${shown}: ${paint.red("error")} ${p.path || "(file)"}: ${p.message}\n`);
    for (const w of warnings)
      io.stdout.write(`${shown}: ${paint.yellow("warning")} ${w.path}: ${w.message}\n`);
    if (problems.length > 0) {
      const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
      io.stdout.write(
        `${paint.red("✗")} ${shown}: ${count}; the build would stop with this config.\n`,
      );
      return EXIT.problems;
    }
    const rules = ruleCount === 1 ? "1 rule" : `${ruleCount} rules`;
    io.stdout.write(`${paint.green("✓")} ${shown} is valid: ${rules}.\n`);
    return EXIT.ok;
  },
};
