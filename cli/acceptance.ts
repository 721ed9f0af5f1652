/**
 * `npm run acceptance -- <repository>`: proves on a real code base that tracing
 * every function changes nothing. It builds the repository with its own
 * tsc build, plainly and with every function of its sources traced, runs its
 * own tests against each build, and prints a comparison. The exit code is 1
 * when the instrumented build passes fewer tests (or does not build), 2 on a
 * usage or set-up error. See docs/acceptance.md.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseOptions, USAGE, type AcceptanceOptions } from "./acceptance/options";
import { formatComparison, verdict } from "./acceptance/report";
import { tail } from "./acceptance/run-command";
import { runVariant, type Tooling, type VariantResult } from "./acceptance/run-variant";

/** This file runs compiled, from dist/cli/. */
const ROOT = path.resolve(__dirname, "..", "..");

function tooling(): Tooling {
  const tools: Tooling = {
    root: ROOT,
    tspc: path.join(ROOT, "node_modules", ".bin", "tspc"),
    transformer: path.join(ROOT, "dist", "transformer", "index.js"),
    runtime: path.join(ROOT, "dist", "runtime", "index.js"),
    spanCountPreload: path.join(__dirname, "acceptance", "span-count-preload.js"),
  };
  for (const file of Object.values(tools)) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm ci && npm run build`);
  }
  return tools;
}

function describeRepo(repo: string): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();
    const dirty = git("status", "--porcelain") === "" ? "" : " (with uncommitted changes)";
    return `${git("rev-parse", "HEAD")}${dirty}`;
  } catch {
    return "not a git repository";
  }
}

function main(argv: string[]): number {
  const parsed = parseOptions(argv);
  if (parsed === "help") {
    console.log(USAGE);
    return 0;
  }
  const options: AcceptanceOptions = parsed;
  const tools = tooling();
  const name = path.basename(options.repo);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `autotrace-acceptance-${name}-`));
  const started = performance.now();
  console.log(`ts-autotrace acceptance: ${options.repo}`);
  console.log(`  commit:  ${describeRepo(options.repo)}`);
  console.log(`  preset:  ${options.preset ?? "none"}`);
  console.log(`  scratch: ${scratch}`);

  const results: VariantResult[] = [];
  for (const variant of ["plain", "instrumented"] as const) {
    console.log(`\n[${variant}] building and testing...`);
    const result = runVariant(variant, options, scratch, tools);
    console.log(`  build: ${result.buildCommand}`);
    if (result.buildOk) console.log(`  test:  ${result.testCommand}`);
    else console.log(`  build failed, last lines of ${result.buildLog}:\n${tail(result.buildLog)}`);
    results.push(result);
  }
  const [plain, traced] = results;
  const outcome = verdict(plain, traced);
  const totalSeconds = (performance.now() - started) / 1000;

  console.log(`\n${formatComparison(plain, traced)}\n`);
  console.log(
    `${outcome.pass ? "PASS" : "FAIL"}: ${outcome.reason} (${totalSeconds.toFixed(1)} s)`,
  );
  if (options.json !== undefined) {
    const record = {
      repo: options.repo,
      commit: describeRepo(options.repo),
      preset: options.preset,
    };
    const json = { ...record, totalSeconds, verdict: outcome, plain, instrumented: traced };
    fs.writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
  }
  if (options.keep || !outcome.pass) console.log(`Scratch copies and logs kept in ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
  return outcome.pass ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`acceptance: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
