/**
 * OTEL_RESOURCE_ATTRIBUTES: `key=value` pairs separated by commas, values
 * percent-encoded (the W3C Baggage form the OpenTelemetry spec uses).
 */
import { present, type Env, type EnvWarning } from "./env-values";
import { parseKeyValueList } from "./key-value-list";

const NAME = "OTEL_RESOURCE_ATTRIBUTES";

/**
 * The attributes, or none at all when any pair is malformed: the spec says to
 * discard the whole value, since a half-read list would silently mislabel spans.
 */
export function readResourceAttributes(env: Env, warnings: EnvWarning[]): Record<string, string> {
  const text = present(env[NAME]);
  if (text === undefined) return {};
  const { entries, malformed } = parseKeyValueList(text);
  if (malformed.length === 0) return Object.fromEntries(entries);
  warnings.push({
    key: `env:${NAME}=${text}`,
    message:
      `${NAME}="${text}" has a malformed entry "${malformed[0].text}" ` +
      "(expected key=value pairs separated by commas, values percent-encoded); " +
      "using no resource attributes from it",
  });
  return {};
}
