/**
 * Adds `{ "transform": "ts-autotrace/transformer" }` to compilerOptions.plugins
 * of a tsconfig.json as a text edit, so its comments, trailing commas, order
 * and indentation stay as the user wrote them.
 */
import { applyEdits, modify, type FormattingOptions } from "jsonc-parser";
import { TRANSFORM_NAME, findPluginEntry, pluginsNode } from "./tsconfig-file";

export type PluginChange = "added" | "already-there";

export function addPlugin(tsconfigText: string): { text: string; change: PluginChange } {
  if (findPluginEntry(tsconfigText)) return { text: tsconfigText, change: "already-there" };
  const entry = { transform: TRANSFORM_NAME };
  const formattingOptions = formattingOf(tsconfigText);
  const plugins = pluginsNode(tsconfigText);
  const edits =
    plugins?.type === "array"
      ? modify(tsconfigText, ["compilerOptions", "plugins", plugins.children?.length ?? 0], entry, {
          formattingOptions,
          isArrayInsertion: true,
        })
      : modify(tsconfigText, ["compilerOptions", "plugins"], [entry], { formattingOptions });
  return { text: applyEdits(tsconfigText, edits), change: "added" };
}

/** The indentation and line ending the file already uses. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
  const insertSpaces = !indent.startsWith("\t");
  return {
    insertSpaces,
    tabSize: insertSpaces ? indent.length : 1,
    eol: text.includes("\r\n") ? "\r\n" : "\n",
  };
}
