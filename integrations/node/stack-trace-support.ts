/**
 * ts-node maps stack traces itself, with source-map-support fed from its own
 * output, and that replaces Node's source maps. Files ts-autotrace compiled
 * are not in ts-node's output, so their frames would keep generated lines:
 * hand source-map-support our output (with its inline map) for those files.
 * source-map-support keeps its handler lists on a global, shared by copies.
 */
const SHARED = Symbol.for("source-map-support/sharedData");

type FileHandler = (path: string) => string | null | undefined;
interface SharedData {
  retrieveFileHandlers?: FileHandler[];
}

const compiled = new Map<string, string>();
let installed = false;

export function rememberCompiled(fileName: string, code: string): void {
  const shared = (globalThis as { [SHARED]?: SharedData })[SHARED];
  if (shared?.retrieveFileHandlers === undefined) return;
  compiled.set(fileName, code);
  if (installed) return;
  installed = true;
  shared.retrieveFileHandlers.unshift((path) => compiled.get(path) ?? null);
}
