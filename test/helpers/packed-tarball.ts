/**
 * The tarball a user installs: `npm pack` run in a clean copy of this
 * repository after `npm ci`, with nothing built by hand first. The copy is
 * the committed tree plus tracked changes (`git stash create`), so a new file
 * must be `git add`ed before the end-to-end tests see it.
 *
 * Packing takes half a minute, so the tarball is made once per tree and kept
 * in the temporary folder; test files that run in parallel wait on a lock.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, run } from "./run";

const LOCK_WAIT_MS = 300_000;

/** The commit whose tree is packed: HEAD, or HEAD plus the working tree's tracked changes. */
function treeCommit(): string {
  const stash = run("git", ["stash", "create"], { cwd: ROOT }).stdout.trim();
  if (stash !== "") return stash;
  return run("git", ["rev-parse", "HEAD"], { cwd: ROOT }).stdout.trim();
}

function check(step: string, result: ReturnType<typeof run>): void {
  if (result.status !== 0) {
    throw new Error(`${step} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

function packInto(dir: string, commit: string): string {
  const clone = path.join(dir, "clone");
  fs.mkdirSync(clone, { recursive: true });
  const archive = path.join(dir, "tree.tar");
  check("git archive", run("git", ["archive", "-o", archive, commit], { cwd: ROOT }));
  check("tar", run("tar", ["-xf", archive, "-C", clone]));
  const npmOptions = { cwd: clone, timeout: 600_000 };
  check("npm ci", run("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], npmOptions));
  const pack = run("npm", ["pack", "--silent", "--pack-destination", dir], npmOptions);
  check("npm pack", pack);
  const tarball = path.join(dir, pack.stdout.trim().split("\n").pop()!);
  // The copy's node_modules is large and no longer needed.
  fs.rmSync(clone, { recursive: true, force: true });
  return tarball;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Path of the packed `ts-autotrace-<version>.tgz` for the current tree. */
export function packedTarball(): string {
  const commit = treeCommit();
  // Keyed by content: `git stash create` makes a new commit each time it runs.
  const tree = run("git", ["rev-parse", `${commit}^{tree}`], { cwd: ROOT }).stdout.trim();
  const dir = path.join(os.tmpdir(), `ts-autotrace-pack-${tree.slice(0, 12)}`);
  const done = path.join(dir, "tarball-path");
  const lock = `${dir}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (fs.existsSync(done)) return fs.readFileSync(done, "utf8");
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleep(500);
    }
  }
  try {
    if (fs.existsSync(done)) return fs.readFileSync(done, "utf8");
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const tarball = packInto(dir, commit);
    fs.writeFileSync(done, tarball);
    return tarball;
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
