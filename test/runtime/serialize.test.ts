import { describe, expect, it } from "vitest";
import { MAX_ATTRIBUTE_LENGTH, toAttributeValue } from "../../runtime/serialize";

describe("toAttributeValue", () => {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;
  const throwingGetter = {
    get boom(): never {
      throw new TypeError("no");
    },
  };
  const throwingToJson = {
    toJSON(): never {
      throw new RangeError("bad");
    },
  };

  it.each<[string, unknown, unknown]>([
    ["string", "hi there", "hi there"],
    ["number", 2.5, 2.5],
    ["boolean", false, false],
    ["null", null, "null"],
    ["undefined", undefined, "undefined"],
    ["bigint", 10n, "10n"],
    ["symbol", Symbol("tag"), "Symbol(tag)"],
    ["named function", function load() {}, "[function load]"],
    ["object", { a: [1, "x"], b: { c: null } }, '{"a":[1,"x"],"b":{"c":null}}'],
    ['nested bigint, told apart from the string "3n"', { n: 3n, s: "3n" }, '{"n":3n,"s":"3n"}'],
    ["date", new Date(0), '"1970-01-01T00:00:00.000Z"'],
    // Own data is recorded; toJSON and getters are shown, never called.
    ["toJSON returning undefined", { toJSON: () => undefined }, '{"toJSON":[function toJSON]}'],
    ["cycle", cycle, '{"a":1,"self":[Circular]}'],
    ["throwing getter", throwingGetter, '{"boom":[Getter]}'],
    ["throwing toJSON", throwingToJson, '{"toJSON":[function toJSON]}'],
  ])("%s", (_label, input, expected) => {
    expect(toAttributeValue(input)).toEqual(expected);
  });

  it("cuts long JSON at 1,024 characters", () => {
    const value = toAttributeValue({ text: "x".repeat(5000) }) as string;
    expect(MAX_ATTRIBUTE_LENGTH).toBe(1024);
    expect(value).toHaveLength(1024);
    expect(value.startsWith('{"text":"xxx')).toBe(true);
    expect(value.endsWith("…")).toBe(true);
  });

  it("cuts long strings at 1,024 characters and keeps shorter ones whole", () => {
    expect(toAttributeValue("y".repeat(3000))).toHaveLength(1024);
    expect(toAttributeValue("y".repeat(1024))).toBe("y".repeat(1024));
  });
});
