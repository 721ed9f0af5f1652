/**
 * `check` and `list` end to end on the projects in test/cli/projects, text and
 * --json, through the built bin; `list` is held to what a real build wraps.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, run } from "../helpers/run";
import { runCli } from "../../cli/ts-autotrace/run-cli";
import { PROJECTS, cli, scratchProject } from "./cli-helpers";

const project = (name: string) => path.join(PROJECTS, name);

describe("check", () => {
  it("passes a JSONC config (comments, trailing commas) with one summary line, exit 0", () => {
    const result = cli(["check", "--project", project("shop")]);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(/✓ .*shop\/tracing\.config\.json is valid: 4 rules\.$/),
    ]);
  });

  it("lists every problem with its JSON path and exits 1", () => {
    const result = cli(["check", "-p", project("broken")]);
    expect(result.status).toBe(1);
    const paths = [...result.stdout.matchAll(/error (\S+):/g)].map((m) => m[1]);
    expect(paths).toEqual([
      "serviceNam",
      "rules[0].includeArgs",
      "rules[1].files",
      "rules[1].functions[0]",
      "rules[1].thresholdMs",
    ]);
    expect(result.stdout).toContain('Did you mean "serviceName"?');
    expect(result.stdout).toMatch(/5 problems/);
  });

  it("--json gives the same problems as data", () => {
    const result = cli(["check", "-p", project("broken"), "--json"]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p: { path: string }) => p.path)).toHaveLength(5);
    const ok = JSON.parse(cli(["check", "-p", project("shop"), "--json"]).stdout);
    expect(ok).toMatchObject({ valid: true, problems: [] });
  });

  it("shows a JSON syntax error by line and column with the line itself", () => {
    const result = cli(["check", "-p", project("bad-json")]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('"," expected at line 3, column 30:');
    expect(result.stdout).toContain('3 |     { "files": "src/**/*.ts" "functions": ["*"] }');
    expect(result.stdout).toMatch(/\n\s+\| {30}\^/);
  });

  it("says exactly what is wrong with a backslash glob", () => {
    const dir = scratchProject("shop", "backslash");
    const config = { rules: [{ files: "src\\services\\*.ts" }] };
    fs.writeFileSync(path.join(dir, "tracing.config.json"), JSON.stringify(config));
    const result = cli(["check", "-p", dir]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'warning rules[0].files[0]: "src\\\\services\\\\*.ts" contains a backslash, which a glob reads as an escape, not a folder separator; write "src/services/*.ts"',
    );
  });

  it("names a missing tsconfig and exits 1 without a stack", () => {
    const result = cli(["check", "-p", path.join(PROJECTS, "nowhere")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /nowhere does not exist\. Run this in the folder of your tsconfig\.json/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("list", () => {
  it("prints every traced function by file, rule counts and did-you-mean warnings", () => {
    const result = cli(["list", "-p", project("shop")]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "src/billing/payments.ts\n  8  Invoice.format  rules[0] includeArgs\n",
    );
    expect(result.stdout).toContain("   4  Cart.add  rules[2] thresholdMs=50\n");
    expect(result.stdout).not.toContain("secret"); // @autotrace-ignore
    expect(result.stdout).not.toContain("_internal"); // excluded by "!_*"
    expect(result.stdout).toMatch(
      /rules\[0\] {2}1 function\n {2}rules\[1\] {2}0 functions\n {2}rules\[2\] {2}3 functions/,
    );
    expect(result.stdout).toContain(
      '"chargCard" matches no function in the files this rule takes; did you mean "chargeCard"?',
    );
    expect(result.stdout).toContain('"src/servces/**/*.ts" matches no file of the program');
    expect(result.stdout).toContain('did you mean "src/services"?');
    expect(result.stdout).toContain(
      "rules[3]: traces nothing: earlier rules take every function it matches",
    );
    expect(result.stdout).toContain("4 functions in 2 files will be traced.");
  });

  it("--json has the documented shape and the same facts", () => {
    const report = JSON.parse(cli(["list", "-p", project("shop"), "--json"]).stdout);
    expect(
      report.functions.map((f: { name: string; line: number; rule: number }) => [
        f.name,
        f.line,
        f.rule,
      ]),
    ).toEqual([
      ["Invoice.format", 8, 0],
      ["Cart.add", 4, 2],
      ["Cart.total", 8, 2],
      ["checkout", 13, 2],
    ]);
    expect(report.functions[0]).toMatchObject({
      file: "src/billing/payments.ts",
      spanName: "Invoice.format",
    });
    expect(
      report.rules.map((r: { index: number; matched: number }) => [r.index, r.matched]),
    ).toEqual([
      [0, 1],
      [1, 0],
      [2, 3],
      [3, 0],
    ]);
    const byPath = Object.fromEntries(
      report.warnings.map((w: { path: string; suggestions: string[] }) => [w.path, w.suggestions]),
    );
    expect(byPath["rules[0].functions[0]"]).toEqual(["chargeCard"]);
    expect(byPath["rules[1].files[0]"]).toEqual(["src/services"]);
  });

  it("lists exactly the functions a real tspc build wraps", () => {
    const dir = scratchProject("shop", "list-vs-build");
    fs.writeFileSync(
      path.join(dir, "tracing.config.json"),
      JSON.stringify({
        rules: [{ files: "./src/**/*.ts", functions: ["*", "Invoice.constructor"] }],
      }),
    );
    const listed = JSON.parse(cli(["list", "-p", dir, "--json"]).stdout).functions.map(
      (f: { spanName: string }) => f.spanName,
    );
    const build = run(path.join(BIN, "tspc"), ["-p", dir]);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const built = ["billing/payments.js", "services/cart.js"].flatMap((file) =>
      [
        ...fs
          .readFileSync(path.join(dir, "dist", file), "utf8")
          .matchAll(/= __autotrace_f\w*\("([^"]+)"/g),
      ].map((m) => m[1]),
    );
    expect(listed.length).toBeGreaterThan(4);
    expect([...listed].sort()).toEqual([...built].sort());
  });

  it("leaves out what the build leaves as written, with the build's reason", () => {
    const dir = scratchProject("shop", "list-es5");
    const tsconfig = { compilerOptions: { target: "ES5", outDir: "dist" }, include: ["src"] };
    fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    fs.writeFileSync(
      path.join(dir, "src", "args.ts"),
      "export async function count() {\n  return arguments.length;\n}\n" +
        // A sync body stays in place, so the build traces it under any target.
        "export function countNow() {\n  return arguments.length;\n}\n",
    );
    const rules = [{ files: "src/args.ts" }];
    fs.writeFileSync(path.join(dir, "tracing.config.json"), JSON.stringify({ rules }));
    const report = JSON.parse(cli(["list", "-p", dir, "--json"]).stdout);
    expect(report.functions.map((f: { name: string }) => f.name)).toEqual(["countNow"]);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        path: "rules[0]",
        message: expect.stringMatching(
          /^count \(src\/args\.ts:1\) is left as written: its body reads `arguments`, and under target ES5/,
        ),
      }),
    ]);
  });

  it("the build's warning for a pattern that matches nothing has the nearest names too", () => {
    const dir = scratchProject("shop", "build-did-you-mean");
    const rules = [{ files: "./src/billing/**/*.ts", functions: ["chargCard"] }];
    fs.writeFileSync(path.join(dir, "tracing.config.json"), JSON.stringify({ rules }));
    const build = run(path.join(BIN, "tspc"), ["-p", dir]);
    expect(build.status).toBe(0);
    expect(build.stderr).toMatch(
      /rules\[0\]: its "functions" \["chargCard"\] match no function in the files it takes \(or earlier rules take them all\); did you mean "chargeCard"\?/,
    );
  });

  it("stops with the config's problems, exit 1", () => {
    const result = cli(["list", "-p", project("broken")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("rules[1].files: is missing");
  });
});

describe("the command line", () => {
  it("has --help per command, exit 0, and usage errors exit 2", () => {
    for (const command of ["init", "check", "list", "build", "view"]) {
      const help = cli([command, "--help"]);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^Usage: npx ts-autotrace ${command}`));
    }
    expect(cli(["--help"]).stdout).toMatch(/Commands:\n {2}init/);
    expect(cli([]).status).toBe(2);
    const unknown = cli(["lst"]);
    expect([unknown.status, unknown.stderr]).toEqual([
      2,
      expect.stringContaining('unknown command "lst"'),
    ]);
    const badOption = cli(["list", "--jsno"]);
    expect([badOption.status, badOption.stderr]).toEqual([2, expect.stringContaining("--jsno")]);
  });

  it("colours only a terminal, and never with NO_COLOR", async () => {
    // A pipe is not a terminal: no escape codes.
    const piped = cli(["check", "-p", project("broken")], undefined, { NO_COLOR: "" });
    expect(piped.stdout).not.toContain("\u001b[");
    // The same command writing to a terminal, in-process, with and without NO_COLOR.
    const onTerminal = async (env: NodeJS.ProcessEnv) => {
      let text = "";
      const stdout = { isTTY: true, write: (chunk: string) => (text += chunk) };
      const io = { stdout, stderr: stdout, cwd: PROJECTS, env };
      expect(await runCli(["check", "-p", "broken"], io)).toBe(1);
      return text;
    };
    expect(await onTerminal({})).toContain("\u001b[31merror\u001b[39m");
    expect(await onTerminal({ NO_COLOR: "1" })).not.toContain("\u001b[");
  });
});
