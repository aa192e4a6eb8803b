/**
 * Levenshtein distance over UTF-16 code units: the fewest single-unit insertions, deletions and
 * replacements that turn `a` into `b`. For "did you mean" hints on short strings (names, keys,
 * command words); the cost is |a| × |b|, so callers cap what they pass.
 */
export const editDistance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
};

/**
 * The candidate a mistyped word most likely meant: the nearest by {@link editDistance}, if it is
 * fewer than `limit` edits away — by default at most 2 edits and fewer than half the word's length
 * (so that `x` does not suggest `parse`); the first of equally near candidates, in the order given.
 */
export const closestWord = (word: string, candidates: Iterable<string>, limit = Math.min(3, Math.ceil(word.length / 2))): string | undefined => {
  let best: string | undefined;
  let bestDistance = limit;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
};
