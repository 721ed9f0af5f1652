/**
 * What is recorded and what never is: secrets by name at any depth (nested
 * objects, arrays of objects, Maps, errors, results), card numbers by the
 * Luhn check, rule patterns added or the defaults cleared, and the value and
 * span budgets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { luhnValid, maskCardNumbers } from "../../runtime/redaction/card-numbers";
import { compileKeyPatterns, DEFAULT_REDACT_PATTERNS } from "../../runtime/redaction/key-patterns";
import { getFinishedSpans, site, trace, traceAsync } from "../../runtime/index.js";
import { MAX_STACK_LENGTH } from "../../runtime/capture/exception";
import { onlySpan, spec, useInMemoryTracing } from "../runtime/helpers";

useInMemoryTracing();

const CARD = "4242424242424242";

/** Records `value` as the one parameter `input` of a site, and returns the attribute. */
function recorded(value: unknown, extra = {}): unknown {
  trace(site(spec({ args: ["input"], ...extra })), () => 0, [value]);
  return getFinishedSpans().at(-1)?.attributes["args.input"];
}

describe("redaction by name", () => {
  it("replaces parameters whose names match a default pattern", () => {
    const s = site(spec({ args: ["user", "password", "apiKey", "x_auth_token", "cardNumber"] }));
    trace(s, () => 0, ["ann", "hunter2", "k-1", "t-1", CARD]);
    expect(onlySpan().attributes).toMatchObject({
      "args.user": "ann",
      "args.password": "[REDACTED]",
      "args.apiKey": "[REDACTED]",
      "args.x_auth_token": "[REDACTED]",
      "args.cardNumber": "[REDACTED]",
    });
  });

  it("redacts nested keys of a recorded object", () => {
    const value = { user: { name: "ann", credentials: { password: "p", API_KEY: "k" } } };
    expect(JSON.parse(recorded(value) as string)).toEqual({
      user: { name: "ann", credentials: { password: "[REDACTED]", API_KEY: "[REDACTED]" } },
    });
  });

  it("redacts keys inside arrays of objects", () => {
    const value = [{ id: 1, token: "a" }, { id: 2, secretValue: "b" }, "plain"];
    expect(JSON.parse(recorded(value) as string)).toEqual([
      { id: 1, token: "[REDACTED]" },
      { id: 2, secretValue: "[REDACTED]" },
      "plain",
    ]);
  });

  it("records a Map's entries, with secret keys redacted", () => {
    const headers = new Map<string, unknown>([
      ["accept", "json"],
      ["Authorization", "Bearer x"],
      ["cookie", "sid=1"],
      ["nested", { refresh_token: "r" }],
    ]);
    expect(recorded(headers)).toBe(
      'Map(4) {"accept"=>"json","Authorization"=>"[REDACTED]","cookie"=>"[REDACTED]",' +
        '"nested"=>{"refresh_token":"[REDACTED]"}}',
    );
  });

  it("records an error's name, message and own fields, with secret fields redacted", () => {
    const error = Object.assign(new Error("login failed"), { password: "p", code: 401 });
    expect(JSON.parse(recorded(error) as string)).toEqual({
      name: "Error",
      message: "login failed",
      password: "[REDACTED]",
      code: 401,
    });
  });

  it("redacts inside a result", () => {
    const s = site(spec({ result: true }));
    trace(s, () => ({ id: 1, session: { cookie: "c", token: "t" } }));
    expect(JSON.parse(onlySpan().attributes.result as string)).toEqual({
      id: 1,
      session: { cookie: "[REDACTED]", token: "[REDACTED]" },
    });
  });

  it("redacts the resolved value of an async function", async () => {
    const s = site(spec({ result: true }));
    await traceAsync(s, async () => ({ clientSecret: "s", ok: true }));
    expect(JSON.parse(onlySpan().attributes.result as string)).toEqual({
      clientSecret: "[REDACTED]",
      ok: true,
    });
  });

  it("takes a rule's added patterns, and only them once it clears the defaults", () => {
    expect(
      JSON.parse(recorded({ ssn: "1", password: "p" }, { redact: ["ssn"] }) as string),
    ).toEqual({ ssn: "[REDACTED]", password: "[REDACTED]" });
    const cleared = { redactDefaults: false, redact: ["ssn"] };
    expect(JSON.parse(recorded({ ssn: "1", password: "p" }, cleared) as string)).toEqual({
      ssn: "[REDACTED]",
      password: "p",
    });
  });

  it("redacts static attributes and $args paths by key and by path step", () => {
    const s = site(
      spec({
        args: ["req"],
        recordArgs: false,
        attributes: { "service.apiKey": "k", team: "a" },
        sources: { "auth.header": "args.req.authorization", "req.user": "args.req.user" },
      }),
    );
    trace(s, () => 0, [{ authorization: "Bearer x", user: { name: "ann", password: "p" } }]);
    expect(onlySpan().attributes).toMatchObject({
      "service.apiKey": "[REDACTED]",
      team: "a",
      "auth.header": "[REDACTED]",
      "req.user": '{"name":"ann","password":"[REDACTED]"}',
    });
  });

  it("matches ignoring case, - and _", () => {
    const matches = compileKeyPatterns(DEFAULT_REDACT_PATTERNS);
    for (const key of ["PASSWORD", "x-api-key", "api_key", "Set-Cookie".slice(4), "card_number"])
      expect([key, matches(key)]).toEqual([key, true]);
    for (const key of ["name", "amountCents", "currency", "id"])
      expect([key, matches(key)]).toEqual([key, false]);
  });
});

