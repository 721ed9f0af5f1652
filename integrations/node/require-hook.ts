/**
 * CommonJS: wraps the `require` extension handlers (the way ts-node and tsx
 * install theirs).
 * - A .ts file some rule takes is compiled here, from the file, whoever else
 *   handles .ts: their output (tsx's is minified, with export getters that
 *   look like functions) is no source to match rules against.
 * - Another .ts file goes to the handler that was there (tsx, ts-node, Node's
 *   own type stripping), or is compiled here when there is none (Node 20).
 * - JavaScript goes through rewriteLoaded as it reaches `module._compile`,
 *   which traces it when its source map names a .ts file a rule takes.
 */
import * as fs from "node:fs";
import Module = require("node:module");
import type { SourceEngine } from "../../transformer/index";
import { isTypeScriptFile, rewriteLoaded } from "./loaded-source";
import { rememberCompiled } from "./stack-trace-support";

type Handler = (module: CompilingModule, fileName: string) => void;
interface CompilingModule {
  _compile(code: string, fileName: string, ...rest: unknown[]): unknown;
}

const EXTENSIONS = [".js", ".cjs", ".ts", ".cts", ".tsx"];

export function installRequireHook(engine: () => SourceEngine): void {
  const handlers = (Module as unknown as { _extensions: Record<string, Handler> })._extensions;
  for (const extension of EXTENSIONS) {
    const previous = handlers[extension];
    handlers[extension] = isTypeScriptFile(`x${extension}`)
      ? typeScriptHandler(engine, previous)
      : javaScriptHandler(engine, previous ?? handlers[".js"]!);
  }
}

function typeScriptHandler(engine: () => SourceEngine, previous: Handler | undefined): Handler {
  return (module, fileName) => {
    if (previous !== undefined && !engine().wants(fileName)) return previous(module, fileName);
    const source = fs.readFileSync(fileName, "utf8");
    const rewritten = rewriteLoaded(engine(), fileName, source, "commonjs");
    if (rewritten !== undefined) rememberCompiled(fileName, rewritten);
    module._compile(rewritten ?? source, fileName);
  };
}

function javaScriptHandler(engine: () => SourceEngine, previous: Handler): Handler {
  return (module, fileName) => {
    const compile = module._compile;
    module._compile = function (code, name, ...rest) {
      module._compile = compile;
      const rewritten = rewriteLoaded(engine(), name, code, "commonjs");
      return compile.call(this, rewritten ?? code, name, ...rest);
    };
    previous(module, fileName);
  };
}
