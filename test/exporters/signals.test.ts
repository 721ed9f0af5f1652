/**
 * SIGINT and SIGTERM: queued spans are flushed first, and then the signal has
 * the effect it would have had without tracing. A program without handlers is
 * terminated by the signal; a program with its own handler decides for itself.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOtlpReceiver, type OtlpReceiver } from "./helpers/otlp-receiver";
import { SPANS_PER_CHECKOUT, writeShopProgram } from "./helpers/shop-program";
import { runProgram, type ProgramRun } from "./helpers/traced-program";

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

/** After its checkouts the program prints READY and idles until signalled. */
function idleShop(onSignal = ""): string {
  return writeShopProgram({
    checkouts: 2,
    extra: `${onSignal}
  const idle = setInterval(() => {}, 1000);
  globalThis.stopIdling = () => clearInterval(idle);
  console.log("READY");`,
  });
}

/** Runs until READY, then sends `signal`. The batch delay (5 s) keeps spans queued until then. */
function runAndSignal(program: string, signal: NodeJS.Signals): Promise<ProgramRun> {
  return runProgram(
    program,
    { TRACING_EXPORTER: "otlp", TRACING_OTLP_ENDPOINT: receiver.grpcUrl },
    { onStdout: (chunk, pid) => chunk.includes("READY") && process.kill(pid, signal) },
  );
}

describe.each<NodeJS.Signals>(["SIGTERM", "SIGINT"])("%s", (signal) => {
  it("flushes, then lets the signal terminate a program that has no handler", async () => {
    const run = await runAndSignal(idleShop(), signal);
    expect(run.signal).toBe(signal);
    expect(run.stderr).toBe("");
    expect(await receiver.waitForSpans(2 * SPANS_PER_CHECKOUT)).toHaveLength(
      2 * SPANS_PER_CHECKOUT,
    );
  });

  it("flushes and leaves the decision to the program's own handler", async () => {
    const handler = `process.on("${signal}", () => {
    console.log("cleaning up");
    globalThis.stopIdling();
  });`;
    const run = await runAndSignal(idleShop(handler), signal);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/READY\ncleaning up\n$/);
    expect(await receiver.waitForSpans(2 * SPANS_PER_CHECKOUT)).toHaveLength(
      2 * SPANS_PER_CHECKOUT,
    );
  });
});
