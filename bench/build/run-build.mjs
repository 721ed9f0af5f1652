// Section 2: build time and peak memory of the generated code base, with
// plain tsc, tspc without plugins, and tspc with the transformer (rules that
// take every function / none), in interleaved rounds; the compilers' start-up
// alone (`--version`), which is ts-patch's fixed cost; then transform time
// growth measured in-process (transform-child.mjs).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cleanEnv, runChild } from "../lib/child.mjs";
import { BENCH, WORK } from "../lib/paths.mjs";
import { median, medianRatio, round, rotate } from "../lib/stats.mjs";
import { BUILD_DIR, COMPILERS, setUpBuild, VARIANTS } from "./build-child-setup.mjs";

const FILES = Number(process.env.BENCH_BUILD_FILES ?? 1000);
const ROUNDS = 3;
const STARTUP_ROUNDS = 5;
const TIME = "/usr/bin/time";

/** Runs one build; resolves with wall ms and peak RSS in kB. */
function build(variant) {
  const [compiler] = VARIANTS[variant];
  rmSync(join(BUILD_DIR, "out", variant), { recursive: true, force: true });
  return runCompiler(variant, compiler, ["-p", `tsconfig.${variant}.json`]);
}

/** One compiler process (`name` keys its RSS file); resolves with wall ms and peak RSS in kB. */
function runCompiler(name, compiler, compilerArgs) {
  const rssFile = join(WORK, `max-rss-${name}.txt`);
  rmSync(rssFile, { force: true });
  const nodeArgs = [COMPILERS[compiler], ...compilerArgs];
  const useTime = existsSync(TIME);
  const [command, args] = useTime
    ? [TIME, ["-f", "%M", "-o", rssFile, process.execPath, ...nodeArgs]]
    : [
        process.execPath,
        ["--import", pathToFileURL(join(BENCH, "build", "max-rss.mjs")).href, ...nodeArgs],
      ];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: BUILD_DIR,
      env: cleanEnv({ BENCH_MAX_RSS_FILE: rssFile }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) return reject(new Error(`${name} failed (${code}):\n${output}`));
      const rss = Number(readFileSync(rssFile, "utf8").trim().split("\n").pop());
      resolve({ wallMs, maxRssKb: rss, peakMemory: useTime ? "/usr/bin/time" : "resourceUsage" });
    });
  });
}

/** The transformer really ran: traced output for "all", none for "none". */
function checkOutput() {
  const traced = (variant) => {
    const dir = join(BUILD_DIR, "out", variant);
    return readdirSync(dir).filter((f) =>
      readFileSync(join(dir, f), "utf8").includes("__autotrace"),
    ).length;
  };
  return { tracedFilesAll: traced("tspc-all"), tracedFilesNone: traced("tspc-none") };
}

/**
 * ts-patch's fixed cost: `--version` compiles nothing, so what tspc takes
 * over tsc here is its own start-up (it reads and evaluates its patched copy
 * of tsc.js), paid once per build whatever the project's size.
 */
async function startUp() {
  const runs = { tsc: [], tspc: [] };
  for (let r = 0; r < STARTUP_ROUNDS; r++) {
    for (const c of rotate(["tsc", "tspc"], r))
      runs[c].push(await runCompiler(`${c}-version`, c, ["--version"]));
  }
  const figures = (c) => ({
    wallMs: round(median(runs[c].map((x) => x.wallMs)), 0),
    maxRssMb: round(median(runs[c].map((x) => x.maxRssKb)) / 1024, 0),
  });
  return { rounds: STARTUP_ROUNDS, tsc: figures("tsc"), tspc: figures("tspc") };
}

export async function runBuild(log) {
  const size = setUpBuild(FILES);
  const variants = Object.keys(VARIANTS);
  log(`  build: warm-up (${size.files} files, ${size.functions} functions)`);
  await build("tsc");
  const runs = Object.fromEntries(variants.map((v) => [v, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (const v of rotate(variants, r)) {
      log(`  build: round ${r + 1}/${ROUNDS}, ${v}`);
      runs[v].push(await build(v));
    }
  }
  log("  build: start-up only (--version)");
  const compilerStartUp = await startUp();
  const wall = (v) => runs[v].map((x) => x.wallMs);
  const rss = (v) => runs[v].map((x) => x.maxRssKb);
  log("  transform scaling (in-process)");
  const { result: transform } = await runChild(join(BENCH, "build", "transform-child.mjs"), {
    timeoutMs: 240_000,
  });
  return {
    ...size,
    rounds: ROUNDS,
    peakMemoryFrom: runs.tsc[0].peakMemory,
    variants: Object.fromEntries(
      variants.map((v) => [
        v,
        { wallMs: round(median(wall(v)), 0), maxRssMb: round(median(rss(v)) / 1024, 0) },
      ]),
    ),
    timeRatio: {
      allOverTsc: round(medianRatio(wall("tspc-all"), wall("tsc")), 3),
      noneOverTsc: round(medianRatio(wall("tspc-none"), wall("tsc")), 3),
      tspcOverTsc: round(medianRatio(wall("tspc"), wall("tsc")), 3),
      allOverTspc: round(medianRatio(wall("tspc-all"), wall("tspc")), 3),
      noneOverTspc: round(medianRatio(wall("tspc-none"), wall("tspc")), 3),
    },
    memoryRatio: {
      allOverTsc: round(medianRatio(rss("tspc-all"), rss("tsc")), 3),
      noneOverTsc: round(medianRatio(rss("tspc-none"), rss("tsc")), 3),
      tspcOverTsc: round(medianRatio(rss("tspc"), rss("tsc")), 3),
      allOverTspc: round(medianRatio(rss("tspc-all"), rss("tspc")), 3),
      noneOverTspc: round(medianRatio(rss("tspc-none"), rss("tspc")), 3),
    },
    compilerStartUp,
    output: checkOutput(),
    transform,
    runs,
  };
}
