/**
 * Behaviour of the emitted code: fixtures are compiled with the transformer,
 * run with the in_memory exporter, and compared with their plain build.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { SpanStatusCode } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadFixture, runtime } from "./helpers/load-fixture";
import { ROOT, run, tracingEnv } from "./helpers/run";
import { transpileWithTracing } from "./helpers/transpile";

/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are loaded untyped */

const spans = () => runtime.getFinishedSpans() as ReadableSpan[];
const spanNamed = (name: string) => {
  const found = spans().filter((s) => s.name === name);
  expect(found, `exactly one span named ${name}`).toHaveLength(1);
  return found[0];
};
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

beforeAll(() =>
  runtime.initializeTracing({ exporter: "in_memory", serviceName: "behaviour-tests" }),
);
beforeEach(() => runtime.resetFinishedSpans());

describe("plain functions", () => {
  const { traced, plain } = loadFixture<any>("plain-functions");

  it("return what they returned, with the code attributes and args", () => {
    expect(traced.add(2, 3)).toBe(plain.add(2, 3));
    const span = spanNamed("add");
    expect(span.attributes).toMatchObject({
      "code.function.name": "add",
      "code.file.path": "input.ts",
      "code.line.number": 1,
      "args.a": 2,
      "args.b": 3,
    });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
  });

  it("keep default and rest parameters, and a var that redeclares a parameter", () => {
    expect(traced.withDefaults(1)).toBe(plain.withDefaults(1));
    runtime.resetFinishedSpans();
    expect(traced.withDefaults(1, 1, 7, 7)).toBe(plain.withDefaults(1, 1, 7, 7));
    expect(traced.legacyVar()).toBe(1);
    expect(traced.legacyVar(5)).toBe(5);
    expect(spanNamed("withDefaults").attributes["args.rest"]).toBe("[7,7]");
  });

  it("nest a hoisted inner function's span under its caller", () => {
    expect(traced.hoisted()).toBe("inner");
    expect(parentOf(spanNamed("inner"))).toBe(idOf(spanNamed("hoisted")));
  });

  it("skip excluded names and keep an expression body after a comment", () => {
    expect(traced._private()).toBe(1);
    expect(traced.commented(1)).toBe(2);
    expect(traced.fromArrow(4)).toBe(8);
    expect(spans().map((s) => s.name)).toEqual(["commented", "fromArrow"]);
  });

  it("keep every function's name and length", () => {
    for (const key of Object.keys(plain).filter((k) => typeof plain[k] === "function")) {
      expect([key, traced[key].name, traced[key].length]).toEqual([
        key,
        plain[key].name,
        plain[key].length,
      ]);
    }
  });
});

describe("arrow functions and function expressions", () => {
  const { traced, plain } = loadFixture<any>("arrow-functions");

  it("keep this and arguments of a function expression", () => {
    const receiver = { id: 1 };
    expect(traced.namedExpression.call(receiver, 7, 8)).toEqual([receiver, 7, 2]);
    expect(spanNamed("named").attributes["args.a"]).toBe(7);
  });

  it("return object literals and record destructured parameters by name", () => {
    expect(traced.makePoint(1, 2)).toEqual(plain.makePoint(1, 2));
    expect(traced.destructured({ id: "a", tags: ["x"] }, [9])).toBe("a:1:9");
    expect(spanNamed("destructured").attributes).toMatchObject({
      "args.id": "a",
      "args.tags": '["x"]',
      "args.first": 9,
    });
  });

  it("do not trace inline callbacks", () => {
    expect(traced.blockBody(["a", "b"])).toBe("A,B");
    expect(spans().map((s) => s.name)).toEqual(["blockBody"]);
  });
});

