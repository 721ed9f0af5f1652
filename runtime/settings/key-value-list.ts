/**
 * `key=value` pairs separated by commas, values percent-encoded: the W3C
 * Baggage form the OpenTelemetry spec uses for OTEL_RESOURCE_ATTRIBUTES and
 * OTEL_EXPORTER_OTLP_HEADERS. Blank entries are skipped; what a malformed
 * entry means (drop it, drop everything) is the caller's rule.
 */

export interface KeyValueList {
  /** The well-formed entries, keys and values trimmed, values decoded. */
  entries: [key: string, value: string][];
  /** Entries that are not `key=value` with a decodable value. */
  malformed: { /** 0-based, blank entries counted. */ position: number; text: string }[];
}

export function parseKeyValueList(text: string): KeyValueList {
  const list: KeyValueList = { entries: [], malformed: [] };
  text.split(",").forEach((pair, position) => {
    if (pair.trim() === "") return;
    const entry = parsePair(pair);
    if (entry === undefined) list.malformed.push({ position, text: pair.trim() });
    else list.entries.push(entry);
  });
  return list;
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
