/**
 * The ways a user installs the package before it is on the registry: the
 * tarball `npm pack` makes from a clean copy (what `npm publish` would upload)
 * and a git URL, for which npm installs the dev dependencies and runs
 * `prepare` itself. Both must carry the compiled runtime and transformer.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { packedTarball } from "../helpers/packed-tarball";
import { ROOT, run } from "../helpers/run";

const ENTRY_FILES = [
  "package/dist/runtime/index.js",
  "package/dist/runtime/index.mjs",
  "package/dist/runtime/index.d.ts",
  "package/dist/transformer/index.js",
  "package/tracing.config.schema.json",
];

/** Loads each public entry point the way a user's code would. */
const LOAD_ENTRIES = `
const runtime = require("ts-autotrace");
const transformer = require("ts-autotrace/transformer");
import("ts-autotrace").then((esm) => {
  console.log(JSON.stringify({
    runtime: typeof runtime.initializeTracing,
    esm: typeof esm.initializeTracing,
    transformer: typeof (transformer.default ?? transformer),
  }));
});
`;

function userProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-install-"));
  fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "user", "private": true }\n');
  fs.writeFileSync(path.join(dir, "load.js"), LOAD_ENTRIES);
  return dir;
}

/** The transformer needs its peer dependency, as in any user's project. */
function install(dir: string, spec: string): void {
  const args = ["install", "--prefer-offline", "--no-audit", "--no-fund", spec, "typescript@5.9.3"];
  const result = run("npm", args, {
    cwd: dir,
    timeout: 600_000,
  });
  expect(result.stderr).not.toMatch(/ERR!|npm error/);
  expect(result.status).toBe(0);
}

function expectEntriesLoad(dir: string): void {
  const loaded = run(process.execPath, ["load.js"], { cwd: dir });
  expect(loaded.stderr).toBe("");
  expect(JSON.parse(loaded.stdout)).toEqual({
    runtime: "function",
    esm: "function",
    transformer: "function",
  });
}

describe("installing before the package is published", () => {
  it("the packed tarball holds the compiled entry points and no sources or tests", () => {
    const listing = run("tar", ["-tzf", packedTarball()]).stdout.split("\n");
    for (const file of ENTRY_FILES) expect(listing).toContain(file);
    expect(
      listing.filter((f) => /^package\/(test|fixtures|bench|runtime|transformer)\//.test(f)),
    ).toEqual([]);
    const dir = userProject();
    install(dir, packedTarball());
    expectEntriesLoad(dir);
  }, 600_000);

  it("a git URL installs a working package (npm runs `prepare`)", () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-git-"));
    const repo = path.join(work, "ts-autotrace.git");
    run("git", ["init", "--quiet", "--bare", repo]);
    const stash = run("git", ["stash", "create"], { cwd: ROOT }).stdout.trim();
    const commit = stash || run("git", ["rev-parse", "HEAD"], { cwd: ROOT }).stdout.trim();
    expect(
      run("git", ["push", "--quiet", repo, `${commit}:refs/heads/main`], { cwd: ROOT }).status,
    ).toBe(0);
    run("git", ["symbolic-ref", "HEAD", "refs/heads/main"], { cwd: repo });
    const dir = userProject();
    install(dir, `git+file://${repo}#main`);
    expectEntriesLoad(dir);
  }, 600_000);
});
