/**
 * Never silently untraced: code built or run without the transformer loads no
 * traced function, and a test or program that then reads spans gets none and
 * would not know why. The count comes from site registration (site.ts).
 */
import { state } from "../shared/state";
import { warnOnce } from "../shared/warnings";

const MESSAGE =
  "spans were read, but no traced function has been loaded in this process, so there are none. " +
  "Likely causes: the code was built or run without ts-autotrace (plain `tsc`, tsx or ts-node " +
  "without `--import ts-autotrace/register`, vitest without `ts-autotrace/vite`, jest without " +
  "`ts-autotrace/jest`, or TypeScript 7's tsc, which runs no transformer), or no rule in " +
  "tracing.config.json takes the loaded files. Fix: add the entry point for your tool " +
  "(README, first table), e.g. `plugins: [autotrace()]` from `ts-autotrace/vite` in " +
  "vite.config.ts / vitest.config.ts, or `node --import ts-autotrace/register app.ts`.";

export function countTracedFunction(): void {
  // A state made by an older copy of the runtime in the same process lacks the field.
  state.health.tracedFunctions = (state.health.tracedFunctions ?? 0) + 1;
}

export function tracedFunctionCount(): number {
  return state.health.tracedFunctions ?? 0;
}

export function warnIfNothingTraced(): void {
  if (tracedFunctionCount() === 0) warnOnce("nothing-traced", MESSAGE);
}

/** Whether this copy of the runtime has its exit check listening. */
let exitCheckArmed = false;

/**
 * Local exporters are read by a person or a test: check once the program has
 * run. One listener per process however often tracing is configured (a flag
 * of its own: tests clear the warn-once keys).
 */
export function checkAtExitFor(exporter: unknown): void {
  if (exporter !== "console" && exporter !== "in_memory") return;
  if (exitCheckArmed) return;
  exitCheckArmed = true;
  process.once("beforeExit", () => {
    exitCheckArmed = false;
    warnIfNothingTraced();
  });
}
