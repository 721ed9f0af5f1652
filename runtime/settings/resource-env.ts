/**
 * OTEL_RESOURCE_ATTRIBUTES: `key=value` pairs separated by commas, values
 * percent-encoded (the W3C Baggage form the OpenTelemetry spec uses).
 */
import { present, type Env, type EnvWarning } from "./env-values";

const NAME = "OTEL_RESOURCE_ATTRIBUTES";

/**
 * The attributes, or none at all when any pair is malformed: the spec says to
 * discard the whole value, since a half-read list would silently mislabel spans.
 */
export function readResourceAttributes(env: Env, warnings: EnvWarning[]): Record<string, string> {
  const text = present(env[NAME]);
  if (text === undefined) return {};
  const attributes: Record<string, string> = {};
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue;
    const entry = parsePair(pair);
    if (entry === undefined) {
      warnings.push({
        key: `env:${NAME}=${text}`,
        message:
          `${NAME}="${text}" has a malformed entry "${pair.trim()}" ` +
          "(expected key=value pairs separated by commas, values percent-encoded); " +
          "using no resource attributes from it",
      });
      return {};
    }
    attributes[entry[0]] = entry[1];
  }
  return attributes;
}

function parsePair(pair: string): [string, string] | undefined {
  const equals = pair.indexOf("=");
  if (equals <= 0) return undefined;
  const key = pair.slice(0, equals).trim();
  if (key === "") return undefined;
  try {
    return [key, decodeURIComponent(pair.slice(equals + 1).trim())];
  } catch {
    return undefined; // a stray "%" that is not an escape
  }
}
