// Section: the command line. `list` on the generated 1,000-file code base
// (bench/build/generate.mjs) next to `tsc --noEmit` on the same project, and
// `view` for 100,000 spans: the page's load time in headless Chromium next to
// a 1,000-span page, and the time per frame while scrolling through it.
//
//   BENCH_CLI_FILES=200 BENCH_VIEW_SPANS=20000 BENCH_ONLY=cli node bench/run.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { generateCodeBase } from "../build/generate.mjs";
import { cleanEnv } from "../lib/child.mjs";
import { ROOT, WORK } from "../lib/paths.mjs";
import { median, medianRatio, round } from "../lib/stats.mjs";

const require = createRequire(import.meta.url);
const FILES = Number(process.env.BENCH_CLI_FILES ?? 1000);
const SPANS = Number(process.env.BENCH_VIEW_SPANS ?? 100_000);
const ROUNDS = 3;
const DIR = join(WORK, "cli");
const CLI = join(ROOT, "dist", "cli", "ts-autotrace", "main.js");
const TSC = require.resolve("typescript/bin/tsc");
// The launch options the view tests use: Debian's chromium, kept off the network.
const CHROMIUM = JSON.parse(readFileSync(join(ROOT, "test", "cli", "chromium.json"), "utf8"));

function timed(args) {
  const started = process.hrtime.bigint();
  const output = execFileSync(process.execPath, args, {
    cwd: DIR,
    env: cleanEnv(),
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, output };
}

function listBench(log) {
  const project = join(DIR, "list");
  mkdirSync(project, { recursive: true });
  const { functions } = generateCodeBase(project, FILES);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "commonjs",
        strict: true,
        skipLibCheck: true,
        plugins: [{ transform: "ts-autotrace/transformer" }],
      },
      include: ["src"],
    }),
  );
  writeFileSync(
    join(project, "tracing.config.json"),
    JSON.stringify({ rules: [{ files: "src/**/*.ts", functions: ["*"] }] }),
  );
  const list = [];
  const tsc = [];
  let listed = 0;
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const run = timed([CLI, "list", "--json", "-p", project]);
    listed = JSON.parse(run.output).functions.length;
    list.push(run.ms);
    tsc.push(timed([TSC, "--noEmit", "-p", project]).ms);
    log(`cli: list round ${round_ + 1}: ${round(run.ms)} ms, tsc --noEmit ${round(tsc.at(-1))} ms`);
  }
  return {
    files: FILES,
    functions,
    listed,
    listMs: round(median(list)),
    tscNoEmitMs: round(median(tsc)),
    listOverTsc: round(medianRatio(list, tsc), 3),
  };
}

/** Traces written by the real file exporter: `spans / 4` traces of a root and three children. */
function writeTraces(file, spans) {
  rmSync(file, { force: true });
  const program = `
    const { site, trace } = require(${JSON.stringify(join(ROOT, "dist", "runtime", "index.js"))});
    const s = (name) => site({ name, function: name, file: "src/app.ts", line: 1, args: ["id"] });
    const root = s("handle"), a = s("load"), b = s("render"), c = s("save");
    for (let i = 0; i < ${Math.ceil(spans / 4)}; i++) {
      trace(root, () => { trace(a, () => i, [i]); trace(b, () => i, [i]); try { trace(c, () => { if (i % 50 === 0) throw new Error("disk full"); }, [i]); } catch {} }, [i]);
    }`;
  execFileSync(process.execPath, ["-e", program], {
    env: cleanEnv({ TRACING_EXPORTER: "file", TRACING_FILE_PATH: file }),
    maxBuffer: 1 << 30,
  });
}

async function viewBench(log) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch(CHROMIUM);
  try {
    const result = {};
    for (const [label, spans] of [
      ["small", 1000],
      ["large", SPANS],
    ]) {
      const input = join(DIR, `${label}.jsonl`);
      writeTraces(input, spans);
      const html = join(DIR, `${label}.html`);
      const cli = timed([CLI, "view", input, "--out", html]);
      const loads = [];
      const frames = [];
      for (let r = 0; r < ROUNDS; r++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(`file://${html}`);
        await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 });
        loads.push(await page.evaluate(() => window.viewLoadMs));
        frames.push(await page.evaluate(scrollFrames));
        await page.close();
      }
      result[label] = {
        spans,
        fileMb: round(statSync(input).size / 2 ** 20, 1),
        pageMb: round(statSync(html).size / 2 ** 20, 1),
        viewCommandMs: round(cli.ms),
        pageLoadMs: round(median(loads)),
        scrollFrameMs: round(median(frames), 2),
      };
      log(
        `cli: view ${spans} spans: load ${result[label].pageLoadMs} ms, frame ${result[label].scrollFrameMs} ms`,
      );
    }
    result.loadLargeOverSmall = round(result.large.pageLoadMs / result.small.pageLoadMs, 2);
    return result;
  } finally {
    await browser.close();
  }
}

/**
 * In the page: jump through the list in 40 steps, one per animation frame, and
 * return the median frame interval (16.7 ms at 60 Hz means no frame was missed).
 */
function scrollFrames() {
  const list = document.getElementById("rows");
  const steps = 40;
  return new Promise((resolve) => {
    const times = [];
    let step = 0;
    let last = performance.now();
    const next = () => {
      const now = performance.now();
      if (step > 0) times.push(now - last);
      last = now;
      if (step++ === steps) {
        times.sort((a, b) => a - b);
        resolve(times[times.length >> 1]);
        return;
      }
      list.scrollTop = (list.scrollHeight * step) / steps;
      requestAnimationFrame(next);
    };
    next();
  });
}

export async function runCliBench(log) {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  return { list: listBench(log), view: await viewBench(log) };
}
