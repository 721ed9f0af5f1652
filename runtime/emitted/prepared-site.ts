/**
 * The runtime's prepared form of a call site. What the transformer and the
 * runtime agree on (the names emitted code calls, the call-site table, the
 * attribute value type) lives in contract/, which both import.
 */
import type { AttributeValue } from "../../contract";

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
  /** A returned native Promise ends the span when it settles (see followPromise in trace-functions.ts). */
  readonly followPromises: boolean;
}