describe("classes", () => {
  const { traced, plain } = loadFixture<any>("class-methods");

  it("trace constructors, methods, #private methods, accessors and static methods", () => {
    const cart = new traced.Cart("ann");
    expect(cart.add("tea")).toBe(1);
    expect(cart.size).toBe(1);
    cart.size = 0;
    expect(cart.size).toBe(0);
    expect(traced.Cart.empty("bob").owner).toBe("bob");
    expect(cart.onChange("x")).toBe("ann:x");
    expect(cart.overloaded(3)).toBe(3);
    expect(parentOf(spanNamed("Cart.#count"))).toBe(idOf(spanNamed("Cart.add")));
    expect(spans().filter((s) => s.name === "Cart.size")).toHaveLength(3);
    expect(spans().filter((s) => s.name === "Cart.constructor")).toHaveLength(2);
    expect(spanNamed("Cart.empty")).toBeDefined();
    expect(traced.Cart.created).toBe(2);
    expect(plain.Cart.created).toBe(0);
  });

  const constructors = loadFixture<any>("constructors");

  it("keep super, new.target and parameter properties in derived classes", () => {
    const derived = new constructors.traced.Derived(2, "x");
    const original = new constructors.plain.Derived(2, "x");
    expect(derived.hello()).toBe(original.hello());
    expect({ ...derived }).toEqual({ ...original });
    expect(derived.createdBy).toBe("Derived");
    expect(spans().map((s) => s.name)).toEqual(
      expect.arrayContaining(["Base.constructor", "Derived.constructor", "Base.hello"]),
    );
  });

  it("do not take constructors that no pattern names", () => {
    new constructors.traced.Plain();
    expect(spans()).toHaveLength(0);
  });
});

describe("object literals", () => {
  const { traced } = loadFixture<any>("object-literals");

  it("keep this in methods and name spans after the object", async () => {
    expect(traced.api.getUser("7")).toBe("/v1/users/7");
    expect(traced.api.health).toBe("ok");
    expect(spans().map((s) => s.name)).toEqual(["api.getUser", "api.health"]);
    runtime.resetFinishedSpans();
    expect(await traced.api.load("8")).toBe("/v1/users/8");
    expect(parentOf(spanNamed("api.getUser"))).toBe(idOf(spanNamed("api.load")));
  });
});

describe("async functions", () => {
  const { traced } = loadFixture<any>("async-functions");

  it("end the span when the promise settles, with the resolved result", async () => {
    expect(await traced.fetchAll(["a", "b"])).toEqual([{ id: "a" }, { id: "b" }]);
    const parent = spanNamed("fetchAll");
    const children = spans().filter((s) => s.name === "fetchUser");
    expect(children.map(parentOf)).toEqual([idOf(parent), idOf(parent)]);
    expect(children[0].attributes.result).toMatch(/^\{"id":"[ab]"\}$/);
  });

  it("reject with the same error and record it", async () => {
    await expect(traced.fails()).rejects.toThrow("boom");
    const span = spanNamed("fails");
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: "boom" });
    expect(span.events.map((e) => e.name)).toContain("exception");
  });

  it("trace a generator they contain as a generator", () => {
    expect([...traced.numbers()]).toEqual([1]);
    expect(Object.prototype.toString.call(traced.numbers)).toBe("[object GeneratorFunction]");
    expect(spanNamed("numbers").attributes.result).toBe("undefined");
  });
});

describe("errors and thresholds", () => {
  const { traced } = loadFixture<any>("errors");

  it("rethrow the very same value, sync and async", async () => {
    expect(() => traced.failSync()).toThrow(traced.failure);
    let thrown: unknown;
    try {
      traced.throwsValue();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toEqual({ code: 42 });
    await expect(traced.failAsync()).rejects.toBe(traced.failure);
    expect(spanNamed("failSync").status.code).toBe(SpanStatusCode.ERROR);
    expect(
      spanNamed("failAsync").events.find((e) => e.name === "exception")?.attributes,
    ).toMatchObject({
      "exception.message": "sync failure",
    });
  });

  it("add threshold_exceeded to slow calls", () => {
    expect(traced.slowCall(12)).toBe(12);
    const event = spanNamed("slowCall").events.find((e) => e.name === "threshold_exceeded");
    expect(event?.attributes?.threshold_ms).toBe(5);
    expect(event?.attributes?.duration_ms).toBeGreaterThanOrEqual(5);
  });

  it("never fail on a value that cannot be serialised", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(traced.unserialisable(cyclic)).toBe(cyclic);
    const span = spanNamed("unserialisable");
    expect(typeof span.attributes["args.value"]).toBe("string");
    expect(typeof span.attributes.result).toBe("string");
  });
});

