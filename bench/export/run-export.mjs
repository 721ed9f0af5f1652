// Section 3: export throughput to the OTLP/gRPC receiver on loopback.
import { fork } from "node:child_process";
import { join } from "node:path";
import { runChild } from "../lib/child.mjs";
import { BENCH } from "../lib/paths.mjs";
import { round } from "../lib/stats.mjs";

const ROUNDS = 3;

export function startReceiver() {
  const child = fork(join(BENCH, "export", "receiver.mjs"), [], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ask = (message, key) =>
    new Promise((resolve) => {
      const onMessage = (reply) => {
        if (reply[key] === undefined) return;
        child.off("message", onMessage);
        resolve(reply[key]);
      };
      child.on("message", onMessage);
      if (message !== undefined) child.send(message);
    });
  return ask(undefined, "port").then((port) => ({
    port,
    count: () => ask("count", "count"),
    close: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.send("close");
      }),
  }));
}

export async function runExport(log, receiver) {
  const runs = [];
  for (let r = 0; r < ROUNDS; r++) {
    log(`  export: round ${r + 1}/${ROUNDS}`);
    const before = await receiver.count();
    const env = {
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`,
    };
    const { result } = await runChild(join(BENCH, "export", "throughput-child.mjs"), { env });
    // Give the receiver a moment to decode the last request.
    await new Promise((resolve) => setTimeout(resolve, 200));
    runs.push({ ...result, received: (await receiver.count()) - before });
  }
  const pick = (f) => runs.map(f).sort((a, b) => a - b)[runs.length >> 1];
  return {
    rounds: ROUNDS,
    exporter: `${runs[0].exporter} ${runs[0].destination ?? ""}`.trim(),
    sustainedSpansPerSecond: round(
      pick((r) => r.sustained.spansExported / (r.sustained.totalMs / 1000)),
      0,
    ),
    sustainedCallsPerSecond: round(
      pick((r) => r.sustained.calls / (r.sustained.callMs / 1000)),
      0,
    ),
    sustainedDroppedShare: round(
      pick((r) => r.sustained.spansDropped / r.sustained.spansStarted),
      3,
    ),
    burstCalls: runs[0].burst.calls,
    burstDropped: pick((r) => r.burst.spansDropped),
    burstExported: pick((r) => r.burst.spansExported),
    receivedMatchesExported: runs.every(
      (r) => r.received === r.burst.spansExported + r.sustained.spansExported + 1,
    ),
    runs,
  };
}
