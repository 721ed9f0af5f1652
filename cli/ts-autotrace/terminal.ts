/**
 * What a command writes to, and colour that appears only on a terminal: never
 * in a pipe or a file, and never when NO_COLOR is set (https://no-color.org).
 */

export interface OutStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Exit codes scripts can rely on; the README lists them. */
export const EXIT = {
  /** The command did what it was asked; warnings may have been printed. */
  ok: 0,
  /** The input was wrong: an invalid config, a missing file, a refused overwrite. */
  problems: 1,
  /** The command line was wrong: an unknown command or option, a missing argument. */
  usage: 2,
} as const;

export type Paint = (text: string) => string;

export interface Palette {
  red: Paint;
  yellow: Paint;
  green: Paint;
  dim: Paint;
  bold: Paint;
}

const plain: Paint = (text) => text;

export function paletteFor(stream: OutStream, env: NodeJS.ProcessEnv): Palette {
  const colour = stream.isTTY === true && !env.NO_COLOR && env.TERM !== "dumb";
  const sgr =
    (open: number, close: number): Paint =>
    (text) =>
      `\u001b[${open}m${text}\u001b[${close}m`;
  if (!colour) return { red: plain, yellow: plain, green: plain, dim: plain, bold: plain };
  return {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    dim: sgr(2, 22),
    bold: sgr(1, 22),
  };
}

/** A wrong command line: printed with the command's usage, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Wrong input that the user can fix: printed as it is, exit 1, never a stack. */
export class InputError extends Error {
  override readonly name = "InputError";
}
