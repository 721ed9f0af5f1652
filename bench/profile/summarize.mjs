// Summarises a .cpuprofile (from `node --cpu-prof`): self time per function
// and per owner (the runtime, the OpenTelemetry SDK and API, Node, GC, ...).
//
//   node bench/profile/summarize.mjs <file.cpuprofile> [top]
import { readFileSync } from "node:fs";

/** Who a frame belongs to, from its script URL. */
export function ownerOf(url, functionName) {
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(program)" || functionName === "(idle)") return functionName;
  if (/\/dist\/runtime\//.test(url)) return "ts-autotrace runtime";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith("node:")) return "node";
  if (/\.tmp\/bench\/calls\//.test(url)) return "subject code";
  if (/\/bench\//.test(url)) return "bench harness";
  return url === "" ? "(native)" : "other";
}

function shortUrl(url) {
  const dist = url.indexOf("/dist/");
  if (dist >= 0) return url.slice(dist + 1);
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) return url.slice(nm + "node_modules/".length).replace("/build/src/", "/…/");
  const tmp = url.indexOf(".tmp/bench/");
  if (tmp >= 0) return url.slice(tmp + ".tmp/bench/".length);
  return url.replace(/^file:\/\/.*\/bench\//, "bench/");
}

export function summarizeProfile(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const byFunction = new Map();
  const byOwner = new Map();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === "(idle)") continue;
    total += us;
    const owner = ownerOf(url, functionName);
    const key = `${functionName || "(anonymous)"}  ${shortUrl(url)}${url ? `:${lineNumber + 1}` : ""}`;
    const entry = byFunction.get(key) ?? { function: key, owner, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
  }
  const pct = (us) => Math.round((1000 * us) / total) / 10;
  return {
    totalMs: Math.round(total / 1000),
    topSelf: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((e) => ({ function: e.function, owner: e.owner, selfPct: pct(e.us) })),
    runtimeFunctions: [...byFunction.values()]
      .filter((e) => e.owner === "ts-autotrace runtime")
      .sort((a, b) => b.us - a.us)
      .map((e) => ({ function: e.function, selfPct: pct(e.us) })),
    byOwner: [...byOwner]
      .sort((a, b) => b[1] - a[1])
      .map(([owner, us]) => ({ owner, selfPct: pct(us) })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const profile = JSON.parse(readFileSync(process.argv[2], "utf8"));
  const summary = summarizeProfile(profile, Number(process.argv[3] ?? 20));
  for (const e of summary.topSelf) console.log(`${String(e.selfPct).padStart(5)}%  ${e.function}`);
  console.log("-- ts-autotrace runtime");
  for (const e of summary.runtimeFunctions)
    console.log(`${String(e.selfPct).padStart(5)}%  ${e.function}`);
  console.log("-- by owner");
  for (const e of summary.byOwner) console.log(`${String(e.selfPct).padStart(5)}%  ${e.owner}`);
}
