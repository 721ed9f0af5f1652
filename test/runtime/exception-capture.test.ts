/**
 * Recording an exception runs none of the thrown value's code (getters,
 * toString, Proxy traps) and reads its stack at most once, however many
 * traced frames it passes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getFinishedSpans, site, trace } from "../../runtime/index.js";
import { spanNamed, spec, useInMemoryTracing } from "./helpers";

useInMemoryTracing();

/** Throws `thrown` from three nested traced calls; returns what the caller caught. */
function throwThroughThreeFrames(thrown: unknown): unknown {
  const [outer, middle, inner] = ["outer", "middle", "inner"].map((name) => site(spec({ name })));
  try {
    trace(outer, () =>
      trace(middle, () =>
        trace(inner, () => {
          throw thrown;
        }),
      ),
    );
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
}

const exceptionOf = (name: string) =>
  spanNamed(name).events.find((e) => e.name === "exception")?.attributes;

describe("the stack of an exception", () => {
  const original = Error.prepareStackTrace;
  afterEach(() => {
    Error.prepareStackTrace = original;
  });

  it("is formatted once and recorded by every traced frame it passes", () => {
    let formatted = 0;
    Error.prepareStackTrace = () => `stack #${++formatted}`;
    const error = new Error("deep");
    expect(throwThroughThreeFrames(error)).toBe(error);
    expect(formatted).toBe(1);
    for (const name of ["inner", "middle", "outer"]) {
      expect(exceptionOf(name)).toEqual({
        "exception.type": "Error",
        "exception.message": "deep",
        "exception.stacktrace": "stack #1",
      });
    }
  });

  it("is never read through a getter the program put there", () => {
    let reads = 0;
    const error = Object.defineProperty(new Error("getter stack"), "stack", {
      get: () => `read ${++reads}`,
    });
    throwThroughThreeFrames(error);
    expect(reads).toBe(0);
    expect(exceptionOf("outer")).toEqual({
      "exception.type": "Error",
      "exception.message": "getter stack",
    });
  });
});

describe("a thrown value's own code never runs", () => {
  it("an Error subclass with name and message getters is recorded by class name, getters unread", () => {
    let reads = 0;
    class ValidationError extends Error {
      override get name(): string {
        reads++;
        return "Custom";
      }
      override get message(): string {
        reads++;
        return "from a getter";
      }
    }
    throwThroughThreeFrames(new ValidationError());
    expect(reads).toBe(0);
    expect(exceptionOf("inner")).toMatchObject({
      "exception.type": "ValidationError",
      "exception.message": "[Getter]",
    });
    expect(spanNamed("inner").status.message).toBe("[Getter]");
  });

  it("a thrown object is recorded by its own data: toString and getters are not called", () => {
    let calls = 0;
    throwThroughThreeFrames({
      code: 42,
      toString: () => String(++calls),
      get detail() {
        return ++calls;
      },
    });
    expect(calls).toBe(0);
    const message = '{"code":42,"toString":[function toString],"detail":[Getter]}';
    expect(exceptionOf("outer")).toEqual({ "exception.message": message });
    expect(spanNamed("outer").status.message).toBe(message);
  });

  it("a thrown Proxy runs no trap", () => {
    let traps = 0;
    const handler = new Proxy({}, { get: () => () => (traps++, undefined) });
    throwThroughThreeFrames(new Proxy(new Error("hidden"), handler));
    expect(traps).toBe(0);
    expect(exceptionOf("outer")).toEqual({ "exception.message": "[Proxy]" });
  });

  it("keeps what the SDK recorded before for ordinary errors: code as type, message, stack", () => {
    const error = Object.assign(new Error("no such file"), { code: "ENOENT" });
    throwThroughThreeFrames(error);
    expect(exceptionOf("outer")).toEqual({
      "exception.type": "ENOENT",
      "exception.message": "no such file",
      "exception.stacktrace": error.stack,
    });
    throwThroughThreeFrames("plain text");
    expect(getFinishedSpans().at(-1)?.status.message).toBe("plain text");
  });
});
