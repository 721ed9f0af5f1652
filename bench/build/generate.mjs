// A generated code base for the build benchmark: `files` modules with 20
// functions each (function declarations, arrow functions, async functions and
// class methods), every module importing types and a function from the one
// before it so the type checker has real work to do.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const FUNCTIONS_PER_FILE = 20;

export function moduleSource(k) {
  const prev = k === 0 ? undefined : k - 1;
  const lines = [];
  if (prev !== undefined) lines.push(`import { Record${prev}, total${prev}_0 } from "./m${prev}";`);
  lines.push(
    `export interface Record${k} { id: number; name: string; tags: string[]; parent?: Record${k} }`,
    "",
  );
  // 8 function declarations
  for (let i = 0; i < 8; i++) {
    const call = prev !== undefined && i === 0 ? ` + total${prev}_0([], 1)` : "";
    lines.push(
      `export function total${k}_${i}(items: Record${k}[], factor: number): number {`,
      "  let sum = 0;",
      "  for (const item of items) sum += item.id * factor + item.tags.length;",
      `  return sum${call};`,
      "}",
      "",
    );
  }
  // 4 arrow functions
  for (let i = 0; i < 4; i++) {
    lines.push(
      `export const label${k}_${i} = (r: Record${k}): string => \`\${r.name}#\${r.id}:${i}\`;`,
      "",
    );
  }
  // 4 async functions
  for (let i = 0; i < 4; i++) {
    lines.push(
      `export async function load${k}_${i}(id: number): Promise<Record${k}> {`,
      "  await Promise.resolve();",
      `  return { id, name: "n" + id, tags: ["t${i}"] };`,
      "}",
      "",
    );
  }
  // 1 class with 4 methods
  lines.push(
    `export class Store${k} {`,
    `  private readonly items = new Map<number, Record${k}>();`,
  );
  lines.push(
    `  put(r: Record${k}): void {`,
    "    this.items.set(r.id, r);",
    "  }",
    `  get(id: number): Record${k} | undefined {`,
    "    return this.items.get(id);",
    "  }",
    "  size(): number {",
    "    return this.items.size;",
    "  }",
    `  names(): string[] {`,
    "    return [...this.items.values()].map((r) => r.name);",
    "  }",
    "}",
    "",
  );
  if (prev !== undefined) lines.push(`export type Parent${k} = Record${prev};`, "");
  return lines.join("\n");
}

/** Writes `files` modules into `dir/src`, replacing what was there. */
export function generateCodeBase(dir, files) {
  const src = join(dir, "src");
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (let k = 0; k < files; k++) writeFileSync(join(src, `m${k}.ts`), moduleSource(k));
  return { files, functions: files * FUNCTIONS_PER_FILE };
}
