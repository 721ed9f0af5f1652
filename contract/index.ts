/**
 * The one contract between build time (transformer/) and run time (runtime/):
 * the module the emitted code imports, the names it calls, the shape of the
 * call-site table it declares and the attribute value type. Both sides import
 * it, and nothing else crosses between them (eslint.config.mjs forbids it), so
 * the runtime never loads TypeScript or transformer code.
 *
 * This file imports nothing, so it costs the runtime nothing to load.
 *
 * For every file with traced functions the transformer emits, at module scope
 * (transformer/rewrite/site-table.ts writes it):
 *
 *   var __autotrace_f = __autotrace.file("src/cart.ts", "checkout");   // FileArguments
 *   var __autotrace_r0 = { result: true, thresholdMs: 100 };           // SiteOptions
 *   var __autotrace_s0 = __autotrace_f("Cart.add", 12, __autotrace_r0, ["item"]); // SiteArguments
 *
 * and calls the EmittedApi functions from the traced functions: a sync body
 * stays in place between `enter` and `exit` (transformer/rewrite/wrap-body.ts),
 * an async body starts in an inner arrow handed to `suspend` (wrap-async.ts).
 * Site variables are `var`s: in an ES module import cycle a function may run
 * before its module body, and then its site is `undefined`; `enter` then
 * returns undefined and every other EmittedApi function just passes values on.
 */

/** The package name the emitted code imports, unless the plugin's `runtimeModule` says otherwise. */
export const RUNTIME_MODULE = "ts-autotrace";

/** A span attribute value, as OpenTelemetry accepts it. */
export type AttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** A rule's options, declared once per file and shared by its sites. */
export interface SiteOptions extends ComponentOptions {
  /** The rule's `includeResult`. */
  result?: boolean;
  /** The rule's `thresholdMs`. */
  thresholdMs?: number;
  /** The rule's literal `attributes` (`$$x` already written as `$x`). */
  attributes?: Record<string, AttributeValue>;
  /** False when the rule has `"followPromises": false` (a returned native Promise is then not followed). */
  followPromises?: boolean;
}

/**
 * What a rule says about its spans beyond where they go: kind, preset, values
 * read from the call, what is redacted and how long values get. Presets and
 * kind names are in contract/presets.ts and contract/span-kinds.ts.
 */
export interface ComponentOptions {
  /** `internal` (default), `server`, `client`, `producer`, `consumer`. */
  kind?: string;
  /** A preset name. */
  component?: string;
  /** Attribute key to `args.<parameter>.<path>`, `this.<path>` or `result.<path>`. */
  sources?: Record<string, string>;
  /** The span name has `{args.…}`/`{this.…}` placeholders, filled in per call. */
  nameTemplate?: boolean;
  /** With parameter names: record all (default), none (they are only read by sources), or these. */
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

/** `file(path, service)`: `code.file.path` relative to tracing.config.json, and its `serviceName`. */
export type FileArguments = [path: string, service?: string];

/**
 * One row of the call-site table: span name, 1-based line, the rule's options
 * or null, parameter names (when the rule records or reads arguments, or reads
 * `this`, whose value the emitted code passes after theirs) or null, and `code.function.name`
 * when it differs from the span name (a `spanName` template). Trailing
 * arguments that are empty are left out.
 */
export type SiteArguments = [
  name: string,
  line: number,
  options?: SiteOptions | null,
  args?: string[] | null,
  functionName?: string,
];

/** What `file()` returns: builds one site of that file, or undefined (its calls then run untraced). */
export type SiteFactory<Site> = (...row: SiteArguments) => Site | undefined;

/**
 * The functions the emitted code calls, by the names it calls them. `Site` is
 * the runtime's prepared site, opaque to the emitted code, which only passes
 * it back. `args` holds the parameters' values when the rule records or
 * reads them, then `this` when the rule reads it.
 */
export interface EmittedApi<Site, Scope = unknown> {
  file(...file: FileArguments): SiteFactory<Site>;
  /** Starts the span and enters its context; undefined when the call runs untraced. */
  enter(site: Site | undefined, args?: unknown[]): Scope | undefined;
  /** `return x` becomes `return returned(scope, x)`: records x (a native Promise is followed). */
  returned<T>(scope: Scope | undefined, value: T): T;
  /** In the emitted catch, which rethrows the same value. */
  threw(scope: Scope | undefined, error: unknown): void;
  /** Restores the caller's context and ends the span (in the emitted finally, or at the body's end). */
  exit(scope: Scope | undefined): void;
  /** `return x` becomes `return exitWith(scope, x)` when no finally follows: records x, then exit. */
  exitWith<T>(scope: Scope | undefined, value: T): T;
  /** An async body's inner promise: the caller's context comes back. */
  suspend<T>(scope: Scope | undefined, promise: T): T;
  /** The closure form that output of ts-autotrace 0.1 calls; no longer emitted. */
  trace<T>(site: Site | undefined, body: () => T, args?: unknown[]): T;
  traceAsync<T>(site: Site | undefined, body: () => Promise<T>, args?: unknown[]): Promise<T>;
  traceGenerator<T, R, N>(
    site: Site | undefined,
    generator: Generator<T, R, N>,
    args?: unknown[],
  ): Generator<T, R, N>;
  traceAsyncGenerator<T, R, N>(
    site: Site | undefined,
    generator: AsyncGenerator<T, R, N>,
    args?: unknown[],
  ): AsyncGenerator<T, R, N>;
}

/** Each EmittedApi name as the transformer writes it (`__autotrace.trace(...)`); typed so a rename breaks both sides. */
export const EMITTED: { readonly [Name in keyof EmittedApi<unknown>]: Name } = {
  file: "file",
  enter: "enter",
  returned: "returned",
  threw: "threw",
  exit: "exit",
  exitWith: "exitWith",
  suspend: "suspend",
  trace: "trace",
  traceAsync: "traceAsync",
  traceGenerator: "traceGenerator",
  traceAsyncGenerator: "traceAsyncGenerator",
};

/**
 * What `site()` takes: one traced function described as plain data (the
 * table's row expanded). Exported by the runtime for hand-written sites.
 */
export interface CallSiteSpec extends SiteOptions {
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
  /** Parameter names, present when the rule records or reads arguments or reads `this`. */
  args?: string[];
}
