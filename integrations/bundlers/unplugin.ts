/**
 * The one bundler implementation (Vite, Rollup, esbuild, webpack, Rspack):
 * an unplugin whose transform hook runs the engine on every file a rule takes.
 * It runs before the tool's own TypeScript handling (`enforce: "pre"`) so it
 * sees the source as written; the tool composes the returned map with the
 * maps of its other plugins.
 */
import * as path from "node:path";
import { createUnplugin, type UnpluginInstance } from "unplugin";
import type { SourceEngine } from "../../transformer/index";
import { engineFor, fileOfId, isCandidate, type AutotraceOptions } from "../options";

export type { AutotraceOptions } from "../options";

/** The part of Vite's dev server used here (Vite is not a dependency). */
interface DevServer {
  watcher: { on(event: "change", listener: (file: string) => void): unknown };
  moduleGraph: { invalidateAll(): void };
  environments?: Record<string, { moduleGraph: { invalidateAll(): void } }>;
  ws: { send(payload: { type: "full-reload" }): void };
}

export const autotrace: UnpluginInstance<AutotraceOptions | undefined, false> = createUnplugin(
  (given: AutotraceOptions | undefined) => {
    const options = given ?? {};
    let root: string | undefined;
    let engine: SourceEngine | undefined;
    // Built on first use: Vite tells its root only in configResolved.
    let configPath: string | undefined;
    const current = () => {
      engine ??= engineFor(options, root);
      configPath = engine.configPath;
      return engine;
    };
    // Kept past a reset: Vite calls watchChange (which resets) before the watcher's listeners.
    const isConfig = (id: string) => configPath !== undefined && path.resolve(id) === configPath;
    return {
      name: "ts-autotrace",
      enforce: "pre",
      buildStart() {
        current();
      },
      watchChange(id) {
        if (isConfig(id)) engine = undefined;
      },
      transformInclude(id) {
        const file = fileOfId(id);
        return file !== undefined && isCandidate(file) && current().wants(file);
      },
      transform(code, id) {
        // Each traced module depends on the rules: watch builds redo it when they change.
        this.addWatchFile(current().configPath);
        const out = current().transform({ code, fileName: fileOfId(id)!, preserveJsx: true });
        return out === undefined ? null : { code: out.code, map: out.map as never };
      },
      vite: {
        configResolved(config: { root: string }) {
          root = config.root;
        },
        // The dev server keeps transformed modules: new rules need all of them again.
        configureServer(server: DevServer) {
          server.watcher.on("change", (file) => {
            if (!isConfig(file)) return;
            engine = undefined;
            // Vite >= 6 keeps one module graph per environment (client, ssr).
            for (const environment of Object.values(server.environments ?? {}))
              environment.moduleGraph.invalidateAll();
            server.moduleGraph.invalidateAll();
            server.ws.send({ type: "full-reload" });
          });
        },
      },
    };
  },
);
