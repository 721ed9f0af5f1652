/**
 * Values from the call at run time: `$args`/`$this`/`$result` paths read own
 * data only (no getter, no Proxy trap runs), missing paths set nothing,
 * `{args.…}` span names are bounded, and kinds and presets reach the span,
 * for generated sites and for withSpan().
 */
import { SpanKind } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { getFinishedSpans, site, trace, traceAsync, withSpan } from "../../runtime/index.js";
import { onlySpan, spec, useInMemoryTracing } from "../runtime/helpers";

useInMemoryTracing();

describe("values from the call", () => {
  it("reads parameters by name, this after them, and the resolved result", async () => {
    const s = site(
      spec({
        args: ["sql", "opts"],
        recordArgs: false,
        sources: {
          "db.query.text": "args.sql",
          "db.namespace": "args.opts.db",
          "db.collection.name": "this.table",
          "rows.first": "result.rows.0.id",
        },
      }),
    );
    const self = { table: "users" };
    await traceAsync(s, async () => ({ rows: [{ id: 7 }] }), ["SELECT 1", { db: "shop" }, self]);
    expect(onlySpan().attributes).toMatchObject({
      "db.query.text": "SELECT 1",
      "db.namespace": "shop",
      "db.collection.name": "users",
      "rows.first": 7,
    });
    expect(Object.keys(onlySpan().attributes).some((k) => k.startsWith("args."))).toBe(false);
  });

  it("never runs a getter or a Proxy trap, and sets nothing for a missing path", () => {
    const reads: string[] = [];
    const withGetter = Object.defineProperty({}, "id", {
      enumerable: true,
      get: () => {
        reads.push("getter");
        return 1;
      },
    });
    const proxy = new Proxy(
      { id: 2 },
      {
        get: (target, key) => (reads.push(`get ${String(key)}`), Reflect.get(target, key)),
        getOwnPropertyDescriptor: (target, key) => (
          reads.push(`descriptor ${String(key)}`),
          Reflect.getOwnPropertyDescriptor(target, key)
        ),
      },
    );
    const inherited = Object.create({ id: 3 });
    const s = site(
      spec({
        args: ["a", "b", "c", "d"],
        recordArgs: false,
        sources: { a: "args.a.id", b: "args.b.id", c: "args.c.id", d: "args.d.id" },
      }),
    );
    trace(s, () => 0, [withGetter, proxy, inherited, new Map([["id", 4]])]);
    expect(reads).toEqual([]);
    const attrs = onlySpan().attributes;
    expect([attrs.a, attrs.b, attrs.c, attrs.d]).toEqual([undefined, undefined, undefined, 4]);
  });

  it("fills in {args.…} span names per call, each value and the name bounded", () => {
    const s = site(
      spec({ name: "Repo.run {args.op}", nameTemplate: true, args: ["op"], recordArgs: false }),
    );
    trace(s, () => 0, ["SELECT"]);
    trace(s, () => 0, ["x".repeat(500)]);
    trace(s, () => 0, [{ not: "text" }]);
    const names = getFinishedSpans().map((span) => span.name);
    expect(names).toEqual(["Repo.run SELECT", `Repo.run ${"x".repeat(64)}`, "Repo.run"]);
  });

  it("gives the span its kind and the preset's attributes", () => {
    const s = site(spec({ name: "Bus.send", function: "Bus.send", component: "messaging" }));
    trace(s, () => 0);
    expect(onlySpan().kind).toBe(SpanKind.PRODUCER);
    expect(onlySpan().attributes).toMatchObject({
      "messaging.operation.type": "send",
      "messaging.operation.name": "send",
    });
  });

  it("lets a rule's kind win over the preset's", () => {
    trace(site(spec({ component: "messaging", kind: "consumer" })), () => 0);
    expect(onlySpan().kind).toBe(SpanKind.CONSUMER);
    expect(onlySpan().attributes["messaging.operation.type"]).toBe("process");
  });
});

describe("withSpan(name, { kind, component, attributes }, fn)", () => {
  it("takes the rules' vocabulary", async () => {
    const result = await withSpan(
      "invoke_agent Planner",
      { component: "agent", attributes: { "gen_ai.agent.name": "Planner", apiKey: "k" } },
      async () => 42,
    );
    expect(result).toBe(42);
    expect(onlySpan().kind).toBe(SpanKind.INTERNAL);
    expect(onlySpan().attributes).toEqual({
      "gen_ai.operation.name": "invoke_agent",
      "gen_ai.agent.name": "Planner",
      apiKey: "[REDACTED]",
    });
  });

  it("sets a kind alone", () => {
    withSpan("GET /health", { kind: "server" }, () => 0);
    expect(onlySpan().kind).toBe(SpanKind.SERVER);
  });

  it("still takes plain attributes, redacted by key", () => {
    withSpan("manual", { team: "a", password: "p", kind: 3 }, () => 0);
    expect(onlySpan().kind).toBe(SpanKind.INTERNAL);
    expect(onlySpan().attributes).toEqual({ team: "a", password: "[REDACTED]", kind: 3 });
  });
});
