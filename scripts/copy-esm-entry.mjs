// The runtime is compiled once, as CommonJS; ESM users get a thin .mjs that
// re-exports it, so both module formats share one tracer state.
import { copyFileSync, writeFileSync } from "node:fs";

copyFileSync("runtime/index.mjs", "dist/runtime/index.mjs");

// Each integration's default export, for `import autotrace from "ts-autotrace/vite"`:
// Node's ESM view of a CommonJS module has `module.exports` as its default.
for (const name of ["vite", "rollup", "esbuild", "webpack", "rspack"]) {
  writeFileSync(
    `dist/integrations/bundlers/${name}.mjs`,
    `import entry from "./${name}.js";\nexport default entry.default;\n`,
  );
}
