/** The shape of tracing.config.json after validation. */

import type { AttributeValue } from "../../contract";

export interface TracingRule {
  /** Minimatch globs relative to the config file's folder; `!` excludes. */
  files: string[];
  /** Function name patterns; `*` is the only wildcard, `!` excludes. */
  functions: string[];
  includeArgs: boolean;
  includeResult: boolean;
  thresholdMs?: number;
  /** Template with `{class}`, `{function}`, `{file}`. */
  spanName?: string;
  attributes: Record<string, AttributeValue>;
}

export interface TracingConfig {
  /** Absolute path of the file this came from. */
  configPath: string;
  /** Absolute folder that `files` globs and `code.file.path` are relative to. */
  rootDir: string;
  serviceName?: string;
  rules: TracingRule[];
}
