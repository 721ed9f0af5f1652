// Small statistics helpers: every figure the benchmark reports is a median.

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of the element-wise ratios a[i] / b[i] (pairs measured next to each other). */
export function medianRatio(a, b) {
  return median(a.map((x, i) => x / b[i]));
}

/** Median of the element-wise differences a[i] - b[i]. */
export function medianDelta(a, b) {
  return median(a.map((x, i) => x - b[i]));
}

/** Rounds to `digits` significant decimals for the report. */
export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Rotates `items` by `by` places: interleaves variant order across rounds. */
export function rotate(items, by) {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
