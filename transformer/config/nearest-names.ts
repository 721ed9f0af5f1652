/** "Did you mean": the candidates nearest to a misspelt name, by edit distance. */

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * Up to `limit` candidates, nearest first, compared without case. By default
 * only those close enough to be a typo of `written` (a third of its length, at
 * least 2 edits); `cutoff: Infinity` takes the nearest whatever their distance.
 */
export function nearestNames(
  written: string,
  candidates: Iterable<string>,
  limit = 3,
  cutoff = Math.max(2, Math.floor(written.length / 3)),
): string[] {
  const target = written.toLowerCase();
  const scored: { name: string; distance: number }[] = [];
  for (const name of new Set(candidates)) {
    const lower = name.toLowerCase();
    // The distance is at least the difference in length: most names need no table.
    if (Math.abs(lower.length - target.length) > cutoff) continue;
    const distance = editDistance(target, lower);
    if (distance <= cutoff) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((s) => s.name);
}
