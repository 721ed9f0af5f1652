/**
 * The small project every entry point's end-to-end test builds or runs: two
 * traced functions, one of which throws from a known line, and a main that
 * prints the in_memory spans and that error's stack as one JSON line.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import { writeFiles } from "../../helpers/project";
import { ROOT, run, tracingEnv, type RunResult } from "../../helpers/run";

/** The line of `throw` in src/billing.ts, which stack traces must name. */
export const THROW_LINE = 8;

const BILLING = `export interface Order {
  total: number;
}
export function charge(order: Order): number {
  return order.total * 2;
}
export function refuse(reason: string): never {
  throw new Error("refused: " + reason);
}
`;

/** `billing` is how main imports billing.ts ("./billing", "./billing.ts", "./billing.js"). */
export function mainSource(billing: string): string {
  return `import { getFinishedSpans, tracingHealth } from "ts-autotrace";
import { charge, refuse } from "${billing}";

const total = charge({ total: 21 });
let stack = "";
try {
  refuse("card");
} catch (error) {
  stack = String(Object(error).stack);
}
const spans = getFinishedSpans().map((span) => ({ name: span.name, attributes: span.attributes }));
console.log(JSON.stringify({ total, spans, stack, traced: tracingHealth().tracedFunctions }));
`;
}

/** What a project built by `tsc` itself (TypeScript 7) needs: Node-style imports, maps on. */
export const TSC_PROJECT_FILES: Record<string, unknown> = {
  "src/main.ts": mainSource("./billing.js"),
  "tsconfig.json": {
    compilerOptions: {
      target: "ES2022",
      module: "nodenext",
      rootDir: "src",
      outDir: "dist",
      sourceMap: true,
      skipLibCheck: true,
      types: [],
    },
    include: ["src"],
  },
};

/** A fresh project folder under .tmp (so `ts-autotrace` resolves to this checkout). */
export function sampleProject(name: string, extra: Record<string, unknown> = {}): string {
  const dir = path.join(ROOT, ".tmp", "integrations", name);
  fs.rmSync(dir, { recursive: true, force: true });
  writeFiles(dir, {
    "package.json": { name: `sample-${name}`, private: true, type: "module" },
    "tsconfig.json": {
      compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "bundler" },
      include: ["src"],
    },
    "tracing.config.json": {
      serviceName: "sample",
      rules: [{ files: "src/**/*.ts", functions: ["charge", "refuse"], includeArgs: true }],
    },
    "src/billing.ts": BILLING,
    "src/main.ts": mainSource("./billing.ts"),
    ...extra,
  });
  return dir;
}

/** A CommonJS sample for tspc builds: dist/ with source maps, `options` added to compilerOptions. */
export function commonjsSample(
  name: string,
  options: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): string {
  return sampleProject(name, {
    "package.json": { name: `sample-${name}`, private: true, type: "commonjs" },
    "src/main.ts": mainSource("./billing"),
    "tsconfig.json": {
      compilerOptions: {
        target: "ES2022",
        module: "commonjs",
        outDir: "dist",
        rootDir: "src",
        sourceMap: true,
        skipLibCheck: true,
        types: [],
        ...options,
      },
      include: ["src"],
    },
    ...extra,
  });
}

export interface SampleOutput {
  total: number;
  spans: { name: string; attributes: Record<string, unknown> }[];
  stack: string;
  traced: number;
}

/** Runs `args` with node (in_memory spans, source maps on) and parses main's JSON line. */
export function runSample(dir: string, args: string[], node = process.execPath): SampleOutput {
  const result = run(node, ["--enable-source-maps", ...args], {
    cwd: dir,
    env: tracingEnv({ TRACING_EXPORTER: "in_memory" }),
  });
  return parseSample(result);
}

export function parseSample(result: RunResult): SampleOutput {
  const line = result.stdout.split("\n").find((l) => l.startsWith("{"));
  if (result.status !== 0 || line === undefined) {
    throw new Error(`exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return JSON.parse(line) as SampleOutput;
}

/** What every entry point must produce: both spans, with .ts paths and lines, and a mapped stack. */
export function expectTraced(output: SampleOutput): void {
  expect(output.total).toBe(42);
  expect(output.spans.map((s) => s.name)).toEqual(["charge", "refuse"]);
  expect(output.spans[0]!.attributes).toMatchObject({
    "code.file.path": "src/billing.ts",
    "code.line.number": 4,
  });
  expect(output.spans[1]!.attributes).toMatchObject({ "code.line.number": 7 });
  expect(output.traced).toBe(2);
  expect(output.stack).toMatch(new RegExp(`billing\\.ts:${THROW_LINE}:\\d+`));
}
