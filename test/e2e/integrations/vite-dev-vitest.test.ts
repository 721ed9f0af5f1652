/**
 * ts-autotrace/vite beyond `vite build`: the dev server's transform (browser
 * and SSR), and vitest running tests on the sources with in_memory spans,
 * which without the plugin get no spans and the runtime's warning.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, run, tracingEnv } from "../../helpers/run";
import { NODES } from "./node-majors";
import { sampleProject, THROW_LINE } from "./sample-project";

const DEV = `import { createServer } from "vite";
import autotrace from "ts-autotrace/vite";
import { getFinishedSpans } from "ts-autotrace";
const server = await createServer({
  root: process.cwd(), logLevel: "silent", appType: "custom",
  server: { middlewareMode: true, ws: false }, plugins: [autotrace()],
  // This checkout is linked into node_modules; Vite would inline a linked package.
  ssr: { external: ["ts-autotrace"] },
});
const browser = await server.transformRequest("/src/billing.ts");
const billing = await server.ssrLoadModule("/src/billing.ts");
billing.charge({ total: 1 });
console.log(JSON.stringify({
  browser: (browser.code.match(/__autotrace\\w*\\.file\\(/g) ?? []).length,
  spans: getFinishedSpans().map((span) => span.name),
}));
await server.close();
`;

const DEV_RELOAD = `import { createServer } from "vite";
import { writeFileSync } from "node:fs";
import autotrace from "ts-autotrace/vite";
const server = await createServer({
  root: process.cwd(), logLevel: "silent", appType: "custom",
  server: { middlewareMode: true, ws: false }, plugins: [autotrace()],
});
const sites = async () =>
  ((await server.transformRequest("/src/billing.ts")).code.match(/__autotrace_f\\("/g) ?? []).length;
const before = await sites();
// The watcher reports changes only once it has scanned the folder.
await new Promise((resolve) => setTimeout(resolve, 1000));
writeFileSync("tracing.config.json", JSON.stringify({ rules: [{ files: "src/**/*.ts", functions: ["charge"] }] }));
let after = before;
for (let i = 0; i < 100 && after === before; i++) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  after = await sites();
}
console.log(JSON.stringify({ before, after }));
await server.close();
`;

const TEST = `import { expect, it } from "vitest";
import { getFinishedSpans } from "ts-autotrace";
import { charge, refuse } from "../src/billing";

it("records spans of the code under test", () => {
  expect(charge({ total: 2 })).toBe(4);
  let stack = "";
  try { refuse("card"); } catch (error) { stack = String(Object(error).stack); }
  expect(getFinishedSpans().map((span) => span.name)).toEqual(["charge", "refuse"]);
  expect(stack).toMatch(/billing\\.ts:${THROW_LINE}:/);
});
`;

const config = (withPlugin: boolean) =>
  withPlugin
    ? `import { defineConfig } from "vitest/config";
import autotrace from "ts-autotrace/vite";
export default defineConfig({ plugins: [autotrace()] });
`
    : `import { defineConfig } from "vitest/config";
export default defineConfig({});
`;

const VITEST = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");

function vitest(withPlugin: boolean, node = process.execPath) {
  const dir = sampleProject(`vitest-${withPlugin}-${path.basename(path.dirname(node))}`, {
    "vitest.config.mts": config(withPlugin),
    "test/billing.test.ts": TEST,
  });
  return run(node, [VITEST, "run", "--root", dir], {
    cwd: dir,
    env: tracingEnv({ TRACING_EXPORTER: "in_memory", CI: "true" }),
  });
}

describe("ts-autotrace/vite", () => {
  it("traces what the dev server transforms, for the browser and for SSR", () => {
    const dir = sampleProject("vite-dev", { "dev.mjs": DEV });
    const result = run(process.execPath, ["dev.mjs"], {
      cwd: dir,
      env: tracingEnv({ TRACING_EXPORTER: "in_memory" }),
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split("\n").pop()!)).toEqual({
      browser: 1,
      spans: ["charge"],
    });
  });

  it("applies a changed tracing.config.json to the running dev server", () => {
    const dir = sampleProject("vite-dev-reload", { "dev.mjs": DEV_RELOAD });
    const result = run(process.execPath, ["dev.mjs"], { cwd: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split("\n").pop()!)).toEqual({ before: 2, after: 1 });
  });

  it("gives vitest in_memory spans of the sources under test, with mapped stack lines", () => {
    const result = vitest(true);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1 passed/);
  });

  it("without the plugin, vitest's test sees no spans and the runtime says why", () => {
    const result = vitest(false);
    expect(result.status).not.toBe(0);
    expect(result.stderr + result.stdout).toMatch(
      /no traced function has been loaded in this process[^\n]*vitest without `ts-autotrace\/vite`/,
    );
  });
});

describe.each(NODES.slice(1))("ts-autotrace/vite on node $major", ({ bin }) => {
  it("gives vitest in_memory spans of the sources under test", () => {
    const result = vitest(true, bin);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1 passed/);
  });
});
