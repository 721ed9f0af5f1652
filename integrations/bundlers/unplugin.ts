/**
 * The one bundler implementation (Vite, Rollup, esbuild, webpack, Rspack):
 * an unplugin whose transform hook runs the engine on every file a rule takes.
 * It runs before the tool's own TypeScript handling (`enforce: "pre"`) so it
 * sees the source as written; the tool composes the returned map with the
 * maps of its other plugins.
 */
import { createUnplugin, type UnpluginInstance } from "unplugin";
import type { SourceEngine } from "../../transformer/index";
import { engineFor, fileOfId, isCandidate, type AutotraceOptions } from "../options";

export type { AutotraceOptions } from "../options";

export const autotrace: UnpluginInstance<AutotraceOptions | undefined, false> = createUnplugin(
  (given: AutotraceOptions | undefined) => {
    const options = given ?? {};
    let root: string | undefined;
    let engine: SourceEngine | undefined;
    // Built on first use: Vite tells its root only in configResolved.
    const current = () => (engine ??= engineFor(options, root));
    return {
      name: "ts-autotrace",
      enforce: "pre",
      buildStart() {
        current();
      },
      transformInclude(id) {
        const file = fileOfId(id);
        return file !== undefined && isCandidate(file) && current().wants(file);
      },
      transform(code, id) {
        const out = current().transform({ code, fileName: fileOfId(id)!, preserveJsx: true });
        return out === undefined ? null : { code: out.code, map: out.map as never };
      },
      vite: {
        configResolved(config: { root: string }) {
          root = config.root;
        },
      },
    };
  },
);
