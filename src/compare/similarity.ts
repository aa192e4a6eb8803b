// The similarity index behind alignPlans, diffPlans and planCoverage, after git's rename
// detection: exact matches first; then candidate pairs from an index of shared character
// shingles (never every pair); each candidate scored on weighted character bigrams; best matches
// first above a threshold. All arithmetic on scores is on integers, and every tie is broken by the
// tasks' text and id, so results depend neither on task order nor on the host.

/** What the index keeps of one task. */
export interface Profile {
  /** The text as written: shared phrases and diffs are cut from it. */
  readonly text: string;
  /** Letters and digits of the normalised text: exact matches and shingles. */
  readonly key: string;
  /** key, then id: the total order that breaks ties. */
  readonly order: string;
  /** The place of `order` among all the profiles of both plans (set by {@link prepareProfiles}). */
  rank: number;
  /** Sorted distinct character bigrams of the key (two UTF-16 units in one number). */
  readonly grams: Float64Array;
  /** The weight of each gram (same index as grams). */
  weights: Uint8Array;
  /** Sum of the weights. */
  total: number;
}

const NOT_CONTENT = /[^\p{L}\p{N}]+/gu;
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ]/g;

/**
 * Letters and digits only, full-width ones as ASCII: the text without punctuation, spaces or
 * layout, so that （一） and (一), ２０２４ and 2024 compare equal.
 */
export const contentKey = (text: string): string => text.replace(NOT_CONTENT, "").replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const sortedDistinct = (codes: Float64Array): Float64Array => {
  codes.sort();
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[n++] = codes[i] as number;
  return codes.slice(0, n);
};

export const profileOf = (text: string, id: string): Profile => {
  const key = contentKey(text);
  const codes = new Float64Array(Math.max(0, key.length - 1));
  for (let i = 0; i + 1 < key.length; i++) codes[i] = key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
  return { text, key, order: `${key}\u0000${id}`, grams: sortedDistinct(codes), weights: new Uint8Array(0), total: 0, rank: 0 };
};

/**
 * Entries of the sorted indexes pack a 32-bit gram (or 30-bit shingle hash) and a task index in
 * one exact double: value · TASKS + task. Plans of more than 2,097,152 tasks are not supported.
 */
const TASKS = 2 ** 21;

/** Number of bits of a positive integer. */
const bitLength = (n: number): number => 32 - Math.clz32(n);

/**
 * Prepare the profiles of all the tasks of both plans: rank them by their order (so that ties are
 * broken by comparing integers), and weight every gram by how rare it is among them (an integer
 * inverse document frequency: the bit length of 8·tasks/df), so that 法治、政府、建设 count for
 * less than 减上补下. One sort of all (gram, task) entries gives every document frequency; walking
 * it in gram order fills each task's weights in its own (sorted) gram order.
 */
export const prepareProfiles = (profiles: readonly Profile[]): void => {
  profiles
    .map((p, i) => [p.order, i] as const)
    .sort((x, y) => compareStrings(x[0], y[0]))
    .forEach(([, i], r) => ((profiles[i] as Profile).rank = r));
  const entries = new Float64Array(profiles.reduce((n, p) => n + p.grams.length, 0));
  let k = 0;
  profiles.forEach((p, i) => {
    for (const g of p.grams) entries[k++] = g * TASKS + i;
  });
  entries.sort();
  const n = profiles.length;
  const filled = new Int32Array(n);
  for (const p of profiles) {
    p.weights = new Uint8Array(p.grams.length);
    p.total = 0;
  }
  for (let from = 0; from < entries.length; ) {
    const gram = Math.floor((entries[from] as number) / TASKS);
    let to = from + 1;
    while (to < entries.length && Math.floor((entries[to] as number) / TASKS) === gram) to++;
    const w = bitLength(Math.floor((8 * n) / (to - from)));
    for (let e = from; e < to; e++) {
      const i = (entries[e] as number) - gram * TASKS;
      const p = profiles[i] as Profile;
      p.weights[filled[i] as number] = w;
      filled[i] = (filled[i] as number) + 1;
      p.total += w;
    }
    from = to;
  }
};

