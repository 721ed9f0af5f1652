// `npm run bench`: every section side by side in this run, a table on stdout,
// the full figures in bench/results.json. Progress goes to stderr.
//
//   BENCH_ONLY=calls,startup node bench/run.mjs   (a subset, for development)
//   BENCH_ONLY=capture BENCH_SCALE=0.5 node bench/run.mjs   (fewer capture rounds)
//
// Needs `npm run build` first (the npm script does it): the benchmark uses the
// built runtime and transformer, as a program would.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { runBuild } from "./build/run-build.mjs";
import { runCapture } from "./capture/run-capture.mjs";
import { runCalls } from "./calls/run-calls.mjs";
import { runCliBench } from "./cli/run-cli.mjs";
import { runExport, startReceiver } from "./export/run-export.mjs";
import { runInvisible } from "./invisible/run-invisible.mjs";
import { runIntegrations } from "./integrations/run-integrations.mjs";
import { RESULTS_FILE } from "./lib/paths.mjs";
import { round } from "./lib/stats.mjs";
import { table } from "./lib/table.mjs";
import { runProfile } from "./profile/run-profile.mjs";
import { runStartup } from "./startup/run-startup.mjs";
import { evaluateTargets } from "./targets.mjs";

const only = process.env.BENCH_ONLY?.split(",");
const wanted = (section) => only === undefined || only.includes(section);
const log = (message) => process.stderr.write(`${message}\n`);

function machine() {
  const cpuModel = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1];
    } catch {
      return undefined;
    }
  })();
  const nproc = (() => {
    try {
      return Number(execFileSync("nproc", { encoding: "utf8" }).trim());
    } catch {
      return cpus().length;
    }
  })();
  return {
    nproc,
    node: process.version,
    cpu: cpuModel ?? cpus()[0]?.model,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    platform: `${process.platform} ${process.arch}`,
  };
}

const started = Date.now();
const results = { date: new Date().toISOString(), machine: machine() };
log(`ts-autotrace benchmark on ${JSON.stringify(results.machine)}`);

if (wanted("calls")) results.calls = await runCalls(log);
if (wanted("invisible")) results.invisible = await runInvisible(log);
if (wanted("capture")) {
  results.capture = await runCapture(log, { scale: Number(process.env.BENCH_SCALE ?? 1) });
}
if (wanted("profile")) results.profile = await runProfile(log);
if (wanted("build")) results.build = await runBuild(log);
if (wanted("integrations")) results.integrations = runIntegrations(log);
if (wanted("export") || wanted("startup")) {
  const receiver = await startReceiver();
  try {
    if (wanted("export")) results.export = await runExport(log, receiver);
    if (wanted("startup")) results.startup = await runStartup(log, receiver);
  } finally {
    await receiver.close();
  }
}
if (wanted("cli")) results.cli = await runCliBench(log);
results.targets = evaluateTargets(results);
results.durationSeconds = Math.round((Date.now() - started) / 1000);

process.stdout.write(`${report(results)}\n`);
writeFileSync(RESULTS_FILE, await formatJson(results));
log(`wrote ${RESULTS_FILE} (${results.durationSeconds} s)`);

/** JSON as Prettier writes it, so `prettier --check` accepts the file. */
async function formatJson(value) {
  const text = JSON.stringify(value, null, 2);
  try {
    const prettier = await import("prettier");
    return await prettier.format(text, { parser: "json", printWidth: 100 });
  } catch {
    return `${text}\n`;
  }
}

