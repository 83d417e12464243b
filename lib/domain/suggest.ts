/** "Did you mean …": the nearest known name by edit distance, for messages on unknown labels. */

/** Levenshtein distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidate closest to `input`, or null when none is close enough to be a plausible typo
 * (more than 40 % of the longer string would have to change).
 */
export function nearest(input: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length: a candidate that cannot be close is
    // skipped without computing it (a megabyte-long input costs nothing).
    if (Math.abs(input.length - c.length) > Math.ceil(0.4 * Math.max(input.length, c.length))) continue;
    const d = editDistance(input, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  if (best === null) return null;
  return bestDistance <= Math.ceil(0.4 * Math.max(input.length, best.length)) ? best : null;
}
