/**
 * The runtime's prepared form of a call site. What the transformer and the
 * runtime agree on (the names emitted code calls, the call-site table, the
 * attribute value type) lives in contract/, which both import.
 */
import type { SpanKind } from "@opentelemetry/api";
import type { AttributeValue } from "../../contract";
import type { CapturePlan } from "../call-values/capture-plan";
import type { NameOf } from "../call-values/span-name";

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
  /** A returned native Promise ends the span when it settles (see followPromise in trace-functions.ts). */
  readonly followPromises: boolean;
}
