/**
 * The registry behind ts-autotrace/jest's cache key (integrations/jest):
 * recorded configs survive damaged files, parallel jest workers and an
 * unwritable project, and neither it nor `version` ever throws.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cacheVersion, noteConfigUsed } from "../../integrations/jest/cache-version";
import { readRegistry, recordConfig, registryDir } from "../../integrations/jest/config-registry";
import { writeFiles } from "../helpers/project";
import { ROOT, runAsync } from "../helpers/run";

const BASE = path.join(ROOT, ".tmp", "jest-config-registry");
const DIST_REGISTRY = path.join(ROOT, "dist", "integrations", "jest", "config-registry.js");

let project: string;
let tmp: string;
const savedTmpdir = process.env.TMPDIR;

beforeEach((context) => {
  const name = context.task.name.replace(/\W+/g, "-");
  project = path.join(BASE, name, "project");
  tmp = path.join(BASE, name, "tmp");
  fs.rmSync(path.join(BASE, name), { recursive: true, force: true });
  writeFiles(project, {
    "package.json": { name: "sample", private: true },
    "tsconfig.json": {},
    "tracing.config.json": { rules: [] },
    "custom/tracing.json": { rules: [{ files: "**/*.ts", functions: ["a"] }] },
  });
  fs.mkdirSync(tmp, { recursive: true });
  process.env.TMPDIR = tmp; // os.tmpdir() reads it on each call
});

afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  vi.restoreAllMocks();
});

const custom = () => path.join(project, "custom", "tracing.json");

describe("the jest config registry", () => {
  it("lives in the package's node_modules/.cache and keeps absolute paths under one id", () => {
    expect(recordConfig("custom/tracing.json", project)).toBe(true);
    const dir = registryDir(project)!;
    expect(dir).toBe(path.join(project, "node_modules", ".cache", "ts-autotrace", "jest-configs"));
    const first = readRegistry(path.join(project, "custom"))!;
    expect(first.configs).toEqual([custom()]);
    expect(readRegistry(project)).toEqual(first);
  });

  it("reads a damaged entry as not recorded, replaces a damaged id, and repairs on record", () => {
    recordConfig(custom(), project);
    const { id } = readRegistry(project)!;
    const dir = registryDir(project)!;
    const [entry] = fs.readdirSync(dir).filter((file) => file.endsWith(".path"));
    fs.writeFileSync(path.join(dir, entry!), "\u0000{not a path");
    fs.writeFileSync(path.join(dir, "id"), "");
    fs.writeFileSync(path.join(dir, "0123.path"), "/elsewhere/tracing.json");
    const damaged = readRegistry(project)!;
    expect(damaged.configs).toEqual([]);
    expect(damaged.id).toMatch(/^[0-9a-f]{32}$/);
    expect(damaged.id).not.toBe(id);
    expect(recordConfig(custom(), project)).toBe(true);
    expect(readRegistry(project)!.configs).toEqual([custom()]);
  });

  it("keeps every entry that parallel processes record at once", async () => {
    // Each process sleeps until a common start, so their writes overlap.
    const script = `const { recordConfig } = require(${JSON.stringify(DIST_REGISTRY)});
const [worker, start] = process.argv.slice(1);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.max(0, start - Date.now()));
for (let i = 0; i < 50; i++) recordConfig("configs/" + worker + "-" + i + ".json");
recordConfig("configs/shared.json");`;
    const start = String(Date.now() + 1500);
    const workers = ["a", "b", "c", "d"].map((worker) =>
      runAsync(process.execPath, ["-e", script, worker, start], { cwd: project }),
    );
    for (const result of await Promise.all(workers)) expect(result.status, result.stderr).toBe(0);
    const { configs } = readRegistry(project)!;
    expect(configs).toHaveLength(201);
    expect(configs).toContain(path.join(project, "configs", "d-49.json"));
    expect(fs.readdirSync(registryDir(project)!).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("falls back to the temp dir when node_modules cannot hold it", () => {
    fs.writeFileSync(path.join(project, "node_modules"), "a file, not a folder");
    expect(recordConfig(custom(), project)).toBe(true);
    expect(registryDir(project)!.startsWith(tmp + path.sep)).toBe(true);
    expect(readRegistry(project)!.configs).toEqual([custom()]);
  });

  it("without any writable place: no registry, no throw, a key over the default config", () => {
    fs.writeFileSync(path.join(project, "node_modules"), "");
    process.env.TMPDIR = path.join(project, "package.json");
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(registryDir(project)).toBeUndefined();
    expect(recordConfig(custom(), project)).toBe(false);
    expect(readRegistry(project)).toBeUndefined();
    const before = cacheVersion(project);
    writeFiles(project, {
      "tracing.config.json": { rules: [{ files: "*.ts", functions: ["b"] }] },
    });
    expect(cacheVersion(project)).not.toBe(before);
    noteConfigUsed(custom(), project);
    noteConfigUsed(path.join(project, "other.json"), project);
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0]![0])).toMatch(/could not record .*--no-cache/);
  });
});

describe("ts-autotrace/jest's version", () => {
  it("re-keys on each edit of a recorded config, and on a registry made anew", () => {
    const unrecorded = cacheVersion(project);
    noteConfigUsed(custom(), project);
    const recorded = cacheVersion(project);
    expect(recorded).not.toBe(unrecorded);
    expect(cacheVersion(project)).toBe(recorded);
    writeFiles(project, { "custom/tracing.json": { rules: [] } });
    const edited = cacheVersion(project);
    expect(edited).not.toBe(recorded);
    fs.rmSync(custom());
    const missing = cacheVersion(project);
    expect(missing).not.toBe(edited);
    expect(cacheVersion(project)).toBe(missing);
    fs.rmSync(path.join(project, "node_modules"), { recursive: true });
    expect(cacheVersion(project)).not.toBe(unrecorded);
  });

  it("records nothing for the config at the default place", () => {
    noteConfigUsed(path.join(project, "tracing.config.json"), project);
    expect(readRegistry(project)!.configs).toEqual([]);
  });
});
