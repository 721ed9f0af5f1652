/**
 * Signals keep their untraced meaning. Each program runs plain (tracing off),
 * traced by default (console, and otlp with spans still queued), and traced
 * with TRACING_FLUSH_ON_SIGNAL=true; the exit code, the killing signal and
 * stdout must be the plain run's. By default tracing adds no signal listener.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startOtlpReceiver, type OtlpReceiver } from "./helpers/otlp-receiver";
import { runProgram, writeProgram, type ProgramRun } from "./helpers/traced-program";

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

type Mode = "plain" | "console" | "otlp" | "opt-in";

function envFor(mode: Mode): Record<string, string> {
  const otlp = { TRACING_EXPORTER: "otlp", TRACING_OTLP_ENDPOINT: receiver.grpcUrl };
  switch (mode) {
    case "plain":
      return { TRACING_ENABLED: "false" };
    case "console":
      return {};
    case "otlp":
      return otlp;
    case "opt-in":
      return { ...otlp, TRACING_FLUSH_ON_SIGNAL: "true" };
  }
}

/**
 * `prelude` runs before the first traced call, `body` after it. The program
 * prints the SIGTERM,SIGINT listener counts and every signal it listens to
 * before and after that first call.
 */
function tracedProgram(prelude: string, body: string): string {
  return writeProgram(`const rt = require("ts-autotrace");
const workSite = rt.site({ name: "work", function: "work", file: "src/work.ts", line: 1 });
const work = (n) => rt.trace(workSite, () => n + 1, [n]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const signalEvents = () => process.eventNames().filter((e) => String(e).startsWith("SIG")).sort();
const counts = () =>
  process.listenerCount("SIGTERM") + "," + process.listenerCount("SIGINT") + " [" + signalEvents() + "]";
${prelude}
const before = counts();
work(0);
console.log("listeners " + before + " -> " + counts());
${body}
`);
}

/** Prints READY, then stays alive until `globalThis.idle` is cleared. */
const IDLE = `globalThis.idle = setInterval(() => {}, 1000);
console.log("READY");`;

interface Scenario {
  prelude?: string;
  body: string;
  /** Busy in synchronous code when the signal arrives. */
  synchronous?: boolean;
  /** Sent this long after READY; none: the program signals itself. */
  signalAfterMs?: number;
}

function scenarios(signal: NodeJS.Signals): Record<string, Scenario> {
  return {
    "an idle program without handlers": { body: IDLE, signalAfterMs: 0 },
    "a program busy in synchronous traced calls": {
      body: `console.log("READY");
setTimeout(() => {
  const end = Date.now() + 4000;
  for (let i = 0; Date.now() < end; i++) work(i);
  console.log("finished");
}, 20);`,
      signalAfterMs: 300,
      synchronous: true,
    },
    "a program busy in traced calls that yields between them": {
      body: `console.log("READY");
(async () => {
  const end = Date.now() + 4000;
  for (let i = 0; Date.now() < end; i++) { work(i); if (i % 100 === 0) await new Promise(setImmediate); }
  console.log("finished");
})();`,
      signalAfterMs: 300,
    },
    "a program whose own once handler, registered first, cleans up asynchronously": {
      prelude: `process.once("${signal}", async () => {
  console.log("cleanup start");
  await sleep(300);
  work(1);
  console.log("cleanup done");
  clearInterval(globalThis.idle);
});`,
      body: IDLE,
      signalAfterMs: 0,
    },
    "a program whose handler flushes and re-raises (the README's two lines)": {
      prelude: `process.once("${signal}", async () => {
  await rt.shutdownTracing();
  process.kill(process.pid, "${signal}");
});`,
      body: IDLE,
      signalAfterMs: 0,
    },
    "a program that signals itself": {
      body: `process.kill(process.pid, "${signal}");
setTimeout(() => console.log("still running"), 1000);`,
    },
  };
}

function runScenario(
  mode: Mode,
  { prelude = "", body, signalAfterMs }: Scenario,
  signal: NodeJS.Signals,
): Promise<ProgramRun> {
  const onStdout =
    signalAfterMs === undefined
      ? undefined
      : (chunk: string, pid: number) => {
          if (chunk.includes("READY")) setTimeout(() => process.kill(pid, signal), signalAfterMs);
        };
  return runProgram(tracedProgram(prelude, body), envFor(mode), { onStdout });
}

