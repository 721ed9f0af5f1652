/**
 * OTLP headers usually carry credentials. Whatever the exporter and the
 * debug setting, and even when a header entry is malformed (and so warned
 * about), their values never appear in what the runtime prints (warnings,
 * TRACING_DEBUG lines, console exporter lines) or in tracingHealth().
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOtlpReceiver, type OtlpReceiver } from "../exporters/helpers/otlp-receiver";
import { runProgram, writeProgram } from "../exporters/helpers/traced-program";

const SECRET = "s3cr3t-4f9a";

/** One traced call, then tracingHealth() on stdout. */
const PROGRAM = `const rt = require("ts-autotrace");
const s = rt.site({ name: "login", function: "login", file: "src/a.ts", line: 1, args: ["user"] });
rt.trace(s, () => 1, ["ann"]);
console.log("HEALTH " + JSON.stringify(rt.tracingHealth()));
rt.shutdownTracing().then(() => console.log("HEALTH " + JSON.stringify(rt.tracingHealth())));
`;

const HEADERS = {
  OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer%20${SECRET},x-api-key=${SECRET}`,
  OTEL_EXPORTER_OTLP_TRACES_HEADERS: `broken-${SECRET},x-tenant=${SECRET}`,
  TRACING_DEBUG: "true",
};

let receiver: OtlpReceiver;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
});
afterAll(() => receiver.close());

describe.each([
  ["otlp over gRPC", () => ({ TRACING_EXPORTER: "otlp", TRACING_OTLP_ENDPOINT: receiver.grpcUrl })],
  [
    "otlp over HTTP/protobuf",
    () => ({
      TRACING_EXPORTER: "otlp",
      TRACING_OTLP_PROTOCOL: "http/protobuf",
      TRACING_OTLP_ENDPOINT: receiver.httpUrl,
    }),
  ],
  ["console", () => ({ TRACING_EXPORTER: "console" })],
  [
    "an unreachable collector",
    () => ({ TRACING_EXPORTER: "otlp", TRACING_OTLP_ENDPOINT: "http://127.0.0.1:9" }),
  ],
])("%s", (_name, env) => {
  it("never prints a header value, and tracingHealth() holds none", async () => {
    const run = await runProgram(writeProgram(PROGRAM), { ...HEADERS, ...env() });
    expect(run.status).toBe(0);
    // The run did print: debug lines, a warning about the malformed entry, health.
    expect(run.stderr).toContain("[ts-autotrace] debug:");
    if (env().TRACING_EXPORTER === "otlp") {
      expect(run.stderr).toContain("OTEL_EXPORTER_OTLP_TRACES_HEADERS has a malformed entry");
    } else {
      expect(run.stderr).toMatch(/\blogin\b.*args\.user=ann/);
    }
    expect(run.stdout.match(/^HEALTH /gm)).toHaveLength(2);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stdout + run.stderr).not.toContain("Bearer");
  });
});
