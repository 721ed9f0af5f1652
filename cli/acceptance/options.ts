/** Command-line options of the acceptance script, completed from a preset. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { PRESETS, presetFor, type Preset } from "./presets";

export interface AcceptanceOptions {
  repo: string;
  preset: string | undefined;
  build: string;
  test: string;
  files: string;
  prepare: Preset["prepare"];
  keep: boolean;
  json: string | undefined;
}

export const USAGE = `Usage: npm run acceptance -- <repository> [options]

Builds a TypeScript repository plainly and with every function of its sources
traced (exporter in_memory), runs its tests against each build, and compares.
Works on a scratch copy; the repository must have its node_modules installed.

Options:
  --build <command>   plain build; must call tsc (tspc replaces it when instrumented)
  --test <command>    test command; vitest and jest get a JSON report added
  --files <glob>      sources to trace, relative to the repository (default "src/**")
  --preset <name>     ${Object.keys(PRESETS).join(", ")}, or none (default: by package name)
  --json <file>       also write the results as JSON
  --keep              keep the scratch copies (they are kept anyway when the run fails)
  -h, --help`;

export function parseOptions(argv: string[]): AcceptanceOptions | "help" {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      build: { type: "string" },
      test: { type: "string" },
      files: { type: "string" },
      preset: { type: "string" },
      json: { type: "string" },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return "help";
  if (positionals.length !== 1) throw new Error("give exactly one repository path");
  const repo = path.resolve(positionals[0]);
  if (!fs.existsSync(path.join(repo, "package.json"))) {
    throw new Error(`${repo} has no package.json`);
  }
  const found = choosePreset(repo, values.preset);
  const build = values.build ?? found?.preset.build;
  const test = values.test ?? found?.preset.test;
  if (build === undefined || test === undefined) {
    throw new Error("no preset for this repository: give --build and --test");
  }
  return {
    repo,
    preset: found?.name,
    build,
    test,
    files: values.files ?? found?.preset.files ?? "src/**",
    prepare: found?.preset.prepare,
    keep: values.keep,
    json: values.json === undefined ? undefined : path.resolve(values.json),
  };
}

function choosePreset(repo: string, requested: string | undefined) {
  if (requested === "none") return undefined;
  if (requested === undefined) return presetFor(repo);
  if (!Object.hasOwn(PRESETS, requested)) throw new Error(`unknown preset ${requested}`);
  return { name: requested, preset: PRESETS[requested] };
}
