// The similarity index behind alignPlans, diffPlans and planCoverage, after git's rename
// detection: exact matches first; then candidate pairs from an index of shared character
// shingles (never every pair); each candidate scored on weighted character bigrams; best matches
// first above a threshold. All arithmetic on scores is on integers, and every tie is broken by the
// tasks' text and id, so results depend neither on task order nor on the host.

import { normalizeText } from "../text/normalize.js";

/** What the index keeps of one task. */
export interface Profile {
  /** The text as written: shared phrases and diffs are cut from it. */
  readonly text: string;
  /** Letters and digits of the normalised text: exact matches and shingles. */
  readonly key: string;
  /** key, then id: the total order that breaks ties. */
  readonly order: string;
  /** Sorted distinct character bigrams of the key (two UTF-16 units in one number). */
  readonly grams: Float64Array;
  /** The weight of each gram (same index as grams). */
  weights: Uint8Array;
  /** Sum of the weights. */
  total: number;
}

/** Letters and digits only, after width and punctuation normalisation. */
export const contentKey = (text: string): string => normalizeText(text).replace(/[^\p{L}\p{N}]+/gu, "");

export const profileOf = (text: string, id: string): Profile => {
  const key = contentKey(text);
  const codes = new Float64Array(Math.max(0, key.length - 1));
  for (let i = 0; i + 1 < key.length; i++) codes[i] = key.charCodeAt(i) * 65536 + key.charCodeAt(i + 1);
  codes.sort();
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (i === 0 || codes[i] !== codes[i - 1]) codes[n++] = codes[i] as number;
  return { text, key, order: `${key}\u0000${id}`, grams: codes.slice(0, n), weights: new Uint8Array(0), total: 0 };
};

/** Number of bits of a positive integer. */
const bitLength = (n: number): number => 32 - Math.clz32(n);

/**
 * Weight every gram by how rare it is among all the tasks of both plans (an integer inverse
 * document frequency: the bit length of 8·tasks/df), so that 法治、政府、建设 count for less than
 * 减上补下.
 */
export const weighGrams = (profiles: readonly Profile[]): void => {
  const df = new Map<number, number>();
  for (const p of profiles) for (const g of p.grams) df.set(g, (df.get(g) ?? 0) + 1);
  const n = profiles.length;
  for (const p of profiles) {
    const w = new Uint8Array(p.grams.length);
    let total = 0;
    for (let i = 0; i < w.length; i++) {
      w[i] = bitLength(Math.floor((8 * n) / (df.get(p.grams[i] as number) as number)));
      total += w[i] as number;
    }
    p.weights = w;
    p.total = total;
  }
};

/** The weight of the grams two profiles share. */
export const sharedWeight = (a: Profile, b: Profile): number => intersect(a.grams, a.weights, b.grams);

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
 * smaller of the two tasks' orders first, then the larger.
 */
export const compareLinks = (a1: Profile, b1: Profile, a2: Profile, b2: Profile): number => {
  const [lo1, hi1] = a1.order <= b1.order ? [a1.order, b1.order] : [b1.order, a1.order];
  const [lo2, hi2] = a2.order <= b2.order ? [a2.order, b2.order] : [b2.order, a2.order];
  return compareStrings(lo1, lo2) || compareStrings(hi1, hi2);
};

/** Length of the shingles that propose candidate pairs. */
const SHINGLE = 4;
/** Shingles found in more tasks than this are too common to propose candidates (they still score). */
export const MAX_SHINGLE_TASKS = 48;
/** Each task keeps at most this many candidates (by shared shingles), on each side. */
export const CANDIDATES_PER_TASK = 12;

/**
 * Candidate pairs (i in a, j in b) from shared shingles of the keys, skipping the tasks in
 * `skipA` / `skipB`. A pair is kept when it is among the best {@link CANDIDATES_PER_TASK} of
 * either task. Cost: the shingles, plus at most MAX_SHINGLE_TASKS² per kept shingle.
 */
