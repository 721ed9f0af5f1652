/** Folders of scripts/install-test-tools.sh's throw-away projects (TypeScript 7, TypeScript 6), by name. */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT } from "../../helpers/run";

let cached: Record<string, string> | undefined;

export function testTools(): Record<string, string> {
  if (cached) return cached;
  const script = path.join(ROOT, "scripts", "install-test-tools.sh");
  const result = spawnSync("bash", [script], { encoding: "utf8", timeout: 600_000 });
  if (result.status !== 0) throw new Error(`install-test-tools.sh failed: ${result.stderr}`);
  const tools: Record<string, string> = {};
  for (const line of result.stdout.trim().split("\n")) {
    const [name, dir] = line.split("=");
    tools[name!] = dir!;
  }
  cached = tools;
  return tools;
}
