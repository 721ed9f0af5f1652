// One runtime mode in a fresh process (the runtime reads its environment when
// tracing starts): plain, hand-written OpenTelemetry and ts-autotrace, timed
// side by side in interleaved rounds, for the sync and the async subject.
//
//   node bench/calls/mode-child.mjs <mode> [--only=<variant>] [--scale=<n>]
//
// Modes (the parent sets the environment named here):
//   disabled        TRACING_ENABLED=false; hand-written code runs against the
//                   OpenTelemetry API with no SDK installed (its no-op tracer).
//   always_off      OTEL_TRACES_SAMPLER=always_off, the runtime's own pipeline;
//                   hand-written uses a provider with AlwaysOffSampler.
//   ratio           a provider with TraceIdRatioBasedSampler(0.1) and a batch
//                   processor, registered as the program's global provider:
//                   ts-autotrace then uses the very same tracer.
//   recording       as ratio, with the default ParentBased(AlwaysOn) sampler.
//   recording_args  as recording, rules with includeArgs + includeResult (and
//                   hand-written code setting args.* and result).
//   recording_component  as recording, a `database` preset rule reading three
//                   `$args` paths (hand-written: the same CLIENT span and
//                   attributes, read from the arguments by hand).
//   recording_own   the runtime's own pipeline for an exporter object
//                   (initializeTracing({ exporter })): a batch processor;
//                   hand-written gets a provider with the same processor type.
import { createRequire } from "node:module";
import { join } from "node:path";
import { trace } from "@opentelemetry/api";
import {
  AlwaysOffSampler,
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { reportResult } from "../lib/child.mjs";
import { WORK } from "../lib/paths.mjs";
import { DiscardExporter } from "./discard-exporter.mjs";
import { compare } from "./harness.mjs";

const require = createRequire(import.meta.url);
const CALLS_DIR = join(WORK, "calls");

const mode = process.argv[2];
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const scale = Number(process.argv.find((a) => a.startsWith("--scale="))?.slice(8) ?? 1);

const SYNC = { isAsync: false, rounds: 21, warmupRounds: 8, batch: 200, batchesPerRound: 50 };
const ASYNC = { isAsync: true, rounds: 21, warmupRounds: 8, batch: 100, batchesPerRound: 50 };

function provider(sampler, processor) {
  const p = new NodeTracerProvider({ sampler, spanProcessors: [processor] });
  p.register();
  return p;
}

/** Sets up tracing for the mode, before the subjects load (as a program would). */
function setUp() {
  const exporter = new DiscardExporter();
  const batch = () => new BatchSpanProcessor(exporter);
  const runtime = require("ts-autotrace");
  switch (mode) {
    case "disabled":
      return { exporter, runtime, providers: [] };
    case "always_off": {
      const p = provider(new AlwaysOffSampler(), batch());
      runtime.initializeTracing({ exporter });
      return { exporter, runtime, providers: [p] };
    }
    case "ratio":
      return {
        exporter,
        runtime,
        providers: [provider(new TraceIdRatioBasedSampler(0.1), batch())],
      };
    case "recording":
    case "recording_args":
    case "recording_component":
      return {
        exporter,
        runtime,
        providers: [provider(new ParentBasedSampler({ root: new AlwaysOnSampler() }), batch())],
      };
    case "recording_own": {
      const own = new DiscardExporter();
      const p = provider(
        new ParentBasedSampler({ root: new AlwaysOnSampler() }),
        new BatchSpanProcessor(own),
      );
      runtime.initializeTracing({ exporter });
      return { exporter, ownExporter: own, runtime, providers: [p] };
    }
    default:
      throw new Error(`unknown mode ${mode}`);
  }
}

const setup = setUp();
const withArgs = mode === "recording_args";
const plain = require(join(CALLS_DIR, "plain.js"));
const handwritten = require(join(CALLS_DIR, "handwritten.js"));
const autotrace = require(join(CALLS_DIR, withArgs ? "autotrace-args.js" : "autotrace.js"));

const withComponent = mode === "recording_component";
const QUERY = { sql: "SELECT id, name FROM users WHERE id = $1", table: "users" };
const OPTIONS = { db: "shop" };

/** lookup(query, options, n) from each build, called the way the harness calls mix(a, b). */
function componentVariants(sync) {
  const fn = sync ? "lookup" : "lookupAsync";
  const hand = require(join(CALLS_DIR, "handwritten-component.js"));
  const auto = require(join(CALLS_DIR, "autotrace-component.js"));
  const all = [
    { name: "plain", fn: (a, b) => plain[fn](QUERY, OPTIONS, a ^ b) },
    { name: "handwritten", fn: (a, b) => hand[fn](QUERY, OPTIONS, a ^ b) },
    { name: "autotrace", fn: (a, b) => auto[fn](QUERY, OPTIONS, a ^ b) },
  ];
  return only === undefined ? all : all.filter((v) => v.name === only);
}

const variants = (sync) => {
  if (withComponent) return componentVariants(sync);
  const all = [
    { name: "plain", fn: sync ? plain.mix : plain.mixAsync },
    {
      name: "handwritten",
      fn: sync
        ? withArgs
          ? handwritten.mixArgs
          : handwritten.mix
        : withArgs
          ? handwritten.mixAsyncArgs
          : handwritten.mixAsync,
    },
    { name: "autotrace", fn: sync ? autotrace.mix : autotrace.mixAsync },
  ];
  return only === undefined ? all : all.filter((v) => v.name === only);
};

/**
 * A program has many traced functions, all calling the same runtime entry
 * points (and hand-written code the same SDK methods) with different
 * closures. Calling them from OTHER_SITES other functions first keeps the JIT
 * from specialising trace()/traceAsync() (or startActiveSpan) to the one
 * function measured, which would flatter both variants.
 */
const OTHER_SITES = 16;
async function warmOtherSites() {
  const runtime = setup.runtime;
  const tracer = trace.getTracer("bench-handwritten");
  for (let k = 0; k < OTHER_SITES; k++) {
    // Distinct source text per function: distinct closures for the JIT.
    const body = new Function("x", `return (x * ${k + 3}) ^ ${k};`);
    const asyncBody = new Function("x", `return (async () => (x * ${k + 5}) ^ ${k})();`);
    const site = runtime.site({
      name: `other${k}`,
      function: `other${k}`,
      file: "o.ts",
      line: k + 1,
    });
    const traced = tracedLike(runtime, site, body);
    const tracedAsync = tracedAsyncLike(runtime, site, asyncBody);
    for (let i = 0; i < 200; i++) {
      traced(i);
      await tracedAsync(i);
      tracer.startActiveSpan(`other${k}`, (span) => {
        try {
          return body(i);
        } finally {
          span.end();
        }
      });
      await tracer.startActiveSpan(`other${k}`, async (span) => {
        try {
          return await asyncBody(i);
        } finally {
          span.end();
        }
      });
    }
  }
}

/** What the transformer emits around a sync body (see transformer/rewrite/wrap-body.ts). */
function tracedLike(rt, site, body) {
  return (x) => {
    const c = rt.enter(site);
    try {
      return rt.returned(c, body(x));
    } catch (e) {
      rt.threw(c, e);
      throw e;
    } finally {
      rt.exit(c);
    }
  };
}

/** ... and around an async body (wrap-async.ts). */
function tracedAsyncLike(rt, site, body) {
  return async (x) => {
    const c = rt.enter(site);
    try {
      return rt.returned(c, await rt.suspend(c, { other: async () => body(x) }.other.call()));
    } catch (e) {
      rt.threw(c, e);
      throw e;
    } finally {
      rt.exit(c);
    }
  };
}

// One span of each first, exported on its own, so the exporter's first
// exports hold them for compareAttributes (the warm-up fills the rest).
if (withComponent) {
  for (const v of componentVariants(true)) v.fn(1, 2);
  for (const p of setup.providers) await p.forceFlush();
}
await warmOtherSites();
const scaled = (o) => ({ ...o, rounds: Math.round(o.rounds * scale) });
const sync = await compare(variants(true), scaled(SYNC));
const async = await compare(variants(false), scaled(ASYNC));

for (const p of setup.providers) await p.forceFlush();
const health = setup.runtime.tracingHealth();
await setup.runtime.shutdownTracing();
const callsPerVariant = [scaled(SYNC), scaled(ASYNC)].reduce(
  (n, o) => n + (o.rounds + o.warmupRounds) * o.batch * o.batchesPerRound,
  0,
);

reportResult({
  mode,
  sync: sync.perRound,
  async: async.perRound,
  checks: {
    callsPerVariant,
    spansExported: setup.exporter.count + (setup.ownExporter?.count ?? 0),
    runtimeHealth: health,
    attributes: compareAttributes(setup.exporter, setup.ownExporter),
    sdkTracer: trace.getTracer("check").constructor.name,
  },
  sink: sync.sink ^ async.sink,
});

/** The first span of `mix` (or `lookup`) from each variant: both must carry the same attributes. */
function compareAttributes(exporter, ownExporter) {
  const span = withComponent ? "lookup" : "mix";
  const hand = (ownExporter ?? exporter).firstSpans.get(`bench-handwritten/${span}`);
  const auto = [...exporter.firstSpans].find(
    ([key]) => key.endsWith(`/${span}`) && !key.startsWith("bench-handwritten"),
  )?.[1];
  if (hand === undefined || auto === undefined) return { compared: false };
  const keys = (o) => Object.keys(o).sort().join(",");
  const mismatched = Object.keys({ ...hand, ...auto })
    .filter((k) => !k.startsWith("args.") && k !== "result")
    .filter((k) => hand[k] !== auto[k]);
  return {
    compared: true,
    sameKeys: keys(hand) === keys(auto),
    handwritten: keys(hand),
    autotrace: keys(auto),
    mismatchedValues: mismatched,
  };
}
