/** `init`: a starter tracing.config.json and the plugin entry in tsconfig.json. */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Command, stringOption } from "../command";
import { DEFAULT_CONFIG_FILE } from "../../../transformer/config/load-config";
import { addPlugin } from "../project/add-plugin";
import { findTsconfig } from "../project/tsconfig-file";
import { EXIT, InputError, paletteFor } from "../terminal";

export const initCommand: Command = {
  name: "init",
  summary: "write a starter tracing.config.json and add the plugin to tsconfig.json",
  help: `Usage: npx ts-autotrace init [--project tsconfig.json] [--force]

Writes tracing.config.json (with "$schema", so editors complete and check
it) next to tsconfig.json, and adds { "transform": "ts-autotrace/transformer" }
to compilerOptions.plugins in tsconfig.json, keeping its comments and
formatting. Prints what it did and the next command to run.

Options:
  -p, --project <path>  tsconfig.json (or its folder); default ./tsconfig.json
  -f, --force           overwrite an existing tracing.config.json
  -h, --help            show this help

Exit codes: 0 done, 1 tsconfig.json missing or tracing.config.json exists (without --force), 2 wrong command line.
`,
  options: { project: { type: "string", short: "p" }, force: { type: "boolean", short: "f" } },
  positionals: { min: 0, max: 0 },
  run(args, io) {
    const tsconfigPath = findTsconfig(io.cwd, stringOption(args, "project"));
    const dir = path.dirname(tsconfigPath);
    const configPath = path.join(dir, DEFAULT_CONFIG_FILE);
    const existed = fs.existsSync(configPath);
    if (existed && !args.values.force) {
      throw new InputError(
        `${configPath} already exists; nothing was changed. Pass --force to overwrite it.`,
      );
    }
    const tsconfigText = fs.readFileSync(tsconfigPath, "utf8");
    const { text, change } = addPlugin(tsconfigText);
    fs.writeFileSync(configPath, starterConfig(dir));
    if (change === "added") fs.writeFileSync(tsconfigPath, text);

    const paint = paletteFor(io.stdout, io.env);
    const shown = (file: string) => path.relative(io.cwd, file) || file;
    io.stdout.write(
      [
        `${paint.green("✓")} ${existed ? "overwrote" : "wrote"} ${shown(configPath)}`,
        change === "added"
          ? `${paint.green("✓")} added { "transform": "ts-autotrace/transformer" } to compilerOptions.plugins in ${shown(tsconfigPath)}`
          : `  ${shown(tsconfigPath)} already has the ts-autotrace plugin; left as it was`,
        "",
        "Next: see what will be traced with",
        `  npx ts-autotrace list${stringOption(args, "project") ? ` --project ${shown(tsconfigPath)}` : ""}`,
        "then build with `npx ts-autotrace build` (ts-patch's tspc, after its checks;",
        "npm install --save-dev ts-patch), also in package.json scripts in place of `tsc`.",
        "",
      ].join("\n"),
    );
    return EXIT.ok;
  },
};

/** Every function under src/ (or the whole folder), except the `_private` ones. */
function starterConfig(dir: string): string {
  const files = fs.existsSync(path.join(dir, "src")) ? "src/**/*.ts" : "**/*.ts";
  const config = {
    $schema: "./node_modules/ts-autotrace/tracing.config.schema.json",
    rules: [
      {
        files: [files, "!**/*.test.ts", "!**/*.spec.ts"],
        functions: ["*", "!_*"],
        thresholdMs: 100,
      },
    ],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