function report(r) {
  const out = [];
  const m = r.machine;
  out.push(
    `Machine: ${m.cpu}, ${m.nproc} cores (nproc), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}`,
  );
  if (r.calls) {
    out.push(
      "",
      "Call overhead: median ns/call (ratio: median of per-round ts-autotrace / hand-written)",
    );
    const rows = [];
    for (const md of r.calls.modes) {
      for (const fn of ["sync", "async"]) {
        const x = md[fn];
        rows.push([
          md.mode,
          fn,
          x.nsPerCall.plain,
          x.nsPerCall.handwritten,
          x.nsPerCall.autotrace,
          `${x.autotraceOverHandwritten.toFixed(3)}x`,
          x.autotraceMinusPlainNs,
        ]);
      }
    }
    out.push(
      table(
        [
          "mode",
          "fn",
          "plain",
          "hand-written",
          "ts-autotrace",
          "autotrace/hand",
          "autotrace-plain ns",
        ],
        rows,
      ),
    );
    const compared = r.calls.modes.flatMap((md) => md.checks.map((c) => c.attributes));
    const same = compared
      .filter((a) => a.compared)
      .every((a) => a.sameKeys && a.mismatchedValues.length === 0);
    out.push(
      `Hand-written and ts-autotrace spans carry the same attributes: ${same ? "yes" : "NO (see results.json)"}`,
    );
  }
  if (r.invisible) {
    const v = r.invisible;
    out.push(
      "",
      `Traced code read as untraced (fixtures/stack-traces): plain recursion depth ${v.plain.depth},` +
        ` parser depth ${v.plain.parserDepth}, async ticks ${v.plain.ticks.join("/")} (1/3 levels)`,
      table(
        [
          "mode",
          "depth",
          "x plain",
          "parser depth",
          "x plain",
          "same 4-level stack",
          "extra ticks",
        ],
        v.modes.map((m) => [
          m.mode,
          m.depth,
          `${m.depthOverPlain}x`,
          m.parserDepth,
          `${m.parserDepthOverPlain}x`,
          m.sameSyncFrames ? "yes" : "NO",
          m.extraTicks.join("/"),
        ]),
      ),
    );
  }
  if (r.capture) {
    const c = r.capture;
    out.push(
      "",
      `Capture: median ns per traced call recording one argument (ratio: per round, over ${c.baseline})`,
    );
    out.push(
      table(
        ["argument", "ns/call", `over ${c.baseline}`, "attribute chars"],
        c.rows.map((x) => [
          x.value,
          x.nsPerCall,
          `${x.overBaseline.toFixed(3)}x`,
          c.attributeLengths[x.value],
        ]),
      ),
    );
    out.push(
      `First record of a fresh 2e5-key object (V8 lists every key once): ${c.firstRecordOf2e5KeysMs.join(", ")} ms`,
    );
  }
  if (r.build) {
    const b = r.build;
    out.push(
      "",
      `Build: ${b.files} files, ${b.functions} functions, median of ${b.rounds} rounds (memory: ${b.peakMemoryFrom})`,
    );
    // [time / tsc, time / tspc, RSS / tsc, RSS / tspc]: over tspc is the transformer's own share.
    const ratio = {
      tsc: [1, undefined, 1, undefined],
      tspc: [b.timeRatio.tspcOverTsc, 1, b.memoryRatio.tspcOverTsc, 1],
      "tspc-all": [
        b.timeRatio.allOverTsc,
        b.timeRatio.allOverTspc,
        b.memoryRatio.allOverTsc,
        b.memoryRatio.allOverTspc,
      ],
      "tspc-none": [
        b.timeRatio.noneOverTsc,
        b.timeRatio.noneOverTspc,
        b.memoryRatio.noneOverTsc,
        b.memoryRatio.noneOverTspc,
      ],
    };
    const times = (value) => (value === undefined ? "-" : `${value.toFixed(3)}x`);
    const label = {
      tsc: "tsc",
      tspc: "tspc, no plugin",
      "tspc-all": "tspc + transformer, every function matched",
      "tspc-none": "tspc + transformer, nothing matched",
    };
    out.push(
      table(
        ["build", "wall ms", "time / tsc", "time / tspc", "peak RSS MB", "RSS / tsc", "RSS / tspc"],
        Object.entries(b.variants).map(([v, x]) => [
          label[v],
          x.wallMs,
          times(ratio[v][0]),
          times(ratio[v][1]),
          x.maxRssMb,
          times(ratio[v][2]),
          times(ratio[v][3]),
        ]),
      ),
    );
    const startUp = b.compilerStartUp;
    if (startUp) {
      out.push(
        `Start-up alone (--version, median of ${startUp.rounds}): tsc ${startUp.tsc.wallMs} ms, ${startUp.tsc.maxRssMb} MB; ` +
          `tspc ${startUp.tspc.wallMs} ms, ${startUp.tspc.maxRssMb} MB (ts-patch's fixed cost, in every tspc row)`,
      );
    }
    const t = b.transform;
    out.push("", "Transform time in-process (ts.transform, no type check, no emit)");
    out.push(
      table(
        ["case", "functions", "ms", "us/function", "vs linear / vs 1 rule"],
        [
          ...t.scaling.map((s) => [
            `${s.scale}x functions, 1 rule`,
            s.functions,
            s.ms,
            s.usPerFunction,
            `${s.growthOverLinear.toFixed(3)}x`,
          ]),
          ...t.rules.map((s) => [
            `${s.rules} rules`,
            s.functions,
            s.ms,
            round((s.ms * 1000) / s.functions, 2),
            `${s.overOneRule.toFixed(3)}x`,
          ]),
        ],
      ),
    );
  }
  if (r.integrations) {
    const { transform: t, startup: s } = r.integrations;
    out.push(
      "",
      `Bundler/loader transform: ms per 1,000 lines, ${t.lines} lines, median of ${t.rounds}`,
    );
    out.push(
      table(
        ["path", "ms / 1,000 lines"],
        [
          ["engine (bundler plugins, register on .ts)", t.msPer1000Lines.engine],
          ["engine on compiled JS + source map (register)", t.msPer1000Lines.loaderJs],
          ["plain ts.transpileModule, no transformer", t.msPer1000Lines.transpileModule],
          ["esbuild type stripping (what tsx, Vite use)", t.msPer1000Lines.esbuild],
          ["engine / plain transpileModule", `${t.engineOverTranspileModule}x`],
        ],
      ),
    );
    out.push(
      "",
      `Start-up: node main.js vs node --import ts-autotrace/register main.js, median of ${s.rounds}`,
    );
    out.push(
      table(
        ["figure", "value"],
        [
          ["plain, ms", s.plainMs],
          ["--import ts-autotrace/register, ms", s.registerMs],
          ["added by register, ms", s.addedMs],
          ["register / plain", `${s.registerOverPlain}x`],
        ],
      ),
    );
  }
  if (r.export) {
    const e = r.export;
    out.push(
      "",
      `Export throughput: ${e.exporter}, default batch settings, median of ${e.rounds} runs`,
    );
    out.push(
      table(
        ["figure", "value"],
        [
          ["spans/s delivered, producer unthrottled", e.sustainedSpansPerSecond],
          ["traced calls/s made meanwhile", e.sustainedCallsPerSecond],
          ["share of spans dropped (queue full)", e.sustainedDroppedShare],
          [`burst of ${e.burstCalls} calls in one tick: exported`, e.burstExported],
          [`burst of ${e.burstCalls} calls in one tick: dropped`, e.burstDropped],
          ["receiver count = exporter count", e.receivedMatchesExported],
        ],
      ),
    );
  }
  if (r.startup) {
    out.push("", "Start-up per exporter (fresh process each, median)");
    out.push(
      table(
        [
          "exporter",
          "import ms",
          "first span ms",
          "since process start ms",
          "gRPC/protobuf/Thrift loaded",
        ],
        r.startup.map((s) => [
          s.exporter,
          s.importMs,
          s.firstSpanMs,
          s.sinceProcessStartMs,
          s.wirePackages.length === 0 ? "none" : s.wirePackages.join(", "),
        ]),
      ),
    );
  }
  if (r.profile) {
    out.push("", "CPU profile of the recording path (sync + async), top self time");
    for (const [variant, p] of Object.entries(r.profile)) {
      out.push(`${variant} (${p.totalMs} ms sampled):`);
      out.push(
        table(
          ["self %", "function", "owner"],
          p.topSelf.slice(0, 10).map((e) => [e.selfPct, e.function, e.owner]),
        ),
      );
      if (p.runtimeFunctions.length > 0) {
        const listed = p.runtimeFunctions.map((e) => `${e.function.split("  ")[0]} ${e.selfPct}%`);
        out.push(`ts-autotrace runtime self time: ${listed.join(", ")}`);
      }
    }
  }
  if (r.cli) out.push("", ...cliReport(r.cli));
  if (r.targets.length > 0) {
    out.push("", "Targets");
    out.push(
      table(
        ["target", "measured", "limit", "result"],
        r.targets.map((t) => [
          t.target,
          `${t.value}${t.unit === "x" ? "x" : ` ${t.unit}`}`,
          `${t.atLeast ? ">=" : "<="} ${t.limit}${t.unit === "x" ? "x" : ` ${t.unit}`}`,
          t.pass ? "PASS" : `GAP (${gap(t)})`,
        ]),
      ),
    );
  }
  return out.join("\n");
}

