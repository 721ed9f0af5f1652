/** What every command provides: its help text, its options and what it does. */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError, type CliIo } from "./terminal";

export interface Command {
  name: string;
  summary: string;
  /** The full `--help` text: usage line, what it does, options, exit codes. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number };
  /**
   * Hand every argument over unparsed (only `--help`/`-h` is ours): for a
   * command that passes them to another tool, whose options we must not reject.
   */
  passThrough?: boolean;
  run(args: ParsedArgs, io: CliIo): Promise<number> | number;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Node's own strict parser; its messages name the bad option already. */
export function parseCommandArgs(command: Command, argv: string[]): ParsedArgs {
  if (command.passThrough) {
    return { values: { help: argv.includes("--help") || argv.includes("-h") }, positionals: argv };
  }
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    }) as ParsedArgs;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return parsed;
  const count = parsed.positionals.length;
  if (count < command.positionals.min) throw new UsageError("a required argument is missing.");
  if (count > command.positionals.max) {
    throw new UsageError(
      `unexpected argument ${JSON.stringify(parsed.positionals[command.positionals.max])}.`,
    );
  }
  return parsed;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}
