/* Folder transformer/config/: tracing.config.json: reading (JSONC), validating with errors that
 * name the file, the rule and the fix, and the config types. */
/**
 * One error for everything wrong with a config file, so a user fixes it in one pass.
 * The message is complete on its own: callers print `error.message`, never a stack.
 */
export interface ConfigProblem {
  /** JSON path such as `rules[1].thresholdMs`, or `` for the file itself. */
  path: string;
  /** What was expected, what was given, and how to fix it. */
  message: string;
}

export class ConfigError extends Error {
  override readonly name = "ConfigError";

  constructor(
    readonly configPath: string,
    readonly problems: ConfigProblem[],
  ) {
    super(formatProblems(configPath, problems));
  }
}

function formatProblems(configPath: string, problems: ConfigProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.map((p) => `  - ${p.path ? `${p.path}: ` : ""}${p.message}`);
  return [`ts-autotrace: ${configPath} has ${count}; nothing was emitted.`, ...lines].join("\n");
}
