/** `view`: one self-contained HTML page of a traces.jsonl file, without a backend. */
import * as fs from "node:fs";
import * as path from "node:path";
import { stringOption, type Command } from "../command";
import { EXIT, InputError, paletteFor } from "../terminal";
import { renderPage } from "../view/html-page";
import { readTraceFile } from "../view/read-traces";
import { buildViewModel } from "../view/view-model";

export const viewCommand: Command = {
  name: "view",
  summary:
    "write one self-contained HTML page of a traces.jsonl file: waterfalls and slowest functions",
  help: `Usage: npx ts-autotrace view <traces.jsonl> [--out report.html]

Reads OTLP/JSON lines (what TRACING_EXPORTER=file writes) and writes one HTML
page with no network access: every trace as a waterfall (nested spans on a
time axis, durations, errors in red; click a span for its attributes and
events) and a table of the slowest functions (calls, p50, p95, max, errors).
Prints the page's path; open it in any browser.

Options:
  -o, --out <path>  where to write the page; default: beside the input, .html
  -h, --help        show this help

Exit codes: 0 written, 1 the input cannot be read or is not OTLP/JSON lines, 2 wrong command line.
`,
  options: { out: { type: "string", short: "o" } },
  positionals: { min: 1, max: 1 },
  run(args, io) {
    const input = path.resolve(io.cwd, args.positionals[0]);
    const out = path.resolve(
      io.cwd,
      stringOption(args, "out") ?? input.replace(/(\.jsonl?)?$/, ".html"),
    );
    if (out === input) throw new InputError(`--out ${out} is the input file; choose another path.`);
    const spans = readTraceFile(input);
    const model = buildViewModel(spans);
    fs.writeFileSync(out, renderPage(model, path.basename(input)));
    const paint = paletteFor(io.stdout, io.env);
    const relative = path.relative(io.cwd, out);
    const shown = relative.startsWith("..") ? out : relative;
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;
    const counts = `${count(model.traces.length, "trace")}, ${count(spans.length, "span")}`;
    io.stdout.write(`${paint.green("✓")} ${counts} → ${shown}\n`);
    return EXIT.ok;
  },
};
