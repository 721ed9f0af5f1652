/**
 * The contract between the transformer and the runtime.
 *
 * For every file with traced functions the transformer emits, at module scope
 * (see transformer/rewrite/site-table.ts for the exact shape):
 *
 *   var __autotrace_f = __autotrace.file("src/cart.ts", "checkout");
 *   var __autotrace_s0 = __autotrace_f("Cart.add", 12, __autotrace_r0, ["item"]);
 *
 * which builds a CallSiteSpec and calls `site()` once per function, and
 * puts the span around each function body, which stays in place
 * (runtime/traced-call.ts shows the shape):
 *
 *   const __autotrace_c = __autotrace.enter(__autotrace_s0, [a, b]);
 *   try { ...original body... } catch (e) { __autotrace.threw(__autotrace_c, e); throw e; }
 *   finally { __autotrace.exit(__autotrace_c); }
 *
 * The site is built once per function, so per-call work is only what must be
 * per call. Site variables are `var`s: in an ES module import cycle a
 * function may run before its module body, and then the site is `undefined`;
 * `enter` then returns undefined and the body runs untraced.
 */

/** A span attribute value, as OpenTelemetry accepts it. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** What the transformer writes for one traced function (plain JSON-able data). */
export interface CallSiteSpec {
  /** `serviceName` from tracing.config.json, if any. */
  service?: string;
  /** Span name (the rule's `spanName` template already expanded). */
  name: string;
  /** `code.function.name`: `Class.member` or the function's own name. */
  function: string;
  /** `code.file.path`: relative to the folder of tracing.config.json. */
  file: string;
  /** `code.line.number`: 1-based line of the function. */
  line: number;
  /** Parameter names, present when the rule has `includeArgs`. */
  args?: string[];
  /** True when the rule has `includeResult`. */
  result?: boolean;
  /** The rule's `thresholdMs`. */
  thresholdMs?: number;
  /** False when the rule has `"followPromises": false`. */
  followPromises?: boolean;
  /** The rule's static `attributes`. */
  attributes?: Record<string, AttributeValue>;
}

/**
 * What `site()` returns: the spec turned into ready-to-use span data, so a
 * traced call does no string building or object merging of its own.
 */
export interface CallSite {
  /** Span name. */
  readonly name: string;
  /** Function name, used in warnings. */
  readonly label: string;
  /** Unique per traced function, for warn-once keys. */
  readonly key: string;
  /** Frozen static attributes: the rule's attributes plus the code.* ones. */
  readonly attributes: Readonly<Record<string, AttributeValue>>;
  /** `{ attributes }`, built once: the options every span of this site starts with. */
  readonly startOptions: Readonly<{ attributes: Readonly<Record<string, AttributeValue>> }>;
  /** `args.<name>` attribute keys, in parameter order, when args are captured. */
  readonly argKeys: readonly string[] | undefined;
  /** Record the return value as `result`. */
  readonly result: boolean;
  readonly thresholdMs: number | undefined;
  /** A returned native Promise ends the span when it settles (see follow-promise.ts). */
  readonly followPromises: boolean;
}
