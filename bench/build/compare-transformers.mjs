// Before/after for a transformer change, side by side in one run: the build
// section's generated project built with tsc, tspc, and tspc with this
// checkout's transformer and with another one (a build of an older commit),
// for rules that take every function and rules that take none. Prints wall
// and CPU time and peak RSS, as medians of per-round ratios.
//
//   git archive <commit> | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/
//   (cd /tmp/before && npx tsc -p tsconfig.build.json)
//   node bench/build/compare-transformers.mjs /tmp/before/dist/transformer/index.js [rounds]
//
// Needs /usr/bin/time. BENCH_BUILD_FILES sets the project's size (default 1000).
import { spawn } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { median, medianRatio } from "../lib/stats.mjs";
import { BUILD_DIR, COMPILERS, setUpBuild } from "./build-child-setup.mjs";

const [before, rounds = 3] = process.argv.slice(2);
if (!before)
  throw new Error("usage: compare-transformers.mjs <other transformer index.js> [rounds]");
setUpBuild(Number(process.env.BENCH_BUILD_FILES ?? 1000));
for (const rules of ["all", "none"]) {
  const tsconfig = JSON.parse(readFileSync(join(BUILD_DIR, `tsconfig.tspc-${rules}.json`), "utf8"));
  tsconfig.compilerOptions.outDir = `out/before-${rules}`;
  tsconfig.compilerOptions.plugins[0].transform = before;
  writeFileSync(join(BUILD_DIR, `tsconfig.before-${rules}.json`), JSON.stringify(tsconfig));
}
const COMPILER = {
  tsc: "tsc",
  tspc: "tspc",
  "tspc-all": "tspc",
  "before-all": "tspc",
  "tspc-none": "tspc",
  "before-none": "tspc",
};
const variants = Object.keys(COMPILER);

/** One build: wall ms, CPU ms (user + system) and peak RSS in MB. */
function build(variant) {
  rmSync(join(BUILD_DIR, "out", variant), { recursive: true, force: true });
  const rssFile = join(BUILD_DIR, `time-${variant}.txt`);
  const args = ["-f", "%M %U %S", "-o", rssFile, process.execPath, COMPILERS[COMPILER[variant]]];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn("/usr/bin/time", [...args, "-p", `tsconfig.${variant}.json`], {
      cwd: BUILD_DIR,
      stdio: "ignore",
    });
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${variant} failed (${code})`));
      const [kb, user, system] = readFileSync(rssFile, "utf8").trim().split("\n").pop().split(" ");
      resolve({ ms, cpu: (Number(user) + Number(system)) * 1000, mb: Number(kb) / 1024 });
    });
  });
}

await build("tsc"); // warm-up
const runs = Object.fromEntries(variants.map((v) => [v, []]));
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < variants.length; i++) {
    const v = variants[(i + r) % variants.length];
    runs[v].push(await build(v));
  }
}
const med = (v, key) => median(runs[v].map((x) => x[key]));
const over = (v, base, key) =>
  medianRatio(
    runs[v].map((x) => x[key]),
    runs[base].map((x) => x[key]),
  ).toFixed(3);
console.log("variant      wall ms  CPU ms  RSS MB  wall/tspc  CPU/tspc  RSS/tsc");
for (const v of variants) {
  const cells = [med(v, "ms"), med(v, "cpu"), med(v, "mb")].map((x) => x.toFixed(0).padStart(7));
  console.log(
    v.padEnd(11),
    ...cells,
    over(v, "tspc", "ms").padStart(10),
    over(v, "tspc", "cpu").padStart(9),
    over(v, "tsc", "mb").padStart(8),
  );
}
