// Compiles the call-overhead subjects into .tmp/bench/calls/:
//   plain.js           subject.ts, no transformer
//   autotrace.js       subject.ts with the transformer, rule without args/result
//   autotrace-args.js  subject.ts with the transformer, includeArgs + includeResult
//   handwritten.js     handwritten.ts, no transformer
//   autotrace-component.js   subject.ts, a `database` preset rule with three $args paths
//   handwritten-component.js handwritten-component.ts: the same spans by hand
// All four go through the same ts.transpileModule call (same target, same
// module format), so the bodies are compiled identically.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { BENCH, WORK } from "../lib/paths.mjs";

const require = createRequire(import.meta.url);
export const CALLS_DIR = join(WORK, "calls");

const COMPILER_OPTIONS = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
};

const CONFIGS = {
  "tracing.config.json": { serviceName: "bench", rules: [{ files: "*.ts", functions: ["*"] }] },
  "tracing.args.config.json": {
    serviceName: "bench",
    rules: [{ files: "*.ts", functions: ["*"], includeArgs: true, includeResult: true }],
  },
  "tracing.component.config.json": {
    serviceName: "bench",
    rules: [
      {
        files: "subject.ts",
        functions: ["lookup", "lookupAsync"],
        component: "database",
        attributes: {
          "db.system.name": "postgresql",
          "db.query.text": "$args.query.sql",
          "db.collection.name": "$args.query.table",
          "db.namespace": "$args.options.db",
        },
      },
    ],
  },
};

export function buildSubjects() {
  const { createTransformer } = require("ts-autotrace/transformer");
  mkdirSync(CALLS_DIR, { recursive: true });
  for (const [name, config] of Object.entries(CONFIGS)) {
    writeFileSync(join(CALLS_DIR, name), JSON.stringify(config, null, 2));
  }
  // The transformer takes code.file.path relative to the config's folder.
  const subject = join(CALLS_DIR, "subject.ts");
  copyFileSync(join(BENCH, "calls", "subject.ts"), subject);
  const handwritten = join(CALLS_DIR, "handwritten.ts");
  copyFileSync(join(BENCH, "calls", "handwritten.ts"), handwritten);
  const handwrittenComponent = join(CALLS_DIR, "handwritten-component.ts");
  copyFileSync(join(BENCH, "calls", "handwritten-component.ts"), handwrittenComponent);

  const warnings = [];
  const transformer = (config) =>
    createTransformer(undefined, {
      config: join(CALLS_DIR, config),
      onWarning: (message) => warnings.push(message),
    });
  const emitted = {
    "plain.js": compile(subject),
    "autotrace.js": compile(subject, transformer("tracing.config.json")),
    "autotrace-args.js": compile(subject, transformer("tracing.args.config.json")),
    "handwritten.js": compile(handwritten),
    "autotrace-component.js": compile(subject, transformer("tracing.component.config.json")),
    "handwritten-component.js": compile(handwrittenComponent),
  };
  for (const [name, code] of Object.entries(emitted)) writeFileSync(join(CALLS_DIR, name), code);
  if (warnings.length > 0) throw new Error(`transformer warnings:\n${warnings.join("\n")}`);
  return emitted;
}

export function compile(fileName, transformer) {
  const source = readFileSync(fileName, "utf8");
  const output = ts.transpileModule(source, {
    fileName,
    compilerOptions: COMPILER_OPTIONS,
    transformers: transformer === undefined ? undefined : { before: [transformer] },
  });
  return output.outputText;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const emitted = buildSubjects();
  process.stdout.write(emitted["autotrace-args.js"]);
}
