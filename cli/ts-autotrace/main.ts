#!/usr/bin/env node
/** `npx ts-autotrace <command>`: the package's `bin`. */
import { runCli } from "./run-cli";

void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
