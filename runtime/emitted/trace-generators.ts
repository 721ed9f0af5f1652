/**
 * Generators and async generators. The emitted code is
 *
 *   function* g(a) { return yield* RT.traceGenerator(SITE, (function* () { BODY }).call(this), [a]); }
 *
 * so the function stays a generator function, and `yield*` forwards every
 * next(), throw() and return() to the iterator returned here. The span runs
 * from the first of those calls to completion (return, throw, or return()
 * from a consumer's `break`), and each resumption runs inside the span's
 * context, so traced calls made by the body are its children. A generator
 * that is dropped mid-way, never finished, leaves its span unended (and so
 * unexported), as OpenTelemetry does for any span never ended.
 */
import { runInContext } from "../span/active-context";
import type { EmittedApi } from "../../contract";
import type { CallSite } from "./prepared-site";
import { beginCall, endReturn, endThrow, runInside, type CallSpan } from "../span/call-span";
import { state } from "../shared/state";

type Method = "next" | "throw" | "return";
/** A generator object seen through the three methods the wrapper forwards to. */
type Resumable<Result> = Record<Method, (value: unknown) => Result>;

/** Signatures from the contract the transformer's output is written against. */
type Emitted = EmittedApi<CallSite>;

export const traceGenerator: Emitted["traceGenerator"] = (site, generator, args) =>
  traced(site, generator, args, TracedGenerator);

export const traceAsyncGenerator: Emitted["traceAsyncGenerator"] = (site, generator, args) =>
  traced(site, generator, args, TracedAsyncGenerator);

/** The generator itself when tracing is off, else the wrapper that traces it. */
function traced<G extends object>(
  site: CallSite | undefined,
  generator: G,
  args: unknown[] | undefined,
  Traced: new (site: CallSite, inner: Resumable<never>, args: unknown[] | undefined) => object,
): G {
  if (site === undefined || state.off) return generator;
  return new Traced(site, generator as unknown as Resumable<never>, args) as G;
}

/**
 * The iterator protocol shared by both kinds: next/throw/return each resume
 * the inner generator through `step`, which starts the span on the first
 * resumption and ends it on completion. `Result` is an IteratorResult, or a
 * promise of one for async generators.
 */
abstract class TracedIteration<Result> {
  private started = false;
  private call: CallSpan | undefined;

  constructor(
    private readonly site: CallSite,
    /** The generator object the moved body runs in. */
    private readonly inner: Resumable<Result>,
    private readonly args: unknown[] | undefined,
  ) {}

  next(value?: unknown): Result {
    return this.step("next", value);
  }
  throw(error: unknown): Result {
    return this.step("throw", error);
  }
  return(value?: unknown): Result {
    return this.step("return", value);
  }

  private step(method: Method, value: unknown): Result {
    if (!this.started) {
      this.started = true;
      this.call = beginCall(this.site, this.args);
    }
    const call = this.call;
    return call === undefined ? this.resume(method, value) : this.resumeTraced(call, method, value);
  }

  protected resume(method: Method, value: unknown): Result {
    return this.inner[method](value);
  }

  protected abstract resumeTraced(call: CallSpan, method: Method, value: unknown): Result;

  /** Later resumptions run plainly: the span has ended (or was ended by runInside). */
  protected forget(): void {
    this.call = undefined;
  }

  protected ended(call: CallSpan, outcome: { value: unknown } | { error: unknown }): void {
    this.forget();
    if ("error" in outcome) endThrow(call, outcome.error);
    else endReturn(call, outcome.value);
  }
}

class TracedGenerator<T, R> extends TracedIteration<IteratorResult<T, R>> {
  [Symbol.iterator]() {
    return this;
  }

  protected resumeTraced(call: CallSpan, method: Method, value: unknown): IteratorResult<T, R> {
    let result: IteratorResult<T, R>;
    try {
      result = runInside(call, () => this.resume(method, value)); // ends the span on a throw
    } catch (error) {
      this.forget();
      throw error;
    }
    if (result.done) this.ended(call, { value: result.value });
    return result;
  }
}

class TracedAsyncGenerator<T, R> extends TracedIteration<Promise<IteratorResult<T, R>>> {
  [Symbol.asyncIterator]() {
    return this;
  }

  protected resumeTraced(
    call: CallSpan,
    method: Method,
    value: unknown,
  ): Promise<IteratorResult<T, R>> {
    return runInContext(call.context, () => this.resume(method, value)).then(
      (result) => {
        if (result.done) this.ended(call, { value: result.value });
        return result;
      },
      (error: unknown) => {
        this.ended(call, { error });
        throw error;
      },
    );
  }
}
