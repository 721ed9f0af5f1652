/** Small throw-away TypeScript projects for end-to-end tests. */
import * as fs from "node:fs";
import * as path from "node:path";

/** Writes each file (objects as JSON) under `dir`, creating folders as needed. */
export function writeFiles(dir: string, files: Record<string, unknown>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    const text = typeof content === "string" ? content : JSON.stringify(content, null, 2);
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** A one-file project with the plugin line and the given tracing.config.json rules. */
export function writeTracedProject(dir: string, rules: unknown[]): void {
  writeFiles(dir, {
    "src/a.ts": "export function a() { return 1; }\n",
    "tracing.config.json": { rules },
    "tsconfig.json": {
      compilerOptions: { outDir: "dist", plugins: [{ transform: "ts-autotrace/transformer" }] },
      include: ["src"],
    },
  });
}
