/** `init` end to end on a project whose tsconfig.json has comments and its own formatting. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { cli, scratchProject } from "./cli-helpers";

const ORIGINAL = fs.readFileSync(
  path.join(__dirname, "projects", "commented", "tsconfig.json"),
  "utf8",
);

describe("init", () => {
  it("writes the config, adds the plugin keeping comments and formatting, says what is next", () => {
    const dir = scratchProject("commented", "init");
    const result = cli(["init"], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("✓ wrote tracing.config.json");
    expect(result.stdout).toContain(
      'added { "transform": "ts-autotrace/transformer" } to compilerOptions.plugins in tsconfig.json',
    );
    expect(result.stdout).toContain("npx ts-autotrace list");

    const tsconfig = fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8");
    // Every original line is still there, in order, comments included.
    const kept = ORIGINAL.split("\n").filter((line) => tsconfig.includes(line));
    expect(kept).toEqual(ORIGINAL.split("\n"));
    expect(tsconfig).toContain(
      '        "plugins": [\n            {\n                "transform": "ts-autotrace/transformer"',
    );
    expect(parse(tsconfig).compilerOptions.plugins).toEqual([
      { transform: "ts-autotrace/transformer" },
    ]);

    const config = JSON.parse(fs.readFileSync(path.join(dir, "tracing.config.json"), "utf8"));
    expect(config.$schema).toBe("./node_modules/ts-autotrace/tracing.config.schema.json");
    expect(config.rules[0].files[0]).toBe("src/**/*.ts");
    // The starter config is valid and traces the project's function.
    expect(cli(["check"], dir).status).toBe(0);
    expect(
      JSON.parse(cli(["list", "--json"], dir).stdout).functions.map(
        (f: { name: string }) => f.name,
      ),
    ).toEqual(["greet"]);
  });

  it("refuses to overwrite without --force (exit 1) and adds the plugin only once", () => {
    const dir = scratchProject("commented", "init-twice");
    expect(cli(["init"], dir).status).toBe(0);
    fs.writeFileSync(
      path.join(dir, "tracing.config.json"),
      '{ "rules": [{ "files": "mine/**" }] }',
    );
    const again = cli(["init"], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(
      "tracing.config.json already exists; nothing was changed. Pass --force to overwrite it.",
    );
    expect(fs.readFileSync(path.join(dir, "tracing.config.json"), "utf8")).toContain("mine/**");

    const forced = cli(["init", "--force"], dir);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain("already has the ts-autotrace plugin; left as it was");
    const tsconfig = parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8"));
    expect(tsconfig.compilerOptions.plugins).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, "tracing.config.json"), "utf8")).not.toContain("mine/**");
  });

  it("appends to an existing plugins list", () => {
    const dir = scratchProject("commented", "init-plugins");
    const tsconfig = path.join(dir, "tsconfig.json");
    fs.writeFileSync(
      tsconfig,
      ORIGINAL.replace(
        '"outDir": "dist",',
        '"outDir": "dist",\n        "plugins": [{ "transform": "other" }],',
      ),
    );
    expect(cli(["init", "-p", "tsconfig.json"], dir).status).toBe(0);
    expect(parse(fs.readFileSync(tsconfig, "utf8")).compilerOptions.plugins).toEqual([
      { transform: "other" },
      { transform: "ts-autotrace/transformer" },
    ]);
  });
});