const intersect = (x: Float64Array, wx: Uint8Array, y: Float64Array): number => {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < x.length && j < y.length) {
    const gx = x[i] as number;
    const gy = y[j] as number;
    if (gx === gy) {
      s += wx[i] as number;
      i++;
      j++;
    } else if (gx < gy) i++;
    else j++;
  }
  return s;
};

/** The grams of several profiles together, as one profile-like pair of arrays. */
export const unionOf = (ps: readonly Profile[]): { grams: Float64Array; weights: Uint8Array; total: number } => {
  if (ps.length === 1) return ps[0] as Profile;
  const byGram = new Map<number, number>();
  for (const p of ps) p.grams.forEach((g, i) => byGram.set(g, p.weights[i] as number));
  const grams = Float64Array.from(byGram.keys()).sort();
  const weights = Uint8Array.from(grams, (g) => byGram.get(g) as number);
  return { grams, weights, total: weights.reduce((s, w) => s + w, 0) };
};

/** Similarity of two gram sets: weighted Dice, and the share of each found in the other. */
export interface Measure {
  readonly shared: number;
  readonly dice: number;
  readonly coverA: number;
  readonly coverB: number;
}

export const measureSets = (
  a: { grams: Float64Array; weights: Uint8Array; total: number },
  b: { grams: Float64Array; total: number },
): Measure => {
  const shared = intersect(a.grams, a.weights, b.grams);
  const den = a.total + b.total;
  return {
    shared,
    dice: den === 0 ? 0 : (2 * shared) / den,
    coverA: a.total === 0 ? 0 : shared / a.total,
    coverB: b.total === 0 ? 0 : shared / b.total,
  };
};

/** Scores as results show them: three decimals. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Compare two strings by UTF-16 code units (never by locale). */
export const compareStrings = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * A tie-break between two links that does not depend on which plan is a and which is b: the
 * smaller of the two tasks' ranks first, then the larger.
 */
export const compareLinks = (a1: Profile, b1: Profile, a2: Profile, b2: Profile): number =>
  Math.min(a1.rank, b1.rank) - Math.min(a2.rank, b2.rank) || Math.max(a1.rank, b1.rank) - Math.max(a2.rank, b2.rank);

/** Length of the shingles that propose candidate pairs. */
const SHINGLE = 4;
/** Shingles found in more tasks than this are too common to propose candidates (they still score). */
export const MAX_SHINGLE_TASKS = 48;
/** Each task proposes candidates from at most this many of its shingles: its rarest shared ones. */
export const SHINGLES_PER_TASK = 24;
/** Each task keeps at most this many candidates (by shared shingles), on each side. */
export const CANDIDATES_PER_TASK = 12;

/**
 * A 30-bit hash of the `len` UTF-16 units of `s` from `at` (FNV-1a). Two different shingles may
 * share a hash: that only proposes a candidate, which is then measured exactly.
 */
