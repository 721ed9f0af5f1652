/**
 * Reading tracingHealth() out of a traced program: the program prints it on
 * stderr as it exits, after the runtime's last flush, as one `HEALTH {...}` line.
 */
import type { TracingHealth } from "../../../runtime/api/health";
import type { ProgramRun } from "./traced-program";

/** Program text that prints the final health; put it anywhere in the program. */
export const PRINT_HEALTH_ON_EXIT = `process.on("exit", () => {
  process.stderr.write("HEALTH " + JSON.stringify(require("ts-autotrace").tracingHealth()) + "\\n");
});`;

export function healthOf(run: ProgramRun): TracingHealth {
  const line = run.stderr.split("\n").find((l) => l.startsWith("HEALTH "));
  if (line === undefined) throw new Error(`no HEALTH line in stderr:\n${run.stderr}`);
  return JSON.parse(line.slice("HEALTH ".length)) as TracingHealth;
}
