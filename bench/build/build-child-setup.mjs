// Writes the generated code base and one tsconfig per build variant into
// .tmp/bench/build/ (see run-build.mjs).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { WORK } from "../lib/paths.mjs";
import { generateCodeBase } from "./generate.mjs";

const require = createRequire(import.meta.url);
export const BUILD_DIR = join(WORK, "build");

const COMPILER_OPTIONS = {
  target: "ES2022",
  module: "CommonJS",
  moduleResolution: "node10",
  lib: ["ES2022"],
  types: [],
  strict: true,
  skipLibCheck: true,
  rootDir: "src",
  noEmit: false,
};

/** Rules that take every function, and rules whose patterns take none. */
const RULES = {
  all: [{ files: "src/**/*.ts", functions: ["*"] }],
  none: [{ files: "src/**/*.ts", functions: ["noFunctionHasThisName*"] }],
};

/** name -> [compiler, tracing config or undefined] */
export const VARIANTS = {
  tsc: ["tsc", undefined],
  tspc: ["tspc", undefined],
  "tspc-all": ["tspc", "all"],
  "tspc-none": ["tspc", "none"],
};

export function setUpBuild(files) {
  mkdirSync(BUILD_DIR, { recursive: true });
  const size = generateCodeBase(BUILD_DIR, files);
  const transformer = require.resolve("ts-autotrace/transformer");
  for (const [name, [, rules]] of Object.entries(VARIANTS)) {
    if (rules !== undefined) {
      writeFileSync(
        join(BUILD_DIR, `tracing.${rules}.json`),
        JSON.stringify({ serviceName: "bench", rules: RULES[rules] }, null, 2),
      );
    }
    const plugins =
      rules === undefined
        ? undefined
        : [{ transform: transformer, config: `./tracing.${rules}.json` }];
    const tsconfig = {
      compilerOptions: { ...COMPILER_OPTIONS, outDir: `out/${name}`, plugins },
      include: ["src"],
    };
    writeFileSync(join(BUILD_DIR, `tsconfig.${name}.json`), JSON.stringify(tsconfig, null, 2));
  }
  return size;
}

export const COMPILERS = {
  tsc: require.resolve("typescript/bin/tsc"),
  tspc: require.resolve("ts-patch/bin/tspc.js"),
};
