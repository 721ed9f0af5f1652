/**
 * Recording never runs the program's code: the hostile-values fixture (traced
 * Proxy traps, getters, toJSON, thrown values with getters and traps) is
 * compiled with the transformer and run in a child process, so that a
 * recording that re-enters tracing fails by timing out instead of hanging
 * the test runner.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFixture } from "./helpers/load-fixture";
import { ROOT, run, tracingEnv } from "./helpers/run";

interface Outcome {
  log: string[];
  spans: { name: string; attributes: Record<string, unknown>; events: EventRecord[] }[];
  status: Record<string, string | undefined>;
}
interface EventRecord {
  name: string;
  attributes: Record<string, unknown>;
}

const TRACED = path.join(ROOT, ".tmp", "behaviour", "hostile-values", "traced", "input.js");

const SCRIPT = `
const runtime = require("ts-autotrace");
runtime.initializeTracing({ exporter: "in_memory" });
const m = require(${JSON.stringify(TRACED)});
m.readCount(m.makeStore());
m.identity(m.memoised());
m.identity(m.withToJson());
for (const thrower of [m.throwWithGetters, m.throwProxy, m.throwWithToString]) {
  try { thrower(); } catch {}
}
const spans = runtime.getFinishedSpans();
console.log(JSON.stringify({
  log: m.log,
  spans: spans.map((s) => ({ name: s.name, attributes: s.attributes, events: s.events })),
  status: Object.fromEntries(spans.map((s) => [s.name, s.status.message])),
}));`;

let outcome: Outcome;

beforeAll(() => {
  loadFixture("hostile-values");
  const result = run(process.execPath, ["-e", SCRIPT], {
    cwd: ROOT,
    env: tracingEnv({}),
    timeout: 20_000,
    // SIGKILL: a program stuck inside the old runtime did not stop on SIGTERM.
    killSignal: "SIGKILL",
  });
  expect(result.status, `child failed or timed out:\n${result.stderr}`).toBe(0);
  outcome = JSON.parse(result.stdout) as Outcome;
}, 30_000);

const spansNamed = (name: string) => outcome.spans.filter((s) => s.name === name);
const exceptionOf = (name: string) =>
  spansNamed(name)[0].events.find((e) => e.name === "exception")?.attributes;

describe("recording hostile values", () => {
  it("records a traced Proxy get trap's receiver as a marker, without calling the trap again", () => {
    // The one program read: store.count. Recording `receiver` would re-enter it.
    expect(outcome.log.filter((l) => l.startsWith("get "))).toEqual(["get count"]);
    expect(spansNamed("readThrough")).toHaveLength(1);
    expect(spansNamed("readThrough")[0].attributes["args.receiver"]).toBe("[Proxy]");
    expect(spansNamed("readCount")[0].attributes["args.store"]).toBe("[Proxy]");
  });

  it("shows getters as markers and never calls them (the object keeps its shape)", () => {
    expect(outcome.log).not.toContain("getter ran");
    const identity = spansNamed("identity");
    expect(identity[0].attributes["args.value"]).toBe('{"total":[Getter]}');
    expect(identity[0].attributes.result).toBe('{"total":[Getter]}');
  });

  it("records an object's own data, not what its toJSON returns, and never calls it", () => {
    expect(outcome.log).not.toContain("toJSON ran");
    expect(spansNamed("identity")[1].attributes["args.value"]).toBe(
      '{"id":7,"toJSON":[function toJSON]}',
    );
  });
});

describe("recording hostile exceptions", () => {
  it("does not call an error's name, message or stack getters", () => {
    expect(outcome.log.filter((l) => l.startsWith("error."))).toEqual([]);
    expect(exceptionOf("throwWithGetters")).toEqual({
      "exception.type": "Error",
      "exception.message": "[Getter]",
    });
  });

  it("records a thrown Proxy as a marker without running any of its traps", () => {
    expect(outcome.log.filter((l) => l.startsWith("trap "))).toEqual([]);
    expect(exceptionOf("throwProxy")).toEqual({ "exception.message": "[Proxy]" });
    expect(outcome.status.throwProxy).toBe("[Proxy]");
  });

  it("records a thrown object by its own data, never calling its toString", () => {
    expect(outcome.log).not.toContain("toString ran");
    expect(outcome.status.throwWithToString).toBe('{"toString":[function toString]}');
  });
});
