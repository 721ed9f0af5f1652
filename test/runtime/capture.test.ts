/**
 * Capture is read-only and bounded: hostile and huge values are recorded
 * from their own data properties, within the budget, and nothing of the
 * program (getters, toJSON, Proxy traps, patched built-ins) runs meanwhile.
 */
import { describe, expect, it, vi } from "vitest";
import { intrinsics } from "../../runtime/capture/intrinsics";
import { MAX_ATTRIBUTE_LENGTH, toAttributeValue } from "../../runtime/serialize";

const text = (value: unknown) => toAttributeValue(value) as string;

/** A Proxy whose every trap counts; `calls.count` must stay 0. */
function countingProxy<T extends object>(target: T): { proxy: T; calls: { count: number } } {
  const calls = { count: 0 };
  const handler = new Proxy(
    {},
    {
      get:
        (_h, trap: string) =>
        (...args: unknown[]) => {
          calls.count++;
          return (Reflect as unknown as Record<string, (...a: unknown[]) => unknown>)[trap](
            ...args,
          );
        },
    },
  );
  return { proxy: new Proxy(target, handler as ProxyHandler<T>), calls };
}

/** Replaces `holder[key]` for the duration of `body`. */
function patched(holder: object, key: PropertyKey, value: unknown, body: () => void): void {
  const saved = Object.getOwnPropertyDescriptor(holder, key)!;
  Object.defineProperty(holder, key, { configurable: true, writable: true, value });
  try {
    body();
  } finally {
    Object.defineProperty(holder, key, saved);
  }
}

describe("capture never runs the program's code", () => {
  it("shows getters as markers without calling them, at any depth", () => {
    let calls = 0;
    const value = {
      get own() {
        return ++calls;
      },
      nested: [
        {
          get deep() {
            return ++calls;
          },
        },
      ],
    };
    expect(text(value)).toBe('{"own":[Getter],"nested":[{"deep":[Getter]}]}');
    const element = Object.defineProperty([1], 1, { get: () => ++calls, enumerable: true });
    expect(text(element)).toBe("[1,[Getter]]");
    expect(calls).toBe(0);
  });

  it("never calls toJSON, toString, valueOf or Symbol.toPrimitive", () => {
    let calls = 0;
    const value = {
      a: 1,
      toJSON: () => ++calls,
      toString: () => String(++calls),
      valueOf: () => ++calls,
      [Symbol.toPrimitive]: () => ++calls,
    };
    expect(text(value)).toBe(
      '{"a":1,"toJSON":[function toJSON],"toString":[function toString],' +
        '"valueOf":[function valueOf],[Symbol(Symbol.toPrimitive)]:[function [Symbol.toPrimitive]]}',
    );
    expect(calls).toBe(0);
  });

  it("records a Proxy as [Proxy] without running a trap, at every level", () => {
    const { proxy, calls } = countingProxy({ secret: 1 });
    const fn = countingProxy(function load() {});
    expect(text(proxy)).toBe("[Proxy]");
    expect(text(fn.proxy)).toBe("[Proxy]");
    expect(text([proxy, { inner: proxy }, new Map([[proxy, proxy]])])).toBe(
      '[[Proxy],{"inner":[Proxy]},Map(1) {[Proxy]=>[Proxy]}]',
    );
    // A Proxy as prototype: the chain walks for Error detection stop there.
    const child = Object.create(proxy, { own: { value: 2, enumerable: true } }) as object;
    expect(text(child)).toBe('{"own":2}');
    expect(calls.count + fn.calls.count).toBe(0);
  });

  it("reads collections, dates and typed arrays through built-ins taken at load", () => {
    let calls = 0;
    const count = () => {
      calls++;
      return [][Symbol.iterator]();
    };
    const typedLength = Object.getPrototypeOf(Uint8Array.prototype) as object;
    patched(Map.prototype, "entries", count, () => {
      patched(Set.prototype, "values", count, () => {
        patched(
          Date.prototype,
          "toISOString",
          () => String(++calls),
          () => {
            patched(
              JSON,
              "stringify",
              () => String(++calls),
              () => {
                const lengthGetter = Object.getOwnPropertyDescriptor(typedLength, "length")!;
                Object.defineProperty(typedLength, "length", {
                  ...lengthGetter,
                  get: () => ++calls,
                });
                try {
                  expect(text(new Map([["k", new Set([1])]]))).toBe('Map(1) {"k"=>Set(1) [1]}');
                  expect(text({ at: new Date(0) })).toBe('{"at":"1970-01-01T00:00:00.000Z"}');
                  expect(text(new Uint8Array([1, 2]))).toBe("Uint8Array(2) [1,2]");
                } finally {
                  Object.defineProperty(typedLength, "length", lengthGetter);
                }
              },
            );
          },
        );
      });
    });
    expect(calls).toBe(0);
  });
});

