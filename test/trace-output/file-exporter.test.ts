/**
 * TRACING_EXPORTER=file end to end, in real processes: OTLP/JSON lines that
 * the official protobuf definitions decode (one TracesData per line), batched,
 * appended, flushed on exit (natural or process.exit), and whole lines when
 * two processes append to one file at the same time.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, tracingEnv } from "../helpers/run";
import { decodeTracesDataLine } from "../exporters/helpers/otlp-json-proto";

const WORK = path.join(ROOT, ".tmp", "file-exporter");
fs.rmSync(WORK, { recursive: true, force: true });
fs.mkdirSync(WORK, { recursive: true });
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

/** A program that makes `count` traces of a parent and a child span, then ends as told. */
const PROGRAM = `
const { site, trace } = require(${JSON.stringify(path.join(ROOT, "dist", "runtime", "index.js"))});
const [count, ending, tag] = process.argv.slice(1);
const parent = site({ name: "job", function: "job", file: "src/job.ts", line: 1, args: ["n"] });
const child = site({ name: "step", function: "step", file: "src/job.ts", line: 5 });
for (let i = 0; i < Number(count); i++) trace(parent, () => trace(child, () => i), [tag + ":" + i]);
if (ending === "exit") process.exit(0);
`;

function runProgram(
  count: number,
  ending: "natural" | "exit",
  file: string,
  tag = "a",
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", PROGRAM, String(count), ending, tag], {
      env: tracingEnv({
        TRACING_EXPORTER: "file",
        TRACING_FILE_PATH: file,
        OTEL_SERVICE_NAME: "jobs",
      }),
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", resolve);
  });
}

function readLines(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  expect(text.endsWith("\n")).toBe(true);
  return text.slice(0, -1).split("\n");
}

interface PlainSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: { stringValue?: string } }[];
}

function spansOf(lines: string[]): PlainSpan[] {
  return lines.flatMap((line) => {
    const { message } = decodeTracesDataLine(line);
    const resourceSpans = message.resourceSpans as { scopeSpans: { spans: PlainSpan[] }[] }[];
    return resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans));
  });
}

describe("file exporter", () => {
  it("writes TracesData lines the official protos decode, batched, and flushed at a natural exit", async () => {
    const file = path.join(WORK, "natural.jsonl");
    expect(await runProgram(600, "natural", file)).toBe(0);
    const lines = readLines(file);
    // 1,200 spans in batches of at most 512: a few lines, not one per span.
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThan(10);
    const spans = spansOf(lines);
    expect(spans).toHaveLength(1200);
    const first = JSON.parse(lines[0]);
    expect(first.resourceSpans[0].resource.attributes).toContainEqual({
      key: "service.name",
      value: { stringValue: "jobs" },
    });
    const job = spans.find((s) => s.name === "job")!;
    const step = spans.find((s) => s.name === "step" && s.parentSpanId === job.spanId)!;
    expect(job.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(step.traceId).toBe(job.traceId);
  });

  it("flushes on process.exit() and appends to what the file holds", async () => {
    const file = path.join(WORK, "exit.jsonl");
    expect(await runProgram(5, "exit", file)).toBe(0);
    const before = readLines(file);
    expect(spansOf(before)).toHaveLength(10);
    expect(await runProgram(3, "exit", file, "b")).toBe(0);
    const after = readLines(file);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(spansOf(after)).toHaveLength(16);
  });

  it("keeps lines whole when two processes append to the same file at once", async () => {
    const file = path.join(WORK, "shared.jsonl");
    const codes = await Promise.all([
      runProgram(3000, "natural", file, "a"),
      runProgram(3000, "exit", file, "b"),
    ]);
    expect(codes).toEqual([0, 0]);
    const spans = spansOf(readLines(file)); // throws on any line that is not one whole TracesData
    expect(spans).toHaveLength(12_000);
    const tags = spans
      .filter((s) => s.name === "job")
      .map((s) => s.attributes?.find((a) => a.key === "args.n")?.value.stringValue?.[0]);
    expect(tags.filter((t) => t === "a")).toHaveLength(3000);
    expect(tags.filter((t) => t === "b")).toHaveLength(3000);
  });
});
