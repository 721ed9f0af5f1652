/**
 * Built-in commands for the libraries of docs/acceptance.md, recognised by the
 * `name` in the repository's package.json, so that
 * `npm run acceptance -- /path/to/yaml` needs no options.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface Preset {
  /** The plain build; it must call `tsc`, which the instrumented build swaps for tspc. */
  build: string;
  /** Run in the copy's root. */
  test: string;
  /** Glob of the sources to instrument, relative to the repository root. */
  files: string;
  /** Writes files the commands need into a scratch copy (never the user's repository). */
  prepare?: (copyDir: string) => void;
}

const NEVERTHROW_VITEST_CONFIG = "vitest.autotrace.config.mjs";

export const PRESETS: Readonly<Record<string, Preset>> = {
  // The repository's own vitest config tests dist/ when TEST_DIST is set. The
  // two suites excluded here read git submodules, which are empty in a clone.
  yaml: {
    build: "npx tsc -p tsconfig.json",
    test: "TEST_DIST=1 npx vitest run --exclude tests/yaml-test-suite.ts --exclude tests/json-test-suite.ts",
    files: "src/**",
  },
  // neverthrow's own build is rollup; tsc into a folder of its own keeps the
  // plain and instrumented builds comparable. Its tests import `../src`, so a
  // small config aliases that to the built output.
  neverthrow: {
    build: "npx tsc -p tsconfig.json --outDir dist-tsc --declaration false",
    test: `npx vitest run --config ${NEVERTHROW_VITEST_CONFIG}`,
    files: "src/**",
    prepare: (copyDir) =>
      fs.writeFileSync(
        path.join(copyDir, NEVERTHROW_VITEST_CONFIG),
        [
          "// Written by ts-autotrace's acceptance script: tests run against the tsc build.",
          'import { fileURLToPath } from "node:url";',
          "export default {",
          "  test: {",
          '    alias: { "../src": fileURLToPath(new URL("./dist-tsc/index.js", import.meta.url)) },',
          "  },",
          "};",
          "",
        ].join("\n"),
      ),
  },
};

export function presetFor(repoDir: string): { name: string; preset: Preset } | undefined {
  const manifest = path.join(repoDir, "package.json");
  if (!fs.existsSync(manifest)) return undefined;
  const { name } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown };
  if (typeof name !== "string" || !Object.hasOwn(PRESETS, name)) return undefined;
  return { name, preset: PRESETS[name] };
}
