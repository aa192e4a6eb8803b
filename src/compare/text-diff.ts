// A character-level diff: Myers' O((N+M)·D) algorithm in linear space (divide and conquer at the
// point where the forward and backward searches meet), on code points, with the common prefix and
// suffix taken off first. A budget on the work makes it safe on long, very different texts: when
// it runs out, what is left is shown as one deletion and one insertion.

import type { TextEdit } from "../model/compare.js";

/** Work allowed per diff (diagonals visited and characters compared); some milliseconds. */
export const DIFF_BUDGET = 2_000_000;

type Op = TextEdit["op"];

interface State {
  readonly a: Int32Array;
  readonly b: Int32Array;
  budget: number;
  readonly ops: Array<[Op, number, number]>;
}

const emit = (s: State, op: Op, from: number, to: number): void => {
  if (to > from) s.ops.push([op, from, to]);
};

/**
 * Diff a[a0, a1) against b[b0, b1). Emits [op, from, to) ranges: into a for equal and delete,
 * into b for insert.
 */
const diffRange = (s: State, a0: number, a1: number, b0: number, b1: number): void => {
  const { a, b } = s;
  let start = 0;
  while (a0 + start < a1 && b0 + start < b1 && a[a0 + start] === b[b0 + start]) start++;
  emit(s, "equal", a0, a0 + start);
  a0 += start;
  b0 += start;
  let end = 0;
  while (a1 - end > a0 && b1 - end > b0 && a[a1 - end - 1] === b[b1 - end - 1]) end++;
  const tailFrom = a1 - end;
  a1 -= end;
  b1 -= end;
  if (a0 === a1) emit(s, "insert", b0, b1);
  else if (b0 === b1) emit(s, "delete", a0, a1);
  else {
    const split = s.budget > 0 ? middle(s, a0, a1, b0, b1) : undefined;
    if (split === undefined) {
      emit(s, "delete", a0, a1);
      emit(s, "insert", b0, b1);
    } else {
      diffRange(s, a0, split[0], b0, split[1]);
      diffRange(s, split[0], a1, split[1], b1);
    }
  }
  emit(s, "equal", tailFrom, tailFrom + end);
};

/**
 * Where a shortest edit path of a[a0, a1) → b[b0, b1) crosses its middle: search forward from
 * the start and backward from the end, one edit at a time, until the paths overlap. Returns the
 * point (x, y) in absolute offsets, or undefined when the budget runs out or nothing is shared.
 */
const middle = (s: State, a0: number, a1: number, b0: number, b1: number): [number, number] | undefined => {
  const { a, b } = s;
  const n = a1 - a0;
  const m = b1 - b0;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD + 1;
  const size = 2 * maxD + 3;
  const fwd = new Int32Array(size).fill(-1);
  const bwd = new Int32Array(size).fill(-1);
  fwd[offset + 1] = 0;
  bwd[offset + 1] = 0;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  let kFwdLo = 0;
  let kFwdHi = 0;
  let kBwdLo = 0;
  let kBwdHi = 0;
  for (let d = 0; d < maxD; d++) {
    s.budget -= 2 * d + 2;
    if (s.budget < 0) return undefined;
    for (let k = -d + kFwdLo; k <= d - kFwdHi; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && (fwd[i - 1] as number) < (fwd[i + 1] as number)) ? (fwd[i + 1] as number) : (fwd[i - 1] as number) + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      s.budget -= x - x0;
      fwd[i] = x;
      if (x > n) kFwdHi += 2;
      else if (y > m) kFwdLo += 2;
      else if (odd) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && (bwd[j] as number) !== -1 && x >= n - (bwd[j] as number)) return [a0 + x, b0 + y];
      }
    }
    for (let k = -d + kBwdLo; k <= d - kBwdHi; k += 2) {
      const i = offset + k;
      let x = k === -d || (k !== d && (bwd[i - 1] as number) < (bwd[i + 1] as number)) ? (bwd[i + 1] as number) : (bwd[i - 1] as number) + 1;
      let y = x - k;
      const x0 = x;
      while (x < n && y < m && a[a1 - x - 1] === b[b1 - y - 1]) {
        x++;
        y++;
      }
      s.budget -= x - x0;
      bwd[i] = x;
      if (x > n) kBwdHi += 2;
      else if (y > m) kBwdLo += 2;
      else if (!odd) {
        const j = offset + delta - k;
        if (j >= 0 && j < size && (fwd[j] as number) !== -1) {
          const fx = fwd[j] as number;
          if (fx >= n - x) return [a0 + fx, b0 + fx - (j - offset)];
        }
      }
    }
  }
  return undefined;
};

const codePoints = (text: string): Int32Array => Int32Array.from(text, (c) => c.codePointAt(0) as number);
const textOf = (cps: Int32Array, from: number, to: number): string => {
  let out = "";
  for (let k = from; k < to; k += 4096) out += String.fromCodePoint(...cps.subarray(k, Math.min(to, k + 4096)));
  return out;
};

/**
 * Merge runs of the same op, and fold an equal run of a single character that sits between
 * changes into them, so that a reworded clause reads as one deletion and one insertion rather
 * than as a comb of coincidences.
 */
const tidy = (pieces: readonly TextEdit[]): TextEdit[] => {
  const out: TextEdit[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del !== "") out.push({ op: "delete", text: del });
    if (ins !== "") out.push({ op: "insert", text: ins });
    del = "";
    ins = "";
  };
  pieces.forEach((p, k) => {
    if (p.op === "delete") del += p.text;
    else if (p.op === "insert") ins += p.text;
    else if ((del !== "" || ins !== "") && k + 1 < pieces.length && [...p.text].length === 1) {
      del += p.text;
      ins += p.text;
    } else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") out[out.length - 1] = { op: "equal", text: last.text + p.text };
      else out.push(p);
    }
  });
  flush();
  return out;
};

/**
 * The shortest edit script of two texts (Myers), as pieces in order: the equal and deleted pieces
 * spell `a`, the equal and inserted pieces spell `b`. Minimal within the work budget; beyond it,
 * what is left is one deletion and one insertion.
 */
export const editScript = (a: string, b: string, budget = DIFF_BUDGET): TextEdit[] => {
  const s: State = { a: codePoints(a), b: codePoints(b), budget, ops: [] };
  diffRange(s, 0, s.a.length, 0, s.b.length);
  const pieces: TextEdit[] = [];
  for (const [op, from, to] of s.ops) {
    const text = textOf(op === "insert" ? s.b : s.a, from, to);
    const last = pieces[pieces.length - 1];
    if (last?.op === op) pieces[pieces.length - 1] = { op, text: last.text + text };
    else pieces.push({ op, text });
  }
  return pieces;
};

/**
 * The character-level diff of two texts as people read it: the edit script, with a single shared
 * character between two changes folded into them. Still spells `a` and `b` as above.
 */
export const diffText = (a: string, b: string, budget = DIFF_BUDGET): TextEdit[] => tidy(editScript(a, b, budget));