export const candidatePairs = (a: readonly Profile[], b: readonly Profile[], skipA: Uint8Array, skipB: Uint8Array): Array<[number, number]> => {
  const postings = new Map<string, { a: number[]; b: number[] }>();
  const post = (ps: readonly Profile[], skip: Uint8Array, side: "a" | "b") => {
    ps.forEach((p, i) => {
      if (skip[i] === 1) return;
      for (let k = 0; k + SHINGLE <= p.key.length; k++) {
        const s = p.key.slice(k, k + SHINGLE);
        let entry = postings.get(s);
        if (entry === undefined) postings.set(s, (entry = { a: [], b: [] }));
        const list = entry[side];
        if (list[list.length - 1] !== i) list.push(i);
      }
    });
  };
  post(a, skipA, "a");
  post(b, skipB, "b");
  const counts = new Map<number, number>();
  for (const { a: pa, b: pb } of postings.values()) {
    if (pa.length === 0 || pb.length === 0 || pa.length + pb.length > MAX_SHINGLE_TASKS) continue;
    for (const i of pa) for (const j of pb) counts.set(i * b.length + j, (counts.get(i * b.length + j) ?? 0) + 1);
  }
  const byA = new Map<number, Array<[number, number]>>();
  const byB = new Map<number, Array<[number, number]>>();
  for (const [code, n] of counts) {
    const i = Math.floor(code / b.length);
    const j = code - i * b.length;
    (byA.get(i) ?? byA.set(i, []).get(i))!.push([j, n]);
    (byB.get(j) ?? byB.set(j, []).get(j))!.push([i, n]);
  }
  const keep = new Set<number>();
  const best = (lists: Map<number, Array<[number, number]>>, others: readonly Profile[], code: (self: number, other: number) => number) => {
    for (const [self, list] of lists) {
      list.sort((x, y) => y[1] - x[1] || compareStrings((others[x[0]] as Profile).order, (others[y[0]] as Profile).order));
      for (const [other] of list.slice(0, CANDIDATES_PER_TASK)) keep.add(code(self, other));
    }
  };
  best(byA, b, (i, j) => i * b.length + j);
  best(byB, a, (j, i) => i * b.length + j);
  return [...keep].map((code) => {
    const i = Math.floor(code / b.length);
    return [i, code - i * b.length];
  });
};

/** White space and sentence ends: phrases do not cross them. */
const BREAK = /[\s。！？；]/;
const isBreak = (c: string | undefined): boolean => c === undefined || BREAK.test(c);
/** Phrases longer than this are cut (at a comma when there is one). */
const LONGEST = 40;
const LEADING = /^[^\p{L}\p{N}“‘《（〔【(]+/u;
const TRAILING = /[^\p{L}\p{N}”’》）〕】)]+$/u;

const shorten = (p: string): string => {
  if (p.length <= LONGEST) return p;
  const comma = Math.max(p.lastIndexOf("，", LONGEST), p.lastIndexOf("、", LONGEST));
  return (comma >= 8 ? p.slice(0, comma) : p.slice(0, LONGEST)).replace(TRAILING, "");
};

/**
 * Phrases two texts share, as written: the longest common runs (not crossing white space) of at
 * least `min` characters, trimmed of punctuation at their ends, longest first. Every phrase is a
 * substring of both texts; none crosses a sentence end, and none is longer than 40 characters. Linear in the texts (each window of `a` keeps at most 16 positions).
 */
export const sharedPhrases = (a: string, b: string, max: number, min = 4): string[] => {
  if (max <= 0) return [];
  const at = new Map<string, number[]>();
  for (let i = 0; i + min <= a.length; i++) {
    const w = a.slice(i, i + min);
    if (BREAK.test(w)) continue;
    const list = at.get(w);
    if (list === undefined) at.set(w, [i]);
    else if (list.length < 16) list.push(i);
  }
  const found = new Map<string, number>();
  let j = 0;
  while (j + min <= b.length) {
    const positions = at.get(b.slice(j, j + min));
    if (positions === undefined) {
      j++;
      continue;
    }
    let best = 0;
    for (const p of positions) {
      let l = min;
      while (p + l < a.length && j + l < b.length && a[p + l] === b[j + l] && !isBreak(a[p + l])) l++;
      if (l > best) best = l;
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