const hashAt = (s: string, at: number, len: number): number => {
  let h = 0x811c9dc5;
  for (let k = at; k < at + len; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 2;
};

/** The distinct shingle hashes of a key, sorted. */
const shinglesOf = (key: string): Float64Array => {
  const out = new Float64Array(Math.max(0, key.length - SHINGLE + 1));
  for (let k = 0; k < out.length; k++) out[k] = hashAt(key, k, SHINGLE);
  return sortedDistinct(out);
};

/** An inverted index: for each distinct shingle (sorted), the tasks that have it. */
interface Postings {
  readonly keys: Float64Array;
  readonly start: Int32Array;
  readonly tasks: Int32Array;
}

const postingsOf = (shingles: readonly Float64Array[], skip: Uint8Array): Postings => {
  const entries = new Float64Array(shingles.reduce((n, s, i) => n + (skip[i] === 1 ? 0 : s.length), 0));
  let k = 0;
  shingles.forEach((s, i) => {
    if (skip[i] !== 1) for (const h of s) entries[k++] = h * TASKS + i;
  });
  entries.sort();
  const keys = new Float64Array(entries.length);
  const start = new Int32Array(entries.length + 1);
  const tasks = new Int32Array(entries.length);
  let d = -1;
  entries.forEach((e, i) => {
    const h = Math.floor(e / TASKS);
    if (d === -1 || keys[d] !== h) {
      keys[++d] = h;
      start[d] = i;
    }
    tasks[i] = e - h * TASKS;
  });
  start[d + 1] = entries.length;
  return { keys: keys.subarray(0, d + 1), start, tasks };
};

/**
 * For each task of `own`, the shingles it shares with `other` that are rare enough (in at most
 * MAX_SHINGLE_TASKS tasks of both plans), as (document frequency · 2³¹ + place in `other.keys`),
 * rarest first: one merge of the two sorted key lists, then one small sort per task.
 */
const sharedShingles = (own: Postings, other: Postings, tasks: number): { offsets: Int32Array; items: Float64Array } => {
  const offsets = new Int32Array(tasks + 1);
  const join = (visit: (u: number, v: number, df: number) => void) => {
    for (let u = 0, v = 0; u < own.keys.length && v < other.keys.length; ) {
      const x = own.keys[u] as number;
      const y = other.keys[v] as number;
      if (x < y) u++;
      else if (x > y) v++;
      else {
        const df = (own.start[u + 1] as number) - (own.start[u] as number) + (other.start[v + 1] as number) - (other.start[v] as number);
        if (df <= MAX_SHINGLE_TASKS) visit(u, v, df);
        u++;
        v++;
      }
    }
  };
  join((u) => {
    for (let k = own.start[u] as number; k < (own.start[u + 1] as number); k++) {
      const t = (own.tasks[k] as number) + 1;
      offsets[t] = (offsets[t] as number) + 1;
    }
  });
  for (let t = 0; t < tasks; t++) offsets[t + 1] = (offsets[t + 1] as number) + (offsets[t] as number);
  const items = new Float64Array(offsets[tasks] as number);
  const filled = offsets.slice(0, tasks);
  join((u, v, df) => {
    for (let k = own.start[u] as number; k < (own.start[u + 1] as number); k++) {
      const t = own.tasks[k] as number;
      items[filled[t] as number] = df * 2 ** 31 + v;
      filled[t] = (filled[t] as number) + 1;
    }
  });
  for (let t = 0; t < tasks; t++) items.subarray(offsets[t], offsets[t + 1]).sort();
  return { offsets, items };
};

/** The best CANDIDATES_PER_TASK of `touched`: most shared shingles first, then by rank. */
const topK = (touched: readonly number[], count: Int32Array, others: readonly Profile[]): number[] => {
  const better = (x: number, y: number) => (count[x] as number) > (count[y] as number) || (count[x] === count[y] && (others[x] as Profile).rank < (others[y] as Profile).rank);
  const top: number[] = [];
  for (const o of touched) {
    if (top.length === CANDIDATES_PER_TASK && !better(o, top[top.length - 1] as number)) continue;
    if (top.length === CANDIDATES_PER_TASK) top.pop();
    let k = top.length;
    top.push(o);
    while (k > 0 && better(o, top[k - 1] as number)) {
      top[k] = top[k - 1] as number;
      k--;
    }
    top[k] = o;
  }
  return top;
};

/**
 * Candidate pairs (i in a, j in b) from shared shingles of the keys, skipping the tasks in
 * `skipA` / `skipB`. Each task takes its {@link SHINGLES_PER_TASK} rarest shingles that the other
 * plan also has (leaving out those in more than {@link MAX_SHINGLE_TASKS} tasks), counts the
 * tasks of the other plan that have them, and keeps the best {@link CANDIDATES_PER_TASK}. A pair
 * is a candidate when either of its tasks kept it. Cost: sorts of all the shingles, plus at most
 * SHINGLES_PER_TASK · MAX_SHINGLE_TASKS counts per task — linear in the tasks, not quadratic.
 */
export const candidatePairs = (a: readonly Profile[], b: readonly Profile[], skipA: Uint8Array, skipB: Uint8Array): Array<[number, number]> => {
  const sa = a.map((p, i) => (skipA[i] === 1 ? new Float64Array(0) : shinglesOf(p.key)));
  const sb = b.map((p, j) => (skipB[j] === 1 ? new Float64Array(0) : shinglesOf(p.key)));
  const ia = postingsOf(sa, skipA);
  const ib = postingsOf(sb, skipB);
  const keep = new Set<number>();
  const best = (own: Postings, other: Postings, mine: number, others: readonly Profile[], code: (self: number, o: number) => number) => {
    const { offsets, items } = sharedShingles(own, other, mine);
    const count = new Int32Array(others.length);
    const touched: number[] = [];
    for (let self = 0; self < mine; self++) {
      // The task's rarest shared shingles propose its candidates (prefix filtering).
      const to = Math.min(offsets[self + 1] as number, (offsets[self] as number) + SHINGLES_PER_TASK);
      for (let c = offsets[self] as number; c < to; c++) {
        const at = (items[c] as number) % 2 ** 31;
        for (let k = other.start[at] as number; k < (other.start[at + 1] as number); k++) {
          const o = other.tasks[k] as number;
          if (count[o] === 0) touched.push(o);
          count[o] = (count[o] as number) + 1;
        }
      }
      for (const o of topK(touched, count, others)) keep.add(code(self, o));
      for (const o of touched) count[o] = 0;
      touched.length = 0;
    }
  };
  best(ia, ib, a.length, b, (i, j) => i * b.length + j);
  best(ib, ia, b.length, a, (j, i) => i * b.length + j);
  return [...keep].map((code) => {
    const i = Math.floor(code / b.length);
    return [i, code - i * b.length];
  });
};

/** White space (and control characters) and sentence ends 。！？；: phrases do not cross them. */
const isBreak = (c: number): boolean =>
  c <= 0x20 || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
/** Phrases longer than this are cut (at a comma when there is one). */
const LONGEST = 40;
const LEADING = /^[^\p{L}\p{N}“‘《（〔【(]+/u;
const TRAILING = /[^\p{L}\p{N}”’》）〕】)]+$/u;

const shorten = (p: string): string => {
  if (p.length <= LONGEST) return p;
  const comma = Math.max(p.lastIndexOf("，", LONGEST), p.lastIndexOf("、", LONGEST));
  return (comma >= 8 ? p.slice(0, comma) : p.slice(0, LONGEST)).replace(TRAILING, "");
};

/** For each position, how many characters from there on are not a break. */
const clearRuns = (s: string): Int32Array => {
  const out = new Int32Array(s.length + 1);
  for (let i = s.length - 1; i >= 0; i--) out[i] = isBreak(s.charCodeAt(i)) ? 0 : (out[i + 1] as number) + 1;
  return out;
};

/**
 * Phrases two texts share, as written: the longest common runs of at least `min` characters that
 * cross no white space or sentence end, trimmed of punctuation at their ends, cut to at most 40
 * characters, longest first. Every phrase is a substring of both texts. Linear in the texts: each
 * window of `a` keeps at most 16 positions.
 */
export const sharedPhrases = (a: string, b: string, max: number, min = 4): string[] => {
  if (max <= 0) return [];
  const clearA = clearRuns(a);
  const clearB = clearRuns(b);
  const at = new Map<number, number[]>();
  for (let i = 0; i + min <= a.length; i++) {
    if ((clearA[i] as number) < min) continue;
    const h = hashAt(a, i, min);
    const list = at.get(h);
    if (list === undefined) at.set(h, [i]);
    else if (list.length < 16) list.push(i);
  }
  const found = new Map<string, number>();
  let j = 0;
  while (j + min <= b.length) {
    const positions = (clearB[j] as number) < min ? undefined : at.get(hashAt(b, j, min));
    let best = 0;
    for (const p of positions ?? []) {
      const limit = Math.min(clearA[p] as number, clearB[j] as number);
      let l = 0;
      while (l < limit && a.charCodeAt(p + l) === b.charCodeAt(j + l)) l++;
      if (l >= min && l > best) best = l;
    }
    if (best === 0) {
      j++;
      continue;
    }
    const phrase = shorten(b.slice(j, j + best).replace(LEADING, "").replace(TRAILING, ""));
    if (phrase.length >= min && !found.has(phrase)) found.set(phrase, j);
    j += best;
  }
  return [...found]
    .sort((x, y) => y[0].length - x[0].length || x[1] - y[1])
    .slice(0, max)
    .map(([p]) => p);
};
