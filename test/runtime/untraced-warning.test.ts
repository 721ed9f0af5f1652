/**
 * Never silently untraced: reading spans with no traced function loaded
 * prints one warning naming the causes and the fix, and tracingHealth()
 * counts the traced functions loaded. Child processes: the warning is once
 * per process.
 */
import { describe, expect, it } from "vitest";
import { ROOT, run, tracingEnv } from "../helpers/run";

function node(script: string, env: Record<string, string> = {}) {
  return run(process.execPath, ["-e", script], { cwd: ROOT, env: tracingEnv(env) });
}

const WARNING = /no traced function has been loaded in this process/g;

describe("with no traced function loaded", () => {
  it("getFinishedSpans() and tracingHealth() warn once, naming causes and fix", () => {
    const result = node(
      `const t = require("ts-autotrace");
       t.getFinishedSpans(); t.getFinishedSpans();
       console.log(t.tracingHealth().tracedFunctions);`,
      { TRACING_EXPORTER: "in_memory" },
    );
    expect(result.stdout.trim()).toBe("0");
    expect(result.stderr.match(WARNING)).toHaveLength(1);
    expect(result.stderr).toMatch(/plain `tsc`.*tsx.*ts-autotrace\/vite.*TypeScript 7/s);
    expect(result.stderr).toMatch(/Fix: .*--import ts-autotrace\/register/s);
  });

  it("a program that chose the console exporter hears it at exit", () => {
    const result = node(`require("ts-autotrace").initializeTracing({ exporter: "console" });`);
    expect(result.status).toBe(0);
    expect(result.stderr.match(WARNING)).toHaveLength(1);
  });
});

describe("with traced functions loaded", () => {
  it("counts them and says nothing", () => {
    const result = node(
      `const t = require("ts-autotrace");
       const f = t.file("src/a.ts");
       f("a", 1); f("b", 2);
       t.getFinishedSpans();
       console.log(t.tracingHealth().tracedFunctions);`,
      { TRACING_EXPORTER: "in_memory" },
    );
    expect(result.stdout.trim()).toBe("2");
    expect(result.stderr).not.toMatch(WARNING);
  });
});
