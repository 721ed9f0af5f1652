// One process of the invisible section: node invisible-child.mjs <compiled fixture>.
import { createRequire } from "node:module";
import { reportResult } from "../lib/child.mjs";

const require = createRequire(import.meta.url);
const lib = require(process.argv[2]);

/** A minimal recursive function, warmed up first (as a program's hot code is). */
function depth() {
  for (let i = 0; i < 2000; i++) lib.descend({ depth: 0, limit: 50 });
  const counter = { depth: 0, limit: -1 };
  try {
    lib.descend(counter);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return counter.depth;
}

/** A recursive-descent parser, warmed up with good and bad input. */
function parserDepth() {
  for (let i = 0; i < 300; i++) {
    new lib.ListParser("[[1,2],[3,[4,[5]]],6]").parse();
    try {
      new lib.ListParser("[[1,x]]").parse();
    } catch {
      // a syntax error, expected
    }
  }
  const parser = new lib.ListParser("[".repeat(100_000));
  try {
    parser.parse();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return parser.deepest;
}

/** Function names of the frames of an error thrown through 4 traced levels. */
function syncFrames() {
  const { level1 } = lib;
  try {
    level1(-1);
  } catch (error) {
    return error.stack
      .split("\n")
      .slice(1)
      .map((line) => line.trim().replace(/ \(.*\)$/, ""));
  }
  return [];
}

/** Microtask turns until a promise settles and its reaction ran. */
async function ticksOf(run) {
  let settled = false;
  void run().then(() => (settled = true));
  let ticks = 0;
  while (!settled) {
    await null;
    ticks++;
  }
  return ticks;
}

const ticks = [
  await ticksOf(() => lib.quick("one level")),
  await ticksOf(() => lib.outer().catch(() => 0)),
];
reportResult({ depth: depth(), parserDepth: parserDepth(), syncFrames: syncFrames(), ticks });
