/**
 * The call-site table, read by position: `file(path, service)` returns a
 * factory, and each row `(name, line, options, args, functionName)` of the
 * contract's SiteArguments becomes one prepared CallSite. Trailing slots the
 * transformer leaves out and slots it writes as `null` must decode alike.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FileArguments, SiteArguments } from "../../contract";
import { file, type CallSite } from "../../runtime/index.js";
import { state } from "../../runtime/state";
import { transpileWithTracing } from "../helpers/transpile";
import { captureStderr } from "./helpers";

const CODE = ["code.function.name", "code.file.path", "code.line.number"];

/** What a site is, without the frozen start options that only repeat `attributes`. */
function decoded(site: CallSite | undefined) {
  if (site === undefined) throw new Error("the row did not decode to a site");
  const { name, label, key, attributes, argKeys, result, thresholdMs } = site;
  expect(site.startOptions.attributes).toBe(attributes);
  return { name, label, key, attributes, argKeys, result, thresholdMs };
}

let savedService: string | undefined;
beforeEach(() => {
  savedService = state.siteServiceName;
  state.siteServiceName = undefined;
  state.warnedKeys.clear();
});
afterEach(() => {
  state.siteServiceName = savedService;
});

describe("call-site table: positional decoding", () => {
  it("decodes every slot of a full row", () => {
    const row: SiteArguments = [
      "checkout Cart.add",
      12,
      { result: true, thresholdMs: 100, attributes: { team: "cart", tier: 2 } },
      ["item", "qty"],
      "Cart.add",
    ];
    expect(decoded(file("src/cart.ts")(...row))).toEqual({
      name: "checkout Cart.add",
      label: "Cart.add",
      key: "src/cart.ts:12:Cart.add",
      attributes: {
        team: "cart",
        tier: 2,
        "code.function.name": "Cart.add",
        "code.file.path": "src/cart.ts",
        "code.line.number": 12,
      },
      argKeys: ["args.item", "args.qty"],
      result: true,
      thresholdMs: 100,
    });
  });

  it.each<[string, SiteArguments]>([
    ["left out", ["total", 3]],
    ["written as null", ["total", 3, null, null]],
  ])("reads trailing slots %s as: no options, no args, function name = span name", (_, row) => {
    expect(decoded(file("src/a.ts")(...row))).toEqual({
      name: "total",
      label: "total",
      key: "src/a.ts:3:total",
      attributes: {
        "code.function.name": "total",
        "code.file.path": "src/a.ts",
        "code.line.number": 3,
      },
      argKeys: undefined,
      result: false,
      thresholdMs: undefined,
    });
  });

  it("finds the function name in slot 5 behind null options and args", () => {
    const site = decoded(file("src/a.ts")("api.total", 7, null, null, "Order.total"));
    expect(site.name).toBe("api.total");
    expect(site.label).toBe("Order.total");
    expect(site.attributes["code.function.name"]).toBe("Order.total");
    expect(site.argKeys).toBeUndefined();
  });

  it("reads parameter names in slot 4 when the options slot is null", () => {
    const site = decoded(file("src/a.ts")("add", 4, null, ["a", "b"]));
    expect(site.argKeys).toEqual(["args.a", "args.b"]);
    expect(site.result).toBe(false);
  });

  it("keeps the code.* attributes when a rule's attributes name them", () => {
    const options = { attributes: { "code.line.number": 99, "code.file.path": "x", owner: "me" } };
    const site = decoded(file("src/b.ts")("f", 5, options));
    expect(CODE.map((k) => site.attributes[k])).toEqual(["f", "src/b.ts", 5]);
    expect(site.attributes.owner).toBe("me");
  });

  it("registers the file's service (slot 2 of file()) when its first site is built", () => {
    const factory = file("src/a.ts", "checkout");
    expect(state.siteServiceName).toBeUndefined();
    factory("f", 1);
    expect(state.siteServiceName).toBe("checkout");
    file("src/b.ts", "other")("g", 2); // the first registered wins
    expect(state.siteServiceName).toBe("checkout");
  });

  it("leaves the service unset for a file without one", () => {
    const args: FileArguments = ["src/a.ts"];
    file(...args)("f", 1);
    expect(state.siteServiceName).toBeUndefined();
  });

  it("turns a row it cannot read into an untraced site and one warning, not a throw", () => {
    const stderr = captureStderr();
    const broken = ["f", 1, null, 42] as unknown as SiteArguments; // args is not an array
    expect(file("src/a.ts")(...broken)).toBeUndefined();
    expect(stderr.lines()).toEqual([
      expect.stringMatching(/^\[ts-autotrace\] warning: a traced function could not be prepared/),
    ]);
  });

  it("decodes the rows the transformer writes into the sites they describe", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-site-table-"));
    const config = {
      serviceName: "shop",
      rules: [
        { files: "*.ts", functions: ["Cart.add"], includeArgs: true, spanName: "cart {function}" },
        { files: "*.ts", functions: ["total"], includeResult: true, thresholdMs: 20 },
      ],
    };
    fs.writeFileSync(path.join(dir, "tracing.config.json"), JSON.stringify(config));
    const source = [
      "export class Cart {",
      "  add(item: string, qty: number) { return qty; }",
      "}",
      "export function total() { return 1; }",
      "",
    ].join("\n");
    fs.writeFileSync(path.join(dir, "cart.ts"), source);
    const { outputText } = transpileWithTracing(
      path.join(dir, "cart.ts"),
      path.join(dir, "tracing.config.json"),
      { module: 1 /* CommonJS */ },
    );
    // Run the module with a runtime whose file() hands each row to the real one.
    const sites: (CallSite | undefined)[] = [];
    const runtime = {
      file:
        (...fileArgs: FileArguments) =>
        (...row: SiteArguments) => {
          const site = file(...fileArgs)(...row);
          sites.push(site);
          return site;
        },
    };
    new Function("require", "exports", outputText)(() => runtime, {});
    expect(sites.map(decoded)).toEqual([
      expect.objectContaining({
        name: "cart add",
        label: "Cart.add",
        key: "cart.ts:2:Cart.add",
        argKeys: ["args.item", "args.qty"],
        result: false,
        thresholdMs: undefined,
      }),
      expect.objectContaining({
        name: "total",
        label: "total",
        key: "cart.ts:4:total",
        argKeys: undefined,
        result: true,
        thresholdMs: 20,
      }),
    ]);
    expect(state.siteServiceName).toBe("shop");
  });
});
