/**
 * The Node binaries the integration tests run on: this machine's (20) plus
 * the majors scripts/install-node-majors.sh installed (TS_AUTOTRACE_NODES,
 * "22=/path/node,24=/path/node", as .ci/run sets it; else its default cache).
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { ROOT } from "../../helpers/run";

export interface NodeBinary {
  major: number;
  bin: string;
}

function extraNodes(): NodeBinary[] {
  let listing = process.env.TS_AUTOTRACE_NODES;
  if (listing === undefined) {
    const script = path.join(ROOT, "scripts", "install-node-majors.sh");
    const result = spawnSync("bash", [script], { encoding: "utf8", timeout: 300_000 });
    if (result.status !== 0) throw new Error(`install-node-majors.sh failed: ${result.stderr}`);
    listing = result.stdout.trim().split("\n").join(",");
  }
  return listing
    .split(",")
    .filter((entry) => entry.includes("="))
    .map((entry) => {
      const [major, bin] = entry.split("=");
      return { major: Number(major), bin: bin! };
    });
}

const own: NodeBinary = {
  major: Number(process.versions.node.split(".")[0]),
  bin: process.execPath,
};

/** Every Node major, the machine's own first. */
export const NODES: NodeBinary[] = [own, ...extraNodes().filter((n) => n.major !== own.major)];

/** Only the machine's Node: for the slower cases, run once per entry point elsewhere. */
export const OWN_NODE: NodeBinary[] = [own];
