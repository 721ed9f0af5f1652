/**
 * What a user gets from the registry: `npm pack`, installed into a fresh
 * project outside this repository, with one plugin line and a config. The
 * traced build must behave exactly like the plain one and produce the spans
 * with the documented attribute names.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { packedTarball } from "../helpers/packed-tarball";
import { run, tracingEnv } from "../helpers/run";

const project = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-user-"));
const bin = (name: string) => path.join(project, "node_modules", ".bin", name);

const files: Record<string, string> = {
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "CommonJS",
      strict: true,
      outDir: "dist",
      rootDir: "src",
      plugins: [{ transform: "ts-autotrace/transformer" }],
    },
    include: ["src"],
  }),
  "tracing.config.json": JSON.stringify({
    serviceName: "shop",
    rules: [
      {
        files: "src/billing/**/*.ts",
        functions: ["charge*"],
        includeArgs: true,
        includeResult: true,
        attributes: { team: "payments" },
      },
      { files: "src/**/*.ts", functions: ["*"] },
    ],
  }),
  "src/billing/charge.ts": `export async function chargeCard(card: string, cents: number): Promise<string> {
  await new Promise((r) => setTimeout(r, 1));
  if (cents < 0) throw new RangeError("negative amount");
  return card.slice(-4) + ":" + cents;
}
`,
  "src/shop.ts": `import { chargeCard } from "./billing/charge";
export class Shop {
  async buy(card: string, cents: number): Promise<string> {
    return chargeCard(card, cents);
  }
}
export async function main(): Promise<string[]> {
  const shop = new Shop();
  const results = [await shop.buy("4242", 500)];
  try { await shop.buy("4242", -1); } catch (e) { results.push((e as Error).name + ": " + (e as Error).message); }
  console.log(results.join("\\n"));
  return results;
}
`,
  "src/run.ts": `import { main } from "./shop";
void main();
`,
  // Not compiled: loads the built program and prints what in_memory recorded.
  "inspect.js": `const rt = require("ts-autotrace");
rt.initializeTracing({ exporter: "in_memory" });
require(process.argv[2]).main().then(() => {
  const spans = rt.getFinishedSpans().map((s) => ({
    name: s.name, service: s.resource.attributes["service.name"], attributes: s.attributes,
    status: s.status, events: s.events.map((e) => e.name),
    id: s.spanContext().spanId, parent: s.parentSpanContext && s.parentSpanContext.spanId,
  }));
  process.stdout.write(JSON.stringify(spans));
});
`,
};

beforeAll(() => {
  const tarball = packedTarball();
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "user-project", private: true }),
  );
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
    fs.writeFileSync(path.join(project, name), text);
  }
  const install = run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      tarball,
      "typescript@5.9.3",
      "ts-patch@3.3.0",
      "@opentelemetry/api@1.9.1",
    ],
    { cwd: project },
  );
  expect(install.stderr).not.toMatch(/ERR!/);
  expect(run(bin("tspc"), ["-p", project]).status).toBe(0);
  expect(run(bin("tsc"), ["-p", project, "--outDir", path.join(project, "plain")]).status).toBe(0);
}, 600_000);

describe("the packed package in a user's project", () => {
  it("behaves exactly like the plain tsc build", () => {
    const env = tracingEnv({ TRACING_EXPORTER: "none" });
    const traced = run(process.execPath, ["dist/run.js"], { cwd: project, env });
    const plain = run(process.execPath, ["plain/run.js"], { cwd: project, env });
    expect(traced).toEqual(plain);
    expect(traced.stdout).toBe("4242:500\nRangeError: negative amount\n");
  });

  it("records the spans with the documented names and attributes", () => {
    const result = run(process.execPath, ["inspect.js", "./dist/shop.js"], {
      cwd: project,
      env: tracingEnv({}),
    });
    expect(result.status).toBe(0);
    const spans = JSON.parse(result.stdout.split("\n").pop()!);
    const charges = spans.filter((s: { name: string }) => s.name === "chargeCard");
    const buys = spans.filter((s: { name: string }) => s.name === "Shop.buy");
    expect(charges).toHaveLength(2);
    expect(buys).toHaveLength(2);
    expect(charges[0]).toMatchObject({
      service: "shop",
      attributes: {
        "code.function.name": "chargeCard",
        "code.file.path": "src/billing/charge.ts",
        "code.line.number": 1,
        // A parameter named card* is redacted by default.
        "args.card": "[REDACTED]",
        "args.cents": 500,
        result: "4242:500",
        team: "payments",
      },
      status: { code: 0 },
      parent: buys[0].id,
    });
    expect(charges[1]).toMatchObject({
      status: { code: 2, message: "negative amount" },
      events: ["exception"],
      parent: buys[1].id,
    });
    expect(buys[0].attributes).toMatchObject({
      "code.function.name": "Shop.buy",
      "code.file.path": "src/shop.ts",
    });
    const main = spans.find((s: { name: string }) => s.name === "main");
    expect(main).toMatchObject({
      service: "shop",
      attributes: { "code.file.path": "src/shop.ts" },
    });
    expect(main.parent).toBeUndefined();
    expect(buys[0].parent).toBe(main.id);
  });

  it("ships the ts-autotrace command: help, check, list, and view of a file-exporter run", () => {
    const help = run(bin("ts-autotrace"), ["--help"], { cwd: project });
    expect([help.status, help.stdout]).toEqual([
      0,
      expect.stringContaining("Usage: npx ts-autotrace <command>"),
    ]);
    expect(run(bin("ts-autotrace"), ["check"], { cwd: project }).stdout).toContain(
      "is valid: 2 rules.",
    );
    const listed = JSON.parse(
      run(bin("ts-autotrace"), ["list", "--json"], { cwd: project }).stdout,
    );
    expect(listed.functions.map((f: { name: string }) => f.name).sort()).toEqual([
      "Shop.buy",
      "chargeCard",
      "main",
    ]);

    const env = tracingEnv({ TRACING_EXPORTER: "file" });
    expect(run(process.execPath, ["dist/run.js"], { cwd: project, env }).status).toBe(0);
    const view = run(bin("ts-autotrace"), ["view", "traces.jsonl"], { cwd: project });
    expect([view.status, view.stdout]).toEqual([
      0,
      expect.stringContaining("1 trace, 5 spans → traces.html"),
    ]);
    expect(fs.readFileSync(path.join(project, "traces.html"), "utf8")).toContain("chargeCard");
  });
});
