/**
 * A throw-away copy of the repository under test, so that neither build
 * writes into the user's working tree.
 *
 * - Git repositories: the tracked and untracked-but-not-ignored files (so
 *   uncommitted edits are included and old build output is not).
 * - node_modules: a real folder of symlinks to the original's entries. The
 *   copy then resolves exactly the original's packages, while caches that
 *   tools write into node_modules (vite's, for one) stay in the copy.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export function makeScratchCopy(repoDir: string, copyDir: string): void {
  const modules = path.join(repoDir, "node_modules");
  if (!fs.existsSync(modules)) {
    throw new Error(`${repoDir} has no node_modules: install it first (npm ci).`);
  }
  fs.mkdirSync(copyDir, { recursive: true });
  for (const file of sourceFiles(repoDir)) {
    const from = path.join(repoDir, file);
    const stat = fs.lstatSync(from, { throwIfNoEntry: false });
    if (stat === undefined) continue; // deleted in the working tree
    fs.cpSync(from, path.join(copyDir, file), { recursive: true, verbatimSymlinks: true });
  }
  const linked = path.join(copyDir, "node_modules");
  fs.mkdirSync(linked, { recursive: true });
  for (const entry of fs.readdirSync(modules)) {
    if (entry === ".vite" || entry === ".cache") continue;
    fs.symlinkSync(path.join(modules, entry), path.join(linked, entry));
  }
}

function sourceFiles(repoDir: string): string[] {
  if (!fs.existsSync(path.join(repoDir, ".git"))) {
    return fs.readdirSync(repoDir).filter((entry) => entry !== "node_modules");
  }
  const listing = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: repoDir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  return listing.split("\0").filter((file) => file !== "" && !file.startsWith("node_modules/"));
}
