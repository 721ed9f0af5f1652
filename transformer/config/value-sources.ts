/**
 * Attribute values and span-name placeholders that come from the call:
 * `$args.<parameter>.<path>`, `$this.<path>`, `$result.<path>` in
 * `attributes`, and `{args.<parameter>.<path>}`, `{this.<path>}` in
 * `spanName`. A string that starts with `$$` is a literal starting with `$`.
 * Parsing here is syntax only; parameter names are checked per function
 * (rewrite/value-paths.ts), where the parameters are known.
 */

export type SourceRoot = "args" | "this" | "result";

export interface ValueSource {
  root: SourceRoot;
  /** `["sql"]` for `$args.sql`; for `args` the first segment is the parameter. */
  path: string[];
}

const SEGMENT = /^(?:[A-Za-z_$][\w$]*|\d+)$/;
export const SOURCE_ROOTS: readonly SourceRoot[] = ["args", "this", "result"];

/** Is this attribute value taken from the call (rather than a literal)? */
export function isSourceText(value: unknown): value is string {
  return typeof value === "string" && value.startsWith("$") && !value.startsWith("$$");
}

/** `$$x` is the literal `$x`. */
export function literalText(value: string): string {
  return value.startsWith("$$") ? value.slice(1) : value;
}

/** The source of `$args.sql` / `args.sql` (spanName placeholders have no `$`), or a problem. */
export function parseSource(text: string): ValueSource | { problem: string } {
  const [root, ...path] = text.replace(/^\$/, "").split(".");
  if (!(SOURCE_ROOTS as readonly string[]).includes(root)) {
    const near = nearestRoot(root);
    const hint = near ? `did you mean "${text.replace(root, near)}"?` : "";
    return {
      problem: `"${text}" reads from ${JSON.stringify(root)}; a value from the call starts with $args., $this or $result${hint ? `; ${hint}` : ""} (write $$ for a literal $).`,
    };
  }
  if (root === "args" && path.length === 0) {
    return { problem: `"${text}" names no parameter; write $args.<parameter>, e.g. $args.id.` };
  }
  const bad = path.find((segment) => !SEGMENT.test(segment));
  if (bad !== undefined) {
    return {
      problem: `"${text}" has the path step ${JSON.stringify(bad)}; each step is a property name or an array index.`,
    };
  }
  return { root: root as SourceRoot, path };
}

/** `{args.op}` and `{this.name}` in a span name: the sources, in order. */
export function nameSources(template: string): string[] {
  return (template.match(/\{(?:args|this)(?:\.[^}]*)?\}/g) ?? []).map((p) => p.slice(1, -1));
}

function nearestRoot(root: string): SourceRoot | undefined {
  const lower = root.toLowerCase();
  return SOURCE_ROOTS.find((r) => lower.startsWith(r.slice(0, 3)) || r.startsWith(lower));
}
