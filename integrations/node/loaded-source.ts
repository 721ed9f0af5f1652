/**
 * What the Node loader hooks do to one loaded file: a .ts file becomes traced
 * JavaScript; JavaScript compiled from .ts (tsx or ts-node output, TypeScript
 * 7's tsc with its .js.map) is traced by the rules of its .ts source. The new
 * source carries one inline map, composed with the file's own map, so stack
 * traces name the original .ts lines.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceEngine } from "../../transformer/index";
import {
  inlineSourceMap,
  toInlineComment,
  type SourceMapInput,
} from "../../transformer/engine/source-maps";
import { isCandidate } from "../options";

export type ModuleFormat = "module" | "commonjs";

const TS_FILE = /\.[cm]?tsx?$/;

export const isTypeScriptFile = (fileName: string): boolean => TS_FILE.test(fileName);

/** The rewritten source, or `undefined` to run the file as it is. */
export function rewriteLoaded(
  engine: SourceEngine,
  fileName: string,
  source: string,
  format: ModuleFormat,
): string | undefined {
  if (!isCandidate(fileName)) return undefined;
  const typeScript = isTypeScriptFile(fileName);
  const inputMap = inlineSourceMap(source) ?? (typeScript ? undefined : mapFile(fileName, source));
  if (!typeScript && inputMap === undefined) return undefined;
  const out = engine.transform({
    code: source,
    fileName,
    module: format === "module" ? "esm" : "commonjs",
    inputMap,
    compileUntraced: typeScript,
  });
  return out && `${out.code}${toInlineComment(out.map)}\n`;
}

/** `//# sourceMappingURL=main.js.map` beside the file, as tsc writes it. */
function mapFile(fileName: string, source: string): SourceMapInput | undefined {
  const match = /\n\/\/# sourceMappingURL=(?!data:)(\S+)\s*$/.exec(source);
  if (!match) return undefined;
  try {
    return fs.readFileSync(path.resolve(path.dirname(fileName), match[1]!), "utf8");
  } catch {
    return undefined;
  }
}

/** How Node runs a .ts file: .mts and .cts say so, .ts follows the nearest package.json. */
export function formatOf(fileName: string): ModuleFormat {
  if (/\.mtsx?$/.test(fileName)) return "module";
  if (/\.ctsx?$/.test(fileName)) return "commonjs";
  for (let dir = path.dirname(fileName); ; dir = path.dirname(dir)) {
    const pkg = readJson(path.join(dir, "package.json"));
    if (pkg !== undefined) return pkg.type === "module" ? "module" : "commonjs";
    if (path.dirname(dir) === dir) return "commonjs";
  }
}

function readJson(file: string): { type?: unknown } | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as { type?: unknown };
  } catch {
    return undefined;
  }
}