describe("capture is bounded by the budget, not by the value's size", () => {
  it("shows the first 32 elements of a 1e6-element array, reading no more", () => {
    const array = Array.from({ length: 1e6 }, (_, i) => i);
    const owned = vi.spyOn(intrinsics, "hasOwn");
    expect(text(array)).toBe(`[${Array.from({ length: 32 }, (_, i) => i).join(",")},…]`);
    expect(owned).toHaveBeenCalledTimes(32);
    owned.mockRestore();
  });

  it("shows a typed array of 1e6 by its type, length and first elements", () => {
    expect(text(new Float32Array(1e6))).toBe(`Float32Array(1000000) [${"0,".repeat(32)}…]`);
    expect(text(new BigInt64Array([1n, -2n]))).toBe("BigInt64Array(2) [1n,-2n]");
    expect(text(new ArrayBuffer(1e6))).toBe("[ArrayBuffer(1000000)]");
  });

  it("shows the first 32 keys of an object with 2e5 keys, also when recorded again", () => {
    const big = Object.fromEntries(Array.from({ length: 2e5 }, (_, i) => [`k${i}`, i]));
    const first = Array.from({ length: 32 }, (_, i) => `"k${i}":${i}`).join(",");
    expect(text(big)).toBe(`{${first},…}`);
    // Later records reuse the leading keys read the first time, with current values:
    // no listing of all 2e5 keys again.
    const listed = vi.spyOn(intrinsics, "keys");
    big.k0 = -1;
    delete big.k1;
    expect(text(big).startsWith('{"k0":-1,"k2":2,')).toBe(true);
    expect(listed).not.toHaveBeenCalled();
    listed.mockRestore();
  });

  it("cuts a 1 MB string, top level or nested, at the budget", () => {
    const mb = "x".repeat(2 ** 20);
    expect(text(mb)).toHaveLength(MAX_ATTRIBUTE_LENGTH);
    const nested = text({ s: mb, after: 1 });
    expect(nested).toHaveLength(MAX_ATTRIBUTE_LENGTH);
    expect(nested.startsWith('{"s":"xxx')).toBe(true);
    expect(nested.endsWith("…")).toBe(true);
  });

  it("stops at the budget inside deep and wide values", () => {
    const wide = Array.from({ length: 1000 }, () => ({ name: "y".repeat(50) }));
    expect(text(wide)).toHaveLength(MAX_ATTRIBUTE_LENGTH);
    let deep: unknown = 0;
    for (let i = 0; i < 1e4; i++) deep = [deep];
    expect(text(deep)).toBe(`${"[".repeat(32)}[…]${"]".repeat(32)}`);
  });
});

describe("values JSON cannot describe", () => {
  it("marks cycles, mutual ones and through collections", () => {
    const a: Record<string, unknown> = { name: "a" };
    const b = { back: a };
    a.b = b;
    const map = new Map<string, unknown>();
    map.set("self", map);
    expect(text(a)).toBe('{"name":"a","b":{"back":[Circular]}}');
    expect(text(map)).toBe('Map(1) {"self"=>[Circular]}');
    // The same object twice, not nested in itself, is no cycle.
    expect(text([b, b])).toBe(
      '[{"back":{"name":"a","b":[Circular]}},{"back":{"name":"a","b":[Circular]}}]',
    );
  });

  it("writes BigInt values and boxed BigInts as 3n", () => {
    expect(text(10n)).toBe("10n");
    expect(text({ n: 3n, boxed: Object(4n) })).toBe('{"n":3n,"boxed":4n}');
  });

  it("writes Symbol values and symbol keys without calling Symbol.prototype.toString", () => {
    let calls = 0;
    patched(
      Symbol.prototype,
      "toString",
      () => String(++calls),
      () => {
        expect(text(Symbol("tag"))).toBe("Symbol(tag)");
        expect(text({ [Symbol("key")]: Symbol() })).toBe("{[Symbol(key)]:Symbol()}");
      },
    );
    expect(calls).toBe(0);
  });

  it("writes undefined, NaN, holes, functions and errors", () => {
    expect(text({ u: undefined, n: NaN, i: -Infinity })).toBe(
      '{"u":undefined,"n":NaN,"i":-Infinity}',
    );
    expect(text([1, , 3])).toBe("[1,[empty],3]");
    expect(text({ f: () => 1, g: function named() {} })).toBe(
      '{"f":[function f],"g":[function named]}',
    );
    expect(text({ e: Object.assign(new RangeError("out"), { code: "E_RANGE" }) })).toBe(
      '{"e":{"name":"RangeError","message":"out","code":"E_RANGE"}}',
    );
    expect(text(new Date(NaN))).toBe("[Invalid Date]");
  });

  it("records a class instance by its own fields; prototype getters are not read", () => {
    let calls = 0;
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
      get length(): number {
        return ++calls;
      }
    }
    expect(text(new Point(1, 2))).toBe('{"x":1,"y":2}');
    expect(calls).toBe(0);
  });
});
