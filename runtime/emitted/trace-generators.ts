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
import type { CallSite } from "./prepared-site";
import { beginCall, endReturn, endThrow, runInside, type CallSpan } from "../span/call-span";
import { state } from "../shared/state";

type Method = "next" | "throw" | "return";

export function traceGenerator<T, R, N>(
  site: CallSite | undefined,
  generator: Generator<T, R, N>,
  args?: unknown[],
): Generator<T, R, N> {
  if (site === undefined || state.off) return generator;
  return new TracedGenerator(site, generator, args) as unknown as Generator<T, R, N>;
}

export function traceAsyncGenerator<T, R, N>(
  site: CallSite | undefined,
  generator: AsyncGenerator<T, R, N>,
  args?: unknown[],
): AsyncGenerator<T, R, N> {
  if (site === undefined || state.off) return generator;
  return new TracedAsyncGenerator(site, generator, args) as unknown as AsyncGenerator<T, R, N>;
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

  protected abstract resume(method: Method, value: unknown): Result;
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

class TracedGenerator<T, R, N> extends TracedIteration<IteratorResult<T, R>> {
  constructor(
    site: CallSite,
    private readonly inner: Generator<T, R, N>,
    args: unknown[] | undefined,
  ) {
    super(site, args);
  }

  [Symbol.iterator]() {
    return this;
  }

  protected resume(method: Method, value: unknown): IteratorResult<T, R> {
    return (this.inner[method] as (v: unknown) => IteratorResult<T, R>)(value);
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

class TracedAsyncGenerator<T, R, N> extends TracedIteration<Promise<IteratorResult<T, R>>> {
  constructor(
    site: CallSite,
    private readonly inner: AsyncGenerator<T, R, N>,
    args: unknown[] | undefined,
  ) {
    super(site, args);
  }

  [Symbol.asyncIterator]() {
    return this;
  }

  protected resume(method: Method, value: unknown): Promise<IteratorResult<T, R>> {
    return (this.inner[method] as (v: unknown) => Promise<IteratorResult<T, R>>)(value);
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