describe("card numbers", () => {
  it("are masked in a thrown error's message and stack", () => {
    const s = site(spec());
    expect(() =>
      trace(s, () => {
        throw new Error(`card ${CARD} declined`);
      }),
    ).toThrow(CARD);
    const span = onlySpan();
    expect(span.status.message).toBe("card ************4242 declined");
    const event = span.events[0].attributes!;
    expect(event["exception.message"]).toBe("card ************4242 declined");
    expect(String(event["exception.stacktrace"])).toContain("card ************4242 declined");
    expect(JSON.stringify(span.events)).not.toContain(CARD);
  });

  it("masks Luhn-valid 13-19 digit numbers in strings, numbers and nested values", () => {
    expect(recorded(`paid with ${CARD} today`)).toBe("paid with ************4242 today");
    expect(recorded("4242 4242 4242 4242")).toBe("**** **** **** 4242");
    expect(recorded(4242424242424242)).toBe("************4242");
    expect(JSON.parse(recorded({ pan: "5555-5555-5555-4444" }) as string)).toEqual({
      pan: "****-****-****-4444",
    });
  });

  it("leaves digit runs that fail the check, or are too short or too long, alone", () => {
    expect(maskCardNumbers("order 4242424242424241")).toBe("order 4242424242424241");
    expect(maskCardNumbers("id 424242424242")).toBe("id 424242424242");
    expect(maskCardNumbers(`x ${CARD}4242424242`)).toBe(`x ${CARD}4242424242`);
    expect(luhnValid("378282246310005")).toBe(true);
  });

  it("masks every Luhn-valid 13-19 digit number, wherever it sits in the text", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: 18 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }),
        fc.constantFrom("", " ", "-"),
        fc.string({ unit: fc.constantFrom("a", " ", "x", ":", "é") }),
        fc.string({ unit: fc.constantFrom("b", " ", ".", "/") }),
        (length, digits, separator, before, after) => {
          const body = digits.slice(0, length).join("");
          const card = body + luhnCheckDigit(body);
          const grouped = card.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
          const masked = maskCardNumbers(`${before}${grouped}${after}`);
          // Only the last four digits are left; the text around has none.
          expect(masked.replace(/[^\d]/g, "")).toBe(card.slice(-4));
          expect(masked.length).toBe(before.length + grouped.length + after.length);
        },
      ),
    );
  });

  it("can be turned off by a rule", () => {
    expect(recorded(CARD, { cardNumbers: false })).toBe(CARD);
  });

  it("looks only at what a cut keeps, and masks a number that crosses the cut whole", () => {
    const text = `${"x".repeat(5_000)}${CARD}${"y".repeat(1e6)}`;
    // The window is the kept length plus the longest card text (37): the megabyte after is never read.
    expect(maskCardNumbers(text, 100)).toHaveLength(137);
    expect(maskCardNumbers(text, -500)).toHaveLength(37); // a spent budget reads no more
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.constantFrom("", " ", "-"), (cut, sep) => {
        const grouped = CARD.replace(/(\d{4})(?=\d)/g, `$1${sep}`);
        const long = `${"a".repeat(50)}${grouped}${"b".repeat(500)}`;
        const kept = maskCardNumbers(long, 50 + cut).slice(0, 50 + cut);
        expect(kept).toBe(maskCardNumbers(long).slice(0, 50 + cut));
        expect(kept.slice(50)).toMatch(/^[* -]+$/); // the cut falls inside the number's masked part
      }),
    );
  });

  it("records a megabyte string or error message cut to the budget, masked up to the cut", () => {
    const big = `${"x".repeat(1020)}${CARD}${"z".repeat(2 ** 20)}`;
    const value = recorded(big) as string;
    expect(value).toHaveLength(1024);
    expect(value.slice(1020, 1023)).toBe("***");
    expect(() =>
      trace(
        site(spec({})),
        () => {
          throw new Error(big);
        },
        [],
      ),
    ).toThrow();
    const span = getFinishedSpans().at(-1)!;
    const event = span.events[0]!.attributes!;
    expect(span.status.message).toHaveLength(1024);
    expect(String(event["exception.message"]).slice(1020, 1023)).toBe("***");
    expect(String(event["exception.stacktrace"]).length).toBeLessThanOrEqual(MAX_STACK_LENGTH);
  });
});

describe("lengths", () => {
  it("cuts a value at the rule's maxValueLength", () => {
    const value = recorded("x".repeat(100), { maxValueLength: 10 }) as string;
    expect(value).toBe(`${"x".repeat(9)}…`);
  });

  it("keeps one budget for all values of a span, start and end together", () => {
    const s = site(
      spec({ args: ["a", "b", "c"], result: true, maxValueLength: 50, maxTotalValueLength: 80 }),
    );
    trace(s, () => "r".repeat(40), ["a".repeat(60), "b".repeat(60), "c"]);
    const attrs = onlySpan().attributes;
    expect(attrs["args.a"]).toHaveLength(50);
    expect(attrs["args.b"]).toHaveLength(30);
    expect(attrs["args.c"]).toBe("[over span budget]");
    expect(attrs.result).toBe("[over span budget]");
  });
});

/** The digit that makes `body` + it pass the Luhn check. */
function luhnCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return String(d);
  throw new Error("unreachable");
}
