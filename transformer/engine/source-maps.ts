/**
 * Source-map plumbing for the engine: a rewrite of code that already came out
 * of another tool (tsx, TypeScript 7's tsc) must name the original .ts file
 * and line, both in the rules it matches and in the map it hands back.
 */
import {
  GenMapping,
  addSegment,
  maybeAddMapping,
  setSourceContent,
  toEncodedMap,
} from "@jridgewell/gen-mapping";
import {
  TraceMap,
  decodedMappings,
  eachMapping,
  originalPositionFor,
} from "@jridgewell/trace-mapping";
import type * as ts from "typescript";

export interface RawSourceMap {
  version: number;
  sources: (string | null)[];
  names: string[];
  mappings: string;
  file?: string;
  sourceRoot?: string;
  sourcesContent?: (string | null)[];
}

export type SourceMapInput = RawSourceMap | string;

const INLINE_MAP =
  /\n\/\/# sourceMappingURL=data:application\/json[^,]*base64,([A-Za-z0-9+/=]+)\s*$/;

/** The map inlined at the end of `code` (as tsx and `--inlineSourceMap` write it), if any. */
export function inlineSourceMap(code: string): RawSourceMap | undefined {
  const match = INLINE_MAP.exec(code);
  if (!match) return undefined;
  try {
    return JSON.parse(Buffer.from(match[1]!, "base64").toString("utf8")) as RawSourceMap;
  } catch {
    return undefined;
  }
}

/** `code` without its trailing `//# sourceMappingURL=` line (the engine writes its own). */
export function withoutSourceMapComment(code: string): string {
  return code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, "\n");
}

export function toInlineComment(map: RawSourceMap): string {
  const base64 = Buffer.from(JSON.stringify(map)).toString("base64");
  return `//# sourceMappingURL=data:application/json;charset=utf-8;base64,${base64}`;
}

/** The first source of `map`, resolved against `mapFile`: the .ts file the code came from. */
export function originalSource(map: SourceMapInput, mapFile: string): string | undefined {
  const trace = new TraceMap(map as never, mapFile);
  return trace.resolvedSources[0] ?? undefined;
}

/** `ours` (output -> input) composed with `input` (input -> original): output -> original. */
export function chainMaps(ours: RawSourceMap, input: SourceMapInput | undefined): RawSourceMap {
  if (input === undefined) return ours;
  const inner = new TraceMap(input as never);
  const chained = new GenMapping({ file: ours.file });
  eachMapping(new TraceMap(ours as never), (m) => {
    if (m.originalLine === null) return;
    const original = originalPositionFor(inner, { line: m.originalLine, column: m.originalColumn });
    if (original.source === null) return;
    const generated = { line: m.generatedLine, column: m.generatedColumn };
    const at = { line: original.line, column: original.column };
    if (original.name === null) {
      maybeAddMapping(chained, { generated, original: at, source: original.source });
    } else {
      maybeAddMapping(chained, {
        generated,
        original: at,
        source: original.source,
        name: original.name,
      });
    }
  });
  inner.sources.forEach((source, i) => {
    const content = inner.sourcesContent?.[i];
    if (source !== null && content != null)
      setSourceContent(chained, inner.resolvedSources[i]!, content);
  });
  return toEncodedMap(chained) as RawSourceMap;
}

/**
 * Makes the transformer read original lines: it asks the source file for the
 * line of each traced function (code.line.number), so that one method answers
 * through the input map. TypeScript's emitter computes positions itself and
 * is not affected.
 */
export function mapLinesThrough(sourceFile: ts.SourceFile, input: SourceMapInput): void {
  const trace = new TraceMap(input as never);
  const ownLineOf = sourceFile.getLineAndCharacterOfPosition.bind(sourceFile);
  sourceFile.getLineAndCharacterOfPosition = (position) => {
    const own = ownLineOf(position);
    const original = originalPositionFor(trace, { line: own.line + 1, column: own.character });
    return original.line === null ? own : { line: original.line - 1, character: original.column };
  };
}

/**
 * Gives every line a mapping at column 0 (where its first mapping points).
 * Tools that compose maps line by line (webpack's own type stripping on
 * Node >= 22 does) look a position up at column 0 only; without this, a line
 * indented by the wrapper would map to the line before it.
 */
export function anchorLineStarts(map: RawSourceMap): RawSourceMap {
  const trace = new TraceMap(map as never);
  const anchored = new GenMapping({ file: map.file });
  decodedMappings(trace).forEach((segments, line) => {
    const first = segments[0];
    if (first !== undefined && first[0] > 0 && first.length >= 4) {
      addSegment(anchored, line, 0, trace.sources[first[1]!]!, first[2]!, first[3]!);
    }
    for (const segment of segments) {
      if (segment.length === 1) continue;
      const name = segment.length === 5 ? trace.names[segment[4]] : undefined;
      const source = trace.sources[segment[1]]!;
      if (name === undefined)
        addSegment(anchored, line, segment[0], source, segment[2], segment[3]);
      else addSegment(anchored, line, segment[0], source, segment[2], segment[3], name);
    }
  });
  trace.sources.forEach((source, i) => {
    const content = map.sourcesContent?.[i];
    if (source !== null && content != null) setSourceContent(anchored, source, content);
  });
  return toEncodedMap(anchored) as RawSourceMap;
}
