// Makes `ts-autotrace` resolvable from anywhere in this repository (the
// example's tsconfig names "ts-autotrace/transformer" exactly as a user's does),
// the way `npm link` would, without touching anything outside node_modules.
import { existsSync, lstatSync, mkdirSync, symlinkSync } from "node:fs";
import { resolve } from "node:path";

const link = resolve("node_modules/ts-autotrace");
const alreadyLinked =
  existsSync(link) || lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink();
if (!alreadyLinked) {
  mkdirSync("node_modules", { recursive: true });
  symlinkSync("..", link, "dir");
}