describe("ES module output", () => {
  it("loads the runtime's ESM entry, sharing the CommonJS entry's tracer state", () => {
    const file = path.join(ROOT, "fixtures", "plain-functions", "input.ts");
    const config = path.join(path.dirname(file), "tracing.config.json");
    const { outputText } = transpileWithTracing(file, config);
    expect(outputText).toContain('import * as __autotrace from "ts-autotrace";');
    const outFile = path.join(ROOT, ".tmp", "behaviour", "esm", "plain-functions.mjs");
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, outputText);
    // Real Node ESM in a child process: the test runner's own loader would hide the dual-package case.
    const script = `
      import { createRequire } from "node:module";
      const cjs = createRequire(import.meta.url)("ts-autotrace");
      cjs.initializeTracing({ exporter: "in_memory" });
      const { add } = await import(${JSON.stringify(pathToFileURL(outFile).href)});
      console.log(JSON.stringify([add(40, 2), cjs.getFinishedSpans().map((s) => [s.name, s.attributes["args.b"]])]));`;
    const result = run(process.execPath, ["--input-type=module", "-e", script], {
      cwd: ROOT,
      env: tracingEnv({}),
    });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual([42, [["add", 2]]]);
  });
});

describe("generators", () => {
  const { traced, plain } = loadFixture<any>("generators");

  it("stay generator functions with the same name and length", () => {
    for (const name of ["countTo", "delegating", "withArguments", "failing", "pages"]) {
      expect(Object.prototype.toString.call(traced[name])).toBe(
        Object.prototype.toString.call(plain[name]),
      );
      expect([traced[name].name, traced[name].length]).toEqual([
        plain[name].name,
        plain[name].length,
      ]);
    }
  });

  it("span the whole iteration, with yield* delegation as a child", () => {
    const iterator = traced.delegating();
    expect(spans()).toHaveLength(0); // nothing runs before the first next()
    expect([...iterator]).toEqual([...plain.delegating()]);
    const outer = spanNamed("delegating");
    expect(parentOf(spanNamed("countTo"))).toBe(idOf(outer));
    expect(outer.attributes.result).toBe("done");
  });

  it("pass values sent with next() and end on an early return()", () => {
    const run = (gen: any) => [gen.next(), gen.next("go"), gen.next("stop"), gen.next()];
    expect(run(traced.countTo(5))).toEqual(run(plain.countTo(5)));
    expect(spanNamed("countTo").attributes.result).toBe("stopped");
    runtime.resetFinishedSpans();
    const gen = traced.countTo(5);
    gen.next();
    expect(gen.return("early")).toEqual({ value: "early", done: true });
    expect(spanNamed("countTo").attributes.result).toBe("early");
  });

  it("record an error thrown inside or thrown into the generator", () => {
    const gen = traced.failing();
    expect(gen.next()).toEqual({ value: 1, done: false });
    expect(() => gen.next()).toThrow("generator failed");
    expect(spanNamed("failing").status.code).toBe(SpanStatusCode.ERROR);
    runtime.resetFinishedSpans();
    const injected = new Error("injected");
    const other = traced.countTo(3);
    other.next();
    expect(() => other.throw(injected)).toThrow(injected);
    expect(spanNamed("countTo").status).toEqual({
      code: SpanStatusCode.ERROR,
      message: "injected",
    });
  });

  it("keep this and arguments", () => {
    const receiver = { scale: 3 };
    expect([...traced.withArguments.call(receiver, 1, 2)]).toEqual([3, 6]);
  });

  it("trace async generators from the first next() to completion", async () => {
    const seen: unknown[] = [];
    for await (const page of traced.pages(2)) seen.push(page);
    expect(seen).toEqual([
      [1, 10],
      [2, 20],
    ]);
    expect(spanNamed("pages").attributes).toMatchObject({ "args.count": 2, result: 2 });
  });

  it("leave a generator that uses super as written", () => {
    expect([...new traced.Derived(["a"]).walk()]).toEqual(["first", "a"]);
    expect(spans().map((s) => s.name)).toEqual(["Tree.walk"]);
  });
});
