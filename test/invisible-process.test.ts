/**
 * What a whole process sees of tracing: how deep recursion gets, how an
 * uncaught error and an unhandled rejection end it, and that a failed context
 * switch (Node 20, a frozen promise's reaction) never fails the call.
 * Programs run in child processes against the fixtures/stack-traces builds.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFixture } from "./helpers/load-fixture";
import { ROOT, run, tracingEnv } from "./helpers/run";

const BUILDS = path.join(ROOT, ".tmp", "behaviour", "stack-traces");
const DIR = path.join(ROOT, ".tmp", "invisible-process");

beforeAll(() => {
  loadFixture("stack-traces"); // writes the traced and plain CommonJS builds
  fs.mkdirSync(DIR, { recursive: true });
});

function runProgram(
  variant: "traced" | "plain",
  body: string,
  env: Record<string, string> = { TRACING_EXPORTER: "in_memory" },
) {
  const file = path.join(DIR, `program-${Math.random().toString(36).slice(2)}.js`);
  const lib = JSON.stringify(path.join(BUILDS, variant, "input.js"));
  fs.writeFileSync(file, `"use strict";\nconst lib = require(${lib});\n${body}\n`);
  return run(process.execPath, [file], { env: tracingEnv(env), cwd: DIR });
}

// Warmed up first, as a parser's functions are by the time hostile input arrives.
const DEPTH = `for (let i = 0; i < 2000; i++) lib.descend({ depth: 0, limit: 50 });
const counter = { depth: 0, limit: -1 };
try { lib.descend(counter); } catch (error) { if (!(error instanceof RangeError)) throw error; }
console.log(counter.depth);`;

function depth(variant: "traced" | "plain", env?: Record<string, string>): number {
  const result = runProgram(variant, DEPTH, env);
  expect(result.status, result.stderr).toBe(0);
  return Number(result.stdout.trim());
}

describe("recursion depth", () => {
  // A traced frame is the function's own plus a stack slot for its catch: for
  // this minimal function about 0.89x of plain, depending on how V8 compiled
  // it (npm run bench tracks the 0.9x target).
  it("is at least half of plain while recording, 0.85 with none or disabled", () => {
    const plain = depth("plain");
    expect(plain).toBeGreaterThan(1000);
    expect(depth("traced")).toBeGreaterThanOrEqual(0.5 * plain);
    expect(depth("traced", { TRACING_EXPORTER: "none" })).toBeGreaterThanOrEqual(0.85 * plain);
    expect(depth("traced", { TRACING_ENABLED: "false" })).toBeGreaterThanOrEqual(0.85 * plain);
  });
});

describe("an uncaught error", () => {
  const crash = "setTimeout(() => lib.crash(), 1);";

  it("prints the plain stack and exit code; the banner shows the traced function's rethrow", () => {
    const plain = runProgram("plain", crash);
    const traced = runProgram("traced", crash);
    expect(traced.status).toBe(plain.status);
    const stack = (stderr: string) => stderr.slice(stderr.indexOf("Error: uncaught here"));
    const frames = (stderr: string) => stack(stderr).replace(/\(.*\)/g, "");
    expect(frames(traced.stderr).split("\n").slice(0, 3)).toEqual(
      frames(plain.stderr).split("\n").slice(0, 3),
    );
    // Node's banner quotes the line of the last `throw`, here the catch that recorded the error.
    expect(plain.stderr.split("\n")[1]).toContain('throw new Error("uncaught here")');
    expect(traced.stderr.split("\n")[1].trim()).toBe("throw __autotrace_e;");
  });
});

describe("a promise returned by a function that is not async", () => {
  const unhandled = "lib.refuse(1);";
  const handled = `process.on("unhandledRejection", () => console.log("unhandled"));
lib.refuse(1).catch((e) => console.log("caught", e.message));`;

  it("left unhandled still ends the process as an unhandled rejection", () => {
    const plain = runProgram("plain", unhandled);
    const traced = runProgram("traced", unhandled);
    expect(plain.status).toBe(1);
    expect(traced.status).toBe(plain.status);
    expect(traced.stderr).toContain("Error: refused after 1");
  });

  it("handled is not reported as unhandled", () => {
    expect(runProgram("traced", handled).stdout).toBe(runProgram("plain", handled).stdout);
    expect(runProgram("traced", handled).stdout).toBe("caught refused after 1\n");
  });
});

describe("async context tracking on Node 20", () => {
  const program = `lib.level4(1);
console.log(require("node:util").inspect(Promise.resolve(1)).includes("Symbol(async_id_symbol)"));`;

  it("shows as symbol properties of promises made after the runtime loaded, unless tracing is off", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(runProgram("plain", program).stdout).toBe("false\n");
    // Node 24's async context frames keep the context outside the promise.
    expect(runProgram("traced", program).stdout).toBe(major < 24 ? "true\n" : "false\n");
    const off = runProgram("traced", program, { TRACING_ENABLED: "false" });
    expect(off.stdout).toBe("false\n");
  });
});

describe("a failed context switch never fails the call", () => {
  const inFrozenReaction = (before: string) => `${before}
const reaction = Promise.resolve(2).then(async (v) => [lib.level4(v), await lib.quick("q")]);
Object.freeze(reaction);
reaction.then((value) => {
  const { contextSwitchFailures } = require("ts-autotrace").tracingHealth();
  const ended = require("ts-autotrace").getFinishedSpans().map((s) => s.name).sort();
  console.log(JSON.stringify(value), contextSwitchFailures, ended.includes("level4"), ended.includes("quick"));
}, (error) => console.log("rejected", error));`;

  it("inside a frozen promise's reaction, even as the first traced call of the process", () => {
    for (const before of ["", "lib.level4(1);"]) {
      const result = runProgram("traced", inFrozenReaction(before));
      expect(result.status, result.stderr).toBe(0);
      // Both calls that could not switch still recorded and ended their spans.
      expect(result.stdout).toBe('[2,"q"] 2 true true\n');
      expect(result.stderr.match(/could not enter its span's context/g)).toHaveLength(1);
    }
  });

  it("under a context manager that is not AsyncLocalStorage-based, spans are kept, not active", () => {
    const program = `const api = require("@opentelemetry/api");
api.context.setGlobalContextManager({
  active: () => api.ROOT_CONTEXT, with: (c, fn, t, ...a) => fn.call(t, ...a),
  bind: (c, t) => t, enable() { return this; }, disable() { return this; },
});
const value = lib.level1(1);
const spans = require("ts-autotrace").getFinishedSpans();
console.log(value, spans.length, new Set(spans.map((s) => s.spanContext().traceId)).size);`;
    const result = runProgram("traced", program);
    // Recorded, not active: each span is a child of what the manager says is active, the
    // root, so each starts a trace of its own.
    expect(result.stdout).toBe("4 4 4\n");
    expect(result.stderr.match(/not AsyncLocalStorage-based/g)).toHaveLength(1);
  });
});
