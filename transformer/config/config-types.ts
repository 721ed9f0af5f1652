/** The shape of tracing.config.json after validation. */

import type { AttributeValue } from "../../contract";
import type { ComponentName } from "../../contract/components";
import type { SpanKindName } from "../../contract/components";

/** A rule's `redact`, resolved: defaults cleared or not, patterns added, card masking. */
export interface RedactOptions {
  clear: boolean;
  add: string[];
  cards: boolean;
}

export interface TracingRule {
  /** Minimatch globs relative to the config file's folder; `!` excludes. */
  files: string[];
  /** Function name patterns; `*` is the only wildcard, `!` excludes. */
  functions: string[];
  /** `true` for every parameter, or the names of those to record. */
  includeArgs: boolean | string[];
  includeResult: boolean;
  /**
   * A sync function that returns a native Promise: end its span when the
   * promise settles (the caller gets the promise `then` returns). Default true.
   */
  followPromises: boolean;
  thresholdMs?: number;
  /** Template with `{class}`, `{function}`, `{file}`, `{args.<path>}`, `{this.<path>}`. */
  spanName?: string;
  /** Literal values, or `$args.` / `$this` / `$result` paths read from the call. */
  attributes: Record<string, AttributeValue>;
  kind?: SpanKindName;
  component?: ComponentName;
  redact?: RedactOptions;
  maxValueLength?: number;
  maxTotalValueLength?: number;
}

export interface TracingConfig {
  /** Absolute path of the file this came from. */
  configPath: string;
  /** Absolute folder that `files` globs and `code.file.path` are relative to. */
  rootDir: string;
  serviceName?: string;
  rules: TracingRule[];
}
