import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as runtime from "../../runtime/index.js";
import { state } from "../../runtime/shared/state";
import { TRACER_VERSION } from "../../runtime/shared/tracer-name";

const runtimeDir = join(__dirname, "../../runtime");

describe("entry points", () => {
  it("index.mjs re-exports exactly the CommonJS entry's exports", () => {
    const names = Object.keys(runtime).sort();
    // Run the real .mjs under Node against a stand-in for the CommonJS build.
    const dir = mkdtempSync(join(tmpdir(), "autotrace-esm-"));
    copyFileSync(join(runtimeDir, "index.mjs"), join(dir, "index.mjs"));
    const stub = Object.fromEntries(names.map((n) => [n, n]));
    writeFileSync(join(dir, "index.js"), `module.exports = ${JSON.stringify(stub)};`);
    const script =
      "import('./index.mjs').then((m) => console.log(JSON.stringify(Object.entries(m))))";
    const output = execFileSync(process.execPath, ["-e", script], { cwd: dir, encoding: "utf8" });
    const entries = (JSON.parse(output) as [string, string][]).sort();
    expect(entries.map(([name]) => name)).toEqual(names);
    expect(entries.every(([name, value]) => name === value)).toBe(true);
  });

  it("keeps one state per process on a global symbol", () => {
    const holder = globalThis as { [key: symbol]: unknown };
    expect(holder[Symbol.for("ts-autotrace.state")]).toBe(state);
  });

  it("reports the package version as the tracer version", () => {
    const pkg = JSON.parse(readFileSync(join(runtimeDir, "../package.json"), "utf8")) as {
      version: string;
    };
    expect(TRACER_VERSION).toBe(pkg.version);
  });
});