/** What must match the plain run; the listener line is checked on its own. */
function outcome(run: ProgramRun): {
  status: number | null;
  signal: string | null;
  stdout: string;
} {
  return {
    status: run.status,
    signal: run.signal,
    stdout: run.stdout.replace(/^listeners .*\n/, ""),
  };
}

function listenerLine(run: ProgramRun): string | undefined {
  return /^listeners (.*)$/m.exec(run.stdout)?.[1];
}

describe.each<NodeJS.Signals>(["SIGTERM", "SIGINT"])("%s", (signal) => {
  describe.each(Object.entries(scenarios(signal)))("%s", (_name, scenario) => {
    let plain: ProgramRun;
    beforeAll(async () => {
      plain = await runScenario("plain", scenario, signal);
    });

    it.each<Mode>(["console", "otlp", "opt-in"])(
      "ends as untraced when traced (%s)",
      async (mode) => {
        const run = await runScenario(mode, scenario, signal);
        const [before, after] = (listenerLine(run) ?? "").split(" -> ");
        if (mode !== "opt-in") {
          expect(outcome(run)).toEqual(outcome(plain));
          expect(after).toBe(before);
          // The busy programs run 4 s if the signal is lost.
          expect(run.durationMs).toBeLessThan(3500);
          return;
        }
        // One listener per signal: the difference the opt-in makes, documented.
        const [beforeCounts, beforeEvents] = before.split(" ");
        const [afterCounts, afterEvents] = after.split(" ");
        expect(afterCounts.split(",").map(Number)).toEqual(
          beforeCounts.split(",").map((n) => Number(n) + 1),
        );
        const events = (list: string) => list.slice(1, -1).split(",").filter(Boolean);
        expect(events(afterEvents)).toEqual(
          [...new Set([...events(beforeEvents), "SIGINT", "SIGTERM"])].sort(),
        );
        if (scenario.synchronous !== true) {
          expect(outcome(run)).toEqual(outcome(plain));
          return;
        }
        // Node runs a listener only between turns of the event loop: the
        // synchronous work in progress finishes first, then the signal kills.
        expect({ ...outcome(run), stdout: "" }).toEqual({ ...outcome(plain), stdout: "" });
        expect(run.stdout).toContain("finished");
      },
    );
  });
});

describe("what the untraced outcome looks like (so the comparison above means something)", () => {
  it("a busy program dies of the signal at once, before it finishes", async () => {
    const run = await runScenario(
      "plain",
      scenarios("SIGTERM")["a program busy in synchronous traced calls"],
      "SIGTERM",
    );
    expect(run.signal).toBe("SIGTERM");
    expect(run.stdout).not.toContain("finished");
  });

  it("a once handler runs in full and the program then exits 0", async () => {
    const scenario =
      scenarios("SIGTERM")[
        "a program whose own once handler, registered first, cleans up asynchronously"
      ];
    const run = await runScenario("otlp", scenario, "SIGTERM");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/READY\ncleanup start\ncleanup done\n$/);
    expect(listenerLine(run)).toBe("1,0 [SIGTERM] -> 1,0 [SIGTERM]");
  });
});

describe("delivering the queued spans on a signal", () => {
  it("the README's two-line handler flushes them, then the signal kills the process", async () => {
    const scenario =
      scenarios("SIGTERM")[
        "a program whose handler flushes and re-raises (the README's two lines)"
      ];
    const run = await runScenario("otlp", scenario, "SIGTERM");
    expect(run.signal).toBe("SIGTERM");
    expect(await receiver.waitForSpans(1)).toHaveLength(1);
  });

  it("TRACING_FLUSH_ON_SIGNAL=true flushes them when the program has no handler", async () => {
    const run = await runScenario(
      "opt-in",
      scenarios("SIGTERM")["an idle program without handlers"],
      "SIGTERM",
    );
    expect(run.signal).toBe("SIGTERM");
    expect(await receiver.waitForSpans(1)).toHaveLength(1);
  });

  it("by default they are not flushed: the signal ends the process as it would untraced", async () => {
    const run = await runScenario(
      "otlp",
      scenarios("SIGTERM")["an idle program without handlers"],
      "SIGTERM",
    );
    expect(run.signal).toBe("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.spans).toHaveLength(0);
  });
});
