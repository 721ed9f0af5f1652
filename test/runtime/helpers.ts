/** Shared test helpers: a fresh in-memory tracer, stderr capture, site specs. */
import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { afterEach, beforeEach, vi } from "vitest";
import type { CallSiteSpec } from "../../contract";
import { getFinishedSpans, initializeTracing, shutdownTracing } from "../../runtime/index.js";
import { state } from "../../runtime/state";

/** Every test in the calling file starts with a new in_memory provider and no warnings seen. */
export function useInMemoryTracing(): void {
  beforeEach(() => {
    state.warnedKeys.clear();
    initializeTracing({ exporter: "in_memory" });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await shutdownTracing();
  });
}

let siteCounter = 0;

/** A spec with a unique function name, so warn-once keys never collide across tests. */
export function spec(overrides: Partial<CallSiteSpec> = {}): CallSiteSpec {
  siteCounter += 1;
  const name = overrides.name ?? `Fn${siteCounter}`;
  return { name, function: name, file: "src/test.ts", line: siteCounter, ...overrides };
}

export function onlySpan(): ReadableSpan {
  const spans = getFinishedSpans();
  if (spans.length !== 1) throw new Error(`expected 1 span, got ${spans.length}`);
  return spans[0];
}

export function spanNamed(name: string): ReadableSpan {
  const found = getFinishedSpans().find((s) => s.name === name);
  if (found === undefined) throw new Error(`no span named ${name}`);
  return found;
}

/** Collects what the runtime writes to stderr (and keeps it off the test output). */
export function captureStderr(): { lines: () => string[] } {
  const chunks: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return {
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((l) => l !== ""),
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
