// Side-by-side timing of call variants in one process: warm-up, then rounds
// in which every variant runs a fixed number of calls (the order rotates each
// round), reporting per-round ns/call so ratios can be taken pairwise.
import { setImmediate as macrotask } from "node:timers/promises";
import { rotate } from "../lib/stats.mjs";

/**
 * One loop function per variant, compiled from its own source text, so each
 * call site sees one callee (monomorphic, inlinable) as in a real program.
 */
function loopFor(name, isAsync) {
  const body = isAsync
    ? "return async function run(fn, n, seed) { let s = seed; for (let i = 0; i < n; i++) s ^= await fn(i, s); return s; };"
    : "return function run(fn, n, seed) { let s = seed; for (let i = 0; i < n; i++) s ^= fn(i, s); return s; };";
  return new Function(`/* ${name} ${isAsync ? "async" : "sync"} */ ${body}`)();
}

/**
 * @param variants {{ name: string, fn: (a: number, b: number) => unknown }[]}
 * @param options.batch calls between two yields to the event loop (the batch
 *   span processor exports from a timer and a microtask; a long synchronous
 *   run would fill its queue and start dropping spans, which is cheaper)
 * @returns {{ [name: string]: number[] }} ns/call of each round
 */
export async function compare(variants, { isAsync, rounds, warmupRounds, batch, batchesPerRound }) {
  const loops = new Map(variants.map((v) => [v.name, loopFor(v.name, isAsync)]));
  const perRound = Object.fromEntries(variants.map((v) => [v.name, []]));
  let sink = 0;
  for (let round = 0; round < warmupRounds + rounds; round++) {
    // Every round starts from a collected heap, and within a round the
    // variants take turns batch by batch, so a slow phase of the process
    // (a major GC, another process on the machine) hits them alike.
    globalThis.gc?.();
    const ns = Object.fromEntries(variants.map((v) => [v.name, 0n]));
    for (let b = 0; b < batchesPerRound; b++) {
      for (const { name, fn } of rotate(variants, round + b)) {
        const run = loops.get(name);
        const started = process.hrtime.bigint();
        sink ^= isAsync ? await run(fn, batch, sink) : run(fn, batch, sink);
        ns[name] += process.hrtime.bigint() - started;
        await macrotask();
      }
    }
    if (round < warmupRounds) continue;
    for (const { name } of variants) {
      perRound[name].push(Number(ns[name]) / (batch * batchesPerRound));
    }
  }
  return { perRound, sink };
}
