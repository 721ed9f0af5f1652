/**
 * Turns a plain `tsc` build into an instrumented one: a tracing config that
 * traces every function of the sources, a tsconfig that extends the build's
 * own and adds the plugin, and the same command run with our tspc.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** This repository's build output, which the instrumented build uses. */
export interface OurBuild {
  /** The repository root: the package `ts-autotrace` the emitted code imports. */
  root: string;
  tspc: string;
  transformer: string;
}

// `tsc` or `npx tsc` as a command word (not `tsc-alias`, not a path ending in tsc).
const TSC_COMMAND = /(^|[\s;&|(])(?:npx\s+)?tsc(?=\s|$)/g;
const PROJECT_FLAG = /(?<=\s)(?:-p|--project)(?:\s+|=)("[^"]*"|'[^']*'|\S+)/;

export const TRACING_CONFIG_NAME = "tracing.autotrace.json";
export const TSCONFIG_NAME = "tsconfig.autotrace.json";

export function instrumentedBuildCommand(
  copyDir: string,
  plainBuild: string,
  files: string,
  ours: OurBuild,
): string {
  if (!plainBuild.match(TSC_COMMAND)) {
    throw new Error(
      `the build command must call tsc (the instrumented build runs tspc in its place): ${plainBuild}`,
    );
  }
  const project = PROJECT_FLAG.exec(plainBuild)?.[1]?.replace(/^["']|["']$/g, "");
  const baseTsconfig = tsconfigPath(copyDir, project ?? ".");
  const tracingConfig = path.join(copyDir, TRACING_CONFIG_NAME);
  fs.writeFileSync(tracingConfig, JSON.stringify(everyFunction(files, copyDir), null, 2));
  const tsconfig = path.join(path.dirname(baseTsconfig), TSCONFIG_NAME);
  fs.writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        extends: `./${path.basename(baseTsconfig)}`,
        compilerOptions: {
          // Replaces any plugins of the base config: tsconfig `extends` does
          // not merge arrays. Acceptable for libraries that have none.
          plugins: [{ transform: ours.transformer, config: tracingConfig }],
        },
      },
      null,
      2,
    ),
  );
  installRuntime(copyDir, ours.root);
  const withTspc = plainBuild.replace(
    TSC_COMMAND,
    (_match, lead: string) => `${lead}${quote(ours.tspc)}`,
  );
  return project === undefined
    ? `${withTspc} -p ${quote(tsconfig)}`
    : withTspc.replace(PROJECT_FLAG, `-p ${quote(tsconfig)}`);
}

/**
 * The emitted code imports "ts-autotrace" (the default `runtimeModule`), as in
 * a user's project, and package `exports` pick the CommonJS or ES module entry
 * for each output format. The package is installed into the copy as real files
 * (its own dependencies linked to ours): test runners treat code under
 * node_modules as a dependency and load it with Node itself. A symlink to this
 * repository would resolve outside node_modules, and vitest 2 then runs the
 * CommonJS runtime through its own module shim, where the ES module entry's
 * default import sees no exports (see docs/acceptance.md).
 */
function installRuntime(copyDir: string, ourRoot: string): void {
  const installed = path.join(copyDir, "node_modules", "ts-autotrace");
  fs.rmSync(installed, { force: true, recursive: true });
  fs.mkdirSync(path.join(installed, "dist"), { recursive: true });
  fs.copyFileSync(path.join(ourRoot, "package.json"), path.join(installed, "package.json"));
  // What the runtime loads: itself and the build-time/run-time contract it imports.
  for (const folder of ["runtime", "contract"]) {
    fs.cpSync(path.join(ourRoot, "dist", folder), path.join(installed, "dist", folder), {
      recursive: true,
    });
  }
  fs.symlinkSync(path.join(ourRoot, "node_modules"), path.join(installed, "node_modules"), "dir");
}

function everyFunction(files: string, copyDir: string): object {
  return {
    serviceName: `acceptance-${path.basename(copyDir)}`,
    rules: [{ files, functions: ["*"] }],
  };
}

function tsconfigPath(copyDir: string, project: string): string {
  const resolved = path.resolve(copyDir, project);
  return fs.statSync(resolved).isDirectory() ? path.join(resolved, "tsconfig.json") : resolved;
}

function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Traced functions in the build output: each has exactly one site
 * declaration at module top, `var __autotrace_sN = __autotrace_f(...)`.
 */
export function countCallSites(dir: string): number {
  let count = 0;
  for (const file of outputFiles(dir)) {
    const text = fs.readFileSync(file, "utf8");
    count += text.match(/\b__autotrace_s\d+\w* = __autotrace_f\w*\(/g)?.length ?? 0;
  }
  return count;
}

function* outputFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".git") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* outputFiles(full);
    else if (entry.isFile() && /\.[cm]?js$/.test(entry.name)) yield full;
  }
}
