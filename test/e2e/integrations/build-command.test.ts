/**
 * `ts-autotrace build`, the tspc that package.json scripts run: real builds
 * through the built bin. Under TypeScript 7 ts-patch's own tspc crashes with a
 * stack trace before any plugin loads, so the command checks first and prints
 * one line; otherwise it is tspc, arguments and exit code passed through.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFiles } from "../../helpers/project";
import { BIN, ROOT, run } from "../../helpers/run";
import { CLI, cli } from "../../cli/cli-helpers";
import { commonjsSample, expectTraced, runSample } from "./sample-project";
import { testTools } from "./tools";
import { noTransformerApiMessage } from "../../../transformer/engine/typescript-api";

let tools: Record<string, string>;
beforeAll(() => {
  tools = testTools();
}, 600_000);

const PLUGIN = [{ transform: "ts-autotrace/transformer" }];

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      const stat = readOrEmpty(`/proc/${entry}/stat`);
      // Fields after the command name, which is in parentheses: state, ppid, ...
      return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1] === String(pid);
    })
    .map(Number);
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const stderrLines = (text: string) => text.split("\n").filter((line) => line.trim() !== "");

describe("under TypeScript 7", () => {
  let dir: string;
  beforeAll(() => {
    dir = commonjsSample("build-ts7", { plugins: PLUGIN });
    fs.mkdirSync(path.join(dir, "node_modules"));
    const typescript7 = path.join(tools.ts7!, "node_modules", "typescript");
    fs.symlinkSync(typescript7, path.join(dir, "node_modules", "typescript"));
    // A copy, as npm installs it: tspc resolves `typescript` from ts-patch's real folder.
    fs.cpSync(
      path.join(ROOT, "node_modules", "ts-patch"),
      path.join(dir, "node_modules", "ts-patch"),
      {
        recursive: true,
      },
    );
  });

  it("ts-patch's own tspc crashes with a stack trace before any plugin loads", () => {
    const tspc = path.join(dir, "node_modules", "ts-patch", "bin", "tspc.js");
    const result = run(process.execPath, [tspc, "-p", dir], { cwd: dir });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("Cannot read properties of undefined (reading 'LineFeed')");
    expect(result.stderr).toMatch(/^\s+at .*ts-patch/m);
    expect(result.stderr).not.toMatch(/transformer API/);
  });

  it("`build -p` exits 1 with one line naming TypeScript 7 and the supported paths", () => {
    // From the repository root, whose own TypeScript is 5.9: -p decides which project it is.
    const result = cli(["build", "-p", dir], ROOT);
    expect(result.status).toBe(1);
    const lines = stderrLines(result.stderr);
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    const typescript7 = fs.realpathSync(path.join(tools.ts7!, "node_modules", "typescript"));
    // The transformer's own text (shared, not copied), naming what was found.
    expect(line).toBe(`error ${noTransformerApiMessage(`TypeScript 7.0.2 (${typescript7})`)}`);
    expect(line).toMatch(/tspc\/ts-patch cannot run transformers/);
    expect(line).toMatch(/`node --import ts-autotrace\/register`/);
    expect(line).toMatch(/ts-autotrace\/vite, \/rollup, \/esbuild, \/webpack, \/rspack/);
    expect(line).toMatch(/TypeScript 6 \+ ts-patch 4 or TypeScript 5\.9 \+ ts-patch 3\.3/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe("");
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
  });

  it("says the same from the project folder itself (no -p)", () => {
    const result = cli(["build"], dir);
    expect(result.status).toBe(1);
    expect(stderrLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain(
      "has no transformer API, so tspc/ts-patch cannot run transformers",
    );
  });
});

describe("on TypeScript 5.9 with ts-patch 3.3", () => {
  it("builds traced output, passing tsc's own options through", () => {
    const dir = commonjsSample("build-ts59", { plugins: PLUGIN });
    const result = cli(["build", "-p", dir, "--listEmittedFiles", "--pretty", "false"], ROOT);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    // --listEmittedFiles is tsc's: the parser of our other commands would have refused it.
    expect(result.stdout).toMatch(/TSFILE: .*dist\/billing\.js/);
    expectTraced(runSample(dir, ["dist/main.js"]));
  });

  it("passes a type error's exit code and output through exactly as tspc gives them", () => {
    const dir = commonjsSample(
      "build-type-error",
      { plugins: PLUGIN },
      {
        "src/wrong.ts": 'export const n: number = "not a number";\n',
      },
    );
    const viaBuild = cli(["build", "-p", dir, "--pretty", "false", "--noEmit"], ROOT);
    const viaTspc = run(path.join(BIN, "tspc"), ["-p", dir, "--pretty", "false", "--noEmit"]);
    expect(viaTspc.status).not.toBe(0);
    expect(viaBuild.status).toBe(viaTspc.status);
    expect(viaBuild.stdout).toMatch(/src\/wrong\.ts\(1,14\): error TS2322/);
    expect(viaBuild.stdout).toBe(viaTspc.stdout);
  });

  it("ends of the signal that ends tspc: a watch build stopped with SIGTERM", async () => {
    const dir = commonjsSample("build-watch", { plugins: PLUGIN });
    const child = spawn(
      process.execPath,
      [CLI, "build", "-p", dir, "--watch", "--preserveWatchOutput"],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (/Watching for file changes/.test(output)) resolve();
      });
      child.on("exit", () => reject(new Error(`ended before watching: ${output}`)));
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    const tspc = childrenOf(child.pid!);
    expect(tspc).toHaveLength(1);
    child.kill("SIGTERM");
    expect(await ended).toBe("SIGTERM");
    // The signal reached tspc too: it has ended and been reaped, not left watching.
    expect(isRunning(tspc[0]!)).toBe(false);
    expect(fs.existsSync(path.join(dir, "dist", "main.js"))).toBe(true);
  });
});

describe("never silently untraced", () => {
  it("warns in one line when the tsconfig has no plugin, then builds anyway", () => {
    const dir = commonjsSample("build-no-plugin", {});
    const result = cli(["build", "-p", dir], ROOT);
    expect(result.status).toBe(0);
    const lines = stderrLines(result.stderr);
    expect(lines).toEqual([
      expect.stringMatching(
        /^warning .*tsconfig\.json has no \{ "transform": "ts-autotrace\/transformer" \}/,
      ),
    ]);
    expect(lines[0]).toMatch(/nothing will be traced\. Fix: run `npx ts-autotrace init`/);
    const output = runSample(dir, ["dist/main.js"]);
    expect(output.spans).toEqual([]);
  });

  it("reads the plugin through `extends`, as tspc does: no warning", () => {
    const dir = commonjsSample(
      "build-extends",
      {},
      {
        "tsconfig.base.json": { compilerOptions: { plugins: PLUGIN } },
      },
    );
    const tsconfig = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")) as object;
    writeFiles(dir, { "tsconfig.json": { extends: "./tsconfig.base.json", ...tsconfig } });
    const result = cli(["build"], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe("");
    expectTraced(runSample(dir, ["dist/main.js"]));
  });
});

describe("what tspc needs, missing", () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "ts-autotrace-build-"));
  afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

  it("without ts-patch: exits 1 with one line giving the npm command", () => {
    // Outside the repository, so the repository's own ts-patch cannot be found.
    writeFiles(outside, { "tsconfig.json": { compilerOptions: { plugins: PLUGIN } } });
    fs.mkdirSync(path.join(outside, "node_modules"));
    fs.symlinkSync(
      path.join(ROOT, "node_modules", "typescript"),
      path.join(outside, "node_modules", "typescript"),
    );
    const result = cli(["build", "-p", outside], ROOT);
    expect(result.status).toBe(1);
    expect(stderrLines(result.stderr)).toEqual([
      expect.stringMatching(
        /^error ts-patch is not installed .*`npm i -D --save-exact ts-patch@3\.3\.0`/,
      ),
    ]);
  });

  it("a TypeScript below 7 without the compiler API: exits 1 with the same one line", () => {
    // An install whose `typescript` is not the compiler (version alone would let it through).
    const dir = commonjsSample(
      "build-no-api",
      { plugins: PLUGIN },
      {
        "node_modules/typescript/package.json": {
          name: "typescript",
          version: "6.9.0",
          main: "index.js",
        },
        "node_modules/typescript/index.js": 'module.exports = { version: "6.9.0" };\n',
      },
    );
    const result = cli(["build", "-p", dir], ROOT);
    expect(result.status).toBe(1);
    const where = `TypeScript 6.9.0 (${path.join(dir, "node_modules", "typescript")})`;
    expect(stderrLines(result.stderr)).toEqual([`error ${noTransformerApiMessage(where)}`]);
  });
});
