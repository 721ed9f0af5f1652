/**
 * The TypeScript and ts-patch of a tspc build, found by their package.json
 * alone: TypeScript 7 cannot be loaded as a compiler, and its version is all
 * `build` needs to refuse it. Both resolve from the project folder. tspc
 * itself loads the TypeScript that `require.resolve("typescript")` finds from
 * ts-patch's real folder, which a symlink or a nested install can make another
 * one: that one is checked as well.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { InputError } from "../terminal";

export interface InstalledPackage {
  dir: string;
  version: string;
  bin: Record<string, string>;
}

export interface Toolchain {
  /** The project's TypeScript, else the one beside ts-patch. */
  typescript: InstalledPackage;
  /** The project's and the one tspc loads, when they differ. */
  typescripts: InstalledPackage[];
  tsPatch?: InstalledPackage;
}

/** The tested ts-patch for each TypeScript major tspc can run transformers on. */
const TS_PATCH_FOR: Record<number, string> = { 5: "3.3.0", 6: "4.0.1" };

export function findToolchain(projectDir: string): Toolchain {
  const tsPatch = findPackage("ts-patch", projectDir);
  const found: InstalledPackage[] = [];
  for (const from of tsPatch ? [projectDir, tsPatch.dir] : [projectDir]) {
    const typescript = findPackage("typescript", from);
    if (typescript && !found.some((other) => other.dir === typescript.dir)) found.push(typescript);
  }
  const typescript = found[0];
  if (!typescript) {
    throw new InputError(
      `TypeScript is not installed where ${projectDir} can load it. Install a tested pair: ` +
        "`npm i -D --save-exact typescript@5.9.3 ts-patch@3.3.0` " +
        "(or typescript@6.0.2 with ts-patch@4.0.1, on Node >= 22.15).",
    );
  }
  return { typescript, typescripts: found, tsPatch };
}

export function majorOf(pkg: InstalledPackage): number {
  return Number.parseInt(pkg.version, 10);
}

/** One line saying which ts-patch to install for the TypeScript that was found. */
export function missingTsPatchMessage(projectDir: string, typescript: InstalledPackage): string {
  const tested = TS_PATCH_FOR[majorOf(typescript)] ?? TS_PATCH_FOR[5];
  return (
    `ts-patch is not installed where ${projectDir} can load it, and its tspc is what runs ` +
    `the ts-autotrace transformer. For TypeScript ${typescript.version} run ` +
    `\`npm i -D --save-exact ts-patch@${tested}\` (tested: ts-patch 3.3.0 with TypeScript 5.x, ` +
    "4.0.1 with TypeScript 6 on Node >= 22.15)."
  );
}

/** tspc's file, as ts-patch's package.json names it. */
export function tspcPath(tsPatch: InstalledPackage): string {
  return path.join(tsPatch.dir, tsPatch.bin.tspc ?? "bin/tspc.js");
}

/** `name` as Node would resolve it from `fromDir` (symlinks followed), or undefined. */
function findPackage(name: string, fromDir: string): InstalledPackage | undefined {
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${name}/package.json`, { paths: [fromDir] });
  } catch {
    return undefined;
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
    version?: unknown;
    bin?: unknown;
  };
  return {
    dir: path.dirname(manifestPath),
    version: String(manifest.version ?? "unknown"),
    bin: typeof manifest.bin === "object" && manifest.bin !== null ? { ...manifest.bin } : {},
  };
}