function gap(t) {
  if (t.atLeast) return `${round(((t.limit - t.value) / t.limit) * 100, 1)}% under`;
  if (t.unit === "x") return `+${round(((t.value - t.limit) / t.limit) * 100, 1)}% over`;
  return `+${round(t.value - t.limit, 1)} ${t.unit} over`;
}

function cliReport({ list, view }) {
  return [
    `Command line: list on ${list.files} files (${list.listed} functions listed), median of 3 runs`,
    table(
      ["command", "wall ms", "ratio"],
      [
        ["ts-autotrace list --json", list.listMs, `${list.listOverTsc.toFixed(3)}x`],
        ["tsc --noEmit (same project)", list.tscNoEmitMs, "1.000x"],
      ],
    ),
    "",
    "view in headless Chromium: page load (navigation start to first render) and median frame while scrolling",
    table(
      ["spans", "file MB", "page MB", "view command ms", "page load ms", "scroll frame ms"],
      [view.small, view.large].map((v) => [
        v.spans,
        v.fileMb,
        v.pageMb,
        v.viewCommandMs,
        v.pageLoadMs,
        v.scrollFrameMs,
      ]),
    ),
    `load ${view.large.spans} / ${view.small.spans} spans: ${view.loadLargeOverSmall}x`,
  ];
}
