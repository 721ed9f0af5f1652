/** Picks the command, prints help and usage errors, and turns failures into exit codes. */
import { parseCommandArgs, type Command } from "./command";
import { buildCommand } from "./commands/build";
import { checkCommand } from "./commands/check";
import { initCommand } from "./commands/init";
import { listCommand } from "./commands/list";
import { viewCommand } from "./commands/view";
import { EXIT, InputError, UsageError, paletteFor, type CliIo } from "./terminal";
import { ConfigError } from "../../transformer/config/config-error";
import { TRACER_VERSION } from "../../runtime/shared/tracer-name";

const COMMANDS: Command[] = [initCommand, checkCommand, listCommand, buildCommand, viewCommand];

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    // Without a command it is a usage error: help goes to stderr, exit 2.
    (name === undefined ? io.stderr : io.stdout).write(topic ? topic.help : mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${TRACER_VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(io, `unknown command ${JSON.stringify(name)}.`, mainHelp());
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help) {
      io.stdout.write(command.help);
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) return usageError(io, error.message, command.help);
    if (error instanceof InputError || error instanceof ConfigError) {
      io.stderr.write(`${paletteFor(io.stderr, io.env).red("error")} ${error.message}\n`);
      return EXIT.problems;
    }
    throw error;
  }
}

function usageError(io: CliIo, message: string, help: string): number {
  io.stderr.write(`ts-autotrace: ${message}\n\n${help}`);
  return EXIT.usage;
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "Usage: npx ts-autotrace <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `npx ts-autotrace <command> --help` for a command's options.",
    "Exit codes: 0 done, 1 problems in the input (config, files), 2 wrong command line;",
    "`build` exits with tspc's own code once tspc runs.",
    "",
  ].join("\n");
}
