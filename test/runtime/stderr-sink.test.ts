/**
 * When process.stderr.write is replaced (a test runner, a logger), the
 * runtime's lines go through the replacement, with the stream's queue capped.
 * (A real stderr pipe, closed or full, is tested with child processes in
 * test/exporters/stderr.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_STREAM_QUEUE, writeToStderr } from "../../runtime/stderr-sink";

afterEach(() => vi.restoreAllMocks());

describe("a replaced process.stderr.write", () => {
  it("receives the lines", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    expect(writeToStderr("a line\n")).toBe(true);
    expect(write).toHaveBeenCalledWith("a line\n");
  });

  it("gets no more once 64 KiB wait in the stream's queue: the line is dropped", () => {
    const write = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "writableLength", "get").mockReturnValue(MAX_STREAM_QUEUE + 1);
    expect(MAX_STREAM_QUEUE).toBe(64 * 1024);
    expect(writeToStderr("a line\n")).toBe(false);
    expect(write).not.toHaveBeenCalled();
  });

  it("that throws drops the line and never throws itself", () => {
    vi.spyOn(process.stderr, "write").mockImplementation(() => {
      throw new Error("EPIPE");
    });
    expect(writeToStderr("a line\n")).toBe(false);
  });
});
