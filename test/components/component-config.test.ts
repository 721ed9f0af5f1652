/**
 * The component keys in tracing.config.json: misspelt presets and kinds get
 * a "did you mean", bad paths and patterns are named with their fix, and a
 * `$args` path or `includeArgs` name that is not a parameter of a function
 * the rule takes fails the build like any config problem (TS9901, nothing
 * emitted), with and without a program.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { validateConfig } from "../../transformer/config/validate-config";
import { ConfigError } from "../../transformer/index";
import { writeFiles } from "../helpers/project";
import { BIN, ROOT, run } from "../helpers/run";
import { transpileWithTracing } from "../helpers/transpile";

const problems = (rule: object) =>
  validateConfig({ rules: [{ files: "src/**/*.ts", ...rule }] }).problems.map(
    (p) => `${p.path}: ${p.message}`,
  );

describe("validation of the component keys", () => {
  it.each([
    [
      { component: "databse" },
      'rules[0].component: unknown value "databse". Did you mean "database"?',
    ],
    [{ component: "knowledgeGraph" }, 'Did you mean "knowledge_graph"?'],
    [{ kind: "sever" }, 'rules[0].kind: unknown value "sever". Did you mean "server"?'],
    [{ kind: "PRODUCER" }, 'Did you mean "producer"?'],
    [
      { kind: 2 },
      "rules[0].kind: unknown value number 2. Known kinds: internal, server, client, producer, consumer.",
    ],
    [
      { component: "zzz" },
      "Known presets: http, database, cache, external, messaging, agent, tool, orchestrator, knowledge_graph.",
    ],
    [{ attributes: { a: "$arg.sql" } }, 'did you mean "$args.sql"?'],
    [{ attributes: { a: "$args" } }, '"$args" names no parameter'],
    [{ attributes: { a: "$args.a b" } }, 'has the path step "a b"'],
    [{ spanName: "{args}" }, '"args" names no parameter'],
    [
      { includeArgs: [] },
      "rules[0].includeArgs: expected true, false or a list of parameter names",
    ],
    [{ redact: "password" }, "rules[0].redact: expected a list of patterns"],
    [{ redact: { clean: true } }, 'rules[0].redact.clean: unknown key. Did you mean "clear"?'],
    [{ redact: ["a b"] }, "rules[0].redact[0]: expected a name pattern"],
    [{ maxValueLength: 0 }, "rules[0].maxValueLength: expected a whole number of characters >= 1"],
    [{ maxTotalValueLength: 1.5 }, "rules[0].maxTotalValueLength: expected a whole number"],
  ])("%j", (rule, expected) => {
    expect(problems(rule).join("\n")).toContain(expected);
  });

  it("accepts every key in its documented forms", () => {
    for (const rule of [
      { component: "agent", kind: "client", includeArgs: ["task"], maxValueLength: 64 },
      { redact: ["*ssn*"], maxTotalValueLength: 100, attributes: { a: "$$literal" } },
      { redact: { clear: true, add: ["x*"], cardNumbers: false }, spanName: "{this.name} {file}" },
      { attributes: { q: "$args.q.0.text", t: "$this", r: "$result.rows.0" } },
    ]) {
      expect([rule, problems(rule)]).toEqual([rule, []]);
    }
  });
});

/** A one-file config folder for ts.transpileModule. */
function transpiled(source: string, rule: object): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "autotrace-components-"));
  writeFiles(dir, {
    "repo.ts": source,
    "tracing.config.json": { rules: [{ files: "*.ts", ...rule }] },
  });
  try {
    return transpileWithTracing(path.join(dir, "repo.ts"), path.join(dir, "tracing.config.json"))
      .outputText;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace(dir, "<dir>");
  }
}

const REPO = `export class UserRepo {
  find(sql: string, params: unknown[]) { return [sql, params]; }
}
`;

describe("parameters checked at build time", () => {
  it("names the rule key, the function and its parameters (ts.transpileModule)", () => {
    const message = transpiled(REPO, { attributes: { "db.query.text": "$args.sqll" } });
    expect(message).toBe(
      "ts-autotrace: <dir>/tracing.config.json has 1 problem; nothing was emitted.\n" +
        '  - rules[0].attributes.db.query.text: $args.sqll reads the parameter "sqll", but ' +
        "UserRepo.find (repo.ts:2), which this rule takes, has the parameters sql, params. " +
        'Did you mean "sql"? Rename the path, or narrow the rule\'s "functions".',
    );
  });

  it("checks includeArgs names and span name placeholders too", () => {
    const message = transpiled(REPO, { includeArgs: ["sql", "limit"], spanName: "{args.op}" });
    expect(message).toContain('rules[0].includeArgs[1]: "limit" reads the parameter "limit"');
    expect(message).toContain('rules[0].spanName: {args.op} reads the parameter "op"');
  });

  it("passes the parameters a rule reads, and this", () => {
    const out = transpiled(REPO, { attributes: { q: "$args.sql", t: "$this.table" } });
    expect(out).toContain("[sql, params, this]");
    expect(out).toContain('sources: { q: "args.sql", t: "this.table" }, recordArgs: false');
  });

  it("records no arguments when a rule only reads this", () => {
    const out = transpiled(REPO, { attributes: { t: "$this.table" } });
    expect(out).toContain("[sql, params, this]");
    expect(out).toContain('sources: { t: "this.table" }, recordArgs: false');
  });

  it("does not pass this in a derived constructor, where reading it first would throw", () => {
    const source = `class Base {}
export class Repo extends Base {
  constructor(readonly table: string) { super(); }
}
export class Plain {
  constructor(readonly table: string) {}
}
`;
    const out = transpiled(source, {
      functions: ["constructor"],
      attributes: { t: "$this.table" },
    });
    const calls = out.match(/__autotrace\.\w+\(__autotrace_s\d[^;]*;/gs) ?? [];
    expect(calls).toHaveLength(2);
    expect(calls[0]).toContain("[table])");
    expect(calls[1]).toContain("[table, this]");
  });

  it("fails a tspc build with TS9901 before anything is written", () => {
    const dir = path.join(ROOT, ".tmp", "components", "unknown-parameter");
    fs.rmSync(dir, { recursive: true, force: true });
    writeFiles(dir, {
      "src/repo.ts": REPO,
      "src/other.ts": "export function other(id: string) { return id; }\n",
      "tracing.config.json": {
        rules: [{ files: "src/**/*.ts", attributes: { "db.query.text": "$args.sql" } }],
      },
      "tsconfig.json": {
        compilerOptions: { outDir: "dist", plugins: [{ transform: "ts-autotrace/transformer" }] },
        include: ["src"],
      },
    });
    const result = run(path.join(BIN, "tspc"), ["-p", dir]);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain("error TS9901");
    expect(output).toContain(
      'rules[0].attributes.db.query.text: $args.sql reads the parameter "sql", but other (src/other.ts:1)',
    );
    expect(output).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, "dist"))).toBe(false);
  });
});
