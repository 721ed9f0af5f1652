// CPU profile of the recording path: the recording mode's child, running only
// one variant, under `node --cpu-prof`; once for ts-autotrace and once for the
// hand-written variant, so the two can be compared entry by entry.
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { CHILD } from "../calls/run-calls.mjs";
import { runChild } from "../lib/child.mjs";
import { WORK } from "../lib/paths.mjs";
import { summarizeProfile } from "./summarize.mjs";

export const PROFILE_DIR = join(WORK, "profile");

export async function runProfile(log) {
  const out = {};
  for (const variant of ["autotrace", "handwritten"]) {
    log(`  profile: recording, ${variant}`);
    const dir = join(PROFILE_DIR, variant);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await runChild(CHILD, {
      args: ["recording", `--only=${variant}`, "--scale=2"],
      nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`, "--cpu-prof-interval=100"],
    });
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    out[variant] = {
      file: join(".tmp", "bench", "profile", variant, file),
      ...summarizeProfile(JSON.parse(readFileSync(join(dir, file), "utf8")), 15),
    };
  }
  return out;
}
