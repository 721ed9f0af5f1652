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
 * rewrites each function body to
 *
 *   return __autotrace.trace(__autotrace_s0, () => { ...original body... }, [a, b]);
 *   return await __autotrace.traceAsync(__autotrace_s0, async () => { ... });   // async functions
 *
 * The site is built once per function, so per-call work is only what must be
 * per call. Site variables are `var`s: in an ES module import cycle a
 * function may run before its module body, and then the site is `undefined`;
 * `trace` must then simply run the body.
 */

import type { SpanKind } from "@opentelemetry/api";
import type { CapturePlan } from "./capture/capture-plan";
import type { NameOf } from "./capture/span-name";

/** A span attribute value, as OpenTelemetry accepts it. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];

/**
 * What a rule says about its spans beyond where they go (issue 12): kind,
 * preset, values read from the call, what is redacted and how long values get.
 * The transformer writes these in the rule's options object.
 */
export interface ComponentSpec {
  /** `internal` (default), `server`, `client`, `producer`, `consumer`. */
  kind?: string;
  /** A preset name from runtime/components/presets.ts. */
  component?: string;
  /** Attribute key to `args.<parameter>.<path>`, `this.<path>` or `result.<path>`. */
  sources?: Record<string, string>;
  /** `name` has `{args.…}`/`{this.…}` placeholders, filled in per call. */
  nameTemplate?: boolean;
  /** With `args`: record all (default), none (only read by sources), or these. */
  recordArgs?: boolean | string[];
  /** `false` clears the default redact patterns. */
  redactDefaults?: boolean;
  /** Patterns added to the redacted names. */
  redact?: string[];
  /** `false` stops masking card numbers. */
  cardNumbers?: boolean;
  maxValueLength?: number;
  maxTotalValueLength?: number;
}

/** What the transformer writes for one traced function (plain JSON-able data). */
export interface CallSiteSpec extends ComponentSpec {
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
  /** Parameter names, present when the rule records or reads arguments (or reads `this`, passed after them). */
  args?: string[];
  /** True when the rule has `includeResult`. */
  result?: boolean;
  /** The rule's `thresholdMs`. */
  thresholdMs?: number;
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
  /** `{ attributes, kind }`, built once: the options every span of this site starts with. */
  readonly startOptions: Readonly<{
    attributes: Readonly<Record<string, AttributeValue>>;
    kind?: SpanKind;
  }>;
  /** `args.<name>` attribute keys, in parameter order, when args are captured. */
  readonly argKeys: readonly string[] | undefined;
  /** Something is recorded when the call returns (`capture.endReads`). */
  readonly result: boolean;
  /** What each call records (arguments, result, values from the call); undefined for nothing. */
  readonly capture: CapturePlan | undefined;
  /** The span name of one call, for `{args.…}` names; undefined when `name` is fixed. */
  readonly nameOf: NameOf | undefined;
  readonly thresholdMs: number | undefined;
}
