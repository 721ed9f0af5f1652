// The runtime is compiled once, as CommonJS; ESM users get a thin .mjs that
// re-exports it, so both module formats share one tracer state.
import { copyFileSync } from "node:fs";

copyFileSync("runtime/index.mjs", "dist/runtime/index.mjs");
