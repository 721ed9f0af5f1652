/**
 * tracing.config.json is read as JSONC, as tsconfig.json is: `//` and `/* *\/`
 * comments and trailing commas are fine. A syntax error names its line and
 * column and shows the line with a caret under the spot.
 */
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { ConfigProblem } from "./config-error";

export type ParseResult =
  { json: unknown; problems: [] } | { json?: undefined; problems: ConfigProblem[] };

export function parseJsonc(text: string): ParseResult {
  const errors: ParseError[] = [];
  const json = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length === 0) return { json: json as unknown, problems: [] };
  // The first error is the one to fix; later ones are usually its echoes.
  return { problems: [syntaxProblem(text, errors[0])] };
}

function syntaxProblem(text: string, error: ParseError): ConfigProblem {
  const { line, column, lineText } = positionOf(text, error.offset);
  const caret = `${" ".repeat(column - 1)}^`;
  return {
    path: "",
    message:
      `is not valid JSON: ${describeCode(error)} at line ${line}, column ${column}:\n` +
      `      ${line} | ${lineText}\n` +
      `      ${" ".repeat(String(line).length)} | ${caret}`,
  };
}

/** 1-based line and column, counted in characters as an editor shows them. */
export function positionOf(
  text: string,
  offset: number,
): { line: number; column: number; lineText: string } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = text.indexOf("\n", offset);
  const lineText = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).replace(/\r$/, "");
  return { line: before.split("\n").length, column: offset - lineStart + 1, lineText };
}

const READABLE: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "a property name in double quotes expected",
  ValueExpected: "a value expected",
  ColonExpected: '":" expected',
  CommaExpected: '"," expected',
  CloseBraceExpected: '"}" expected',
  CloseBracketExpected: '"]" expected',
  EndOfFileExpected: "nothing more expected",
  InvalidCommentToken: "invalid comment",
  UnexpectedEndOfComment: "a comment that never ends",
  UnexpectedEndOfString: "a string that never ends",
  UnexpectedEndOfNumber: "a number that never ends",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character",
};

function describeCode(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  return READABLE[code] ?? code;
}
