import type { ColumnKind } from "./columns.js";
import { SERIAL, isDeadlineLike, isLongText, isPersonLike, isUnitLike } from "./cells.js";

/**
 * Aligning pieces of text to columns, for rows whose cells are not all there (a merged cell copied
 * once, a fragment cut short) or came apart (one unit per paragraph). Each piece goes to a column;
 * columns run left to right, consecutive pieces may share a cell, columns may stay empty, and a
 * piece may start a continuation row (the next row of a merged 序号, as in 大竹 item 5). The best
 * assignment by how well each piece fits its column's kind wins (Viterbi over pieces × columns).
 */

/** What a piece looks like, computed once. */
interface Shape {
  readonly serial: boolean;
  readonly unit: boolean;
  readonly deadline: boolean;
  readonly person: boolean;
  readonly long: boolean;
  readonly blank: boolean;
}

const shapeOf = (text: string): Shape => {
  const t = text.trim();
  return { serial: SERIAL.test(t), unit: isUnitLike(t), deadline: isDeadlineLike(t), person: isPersonLike(t), long: isLongText(t), blank: t.length === 0 };
};

/** How well a piece fits a column kind (higher is better). */
const fit = (kind: ColumnKind, s: Shape): number => {
  if (s.blank) return 0;
  switch (kind) {
    case "serial":
      return s.serial ? 4 : -6;
    case "task":
    case "detail":
    case "section":
      return s.serial ? -4 : s.unit ? -2 : s.long ? 2 : s.deadline ? -1 : 0.5;
    case "lead":
    case "responsible":
    case "support":
      return s.unit ? 3 : s.serial ? -5 : s.deadline ? -2 : s.long ? -3 : -1;
    case "deadline":
      return s.deadline ? (s.long ? 1 : 3) : s.serial ? -3 : s.unit ? -2 : -1;
    case "person":
      return s.person ? 2 : s.serial ? -3 : s.unit ? -2 : s.long ? -2 : -0.5;
    case "progress":
    case "note":
    case "other":
      return s.serial ? -2 : s.long ? 1 : 0;
    default: {
      const never: never = kind;
      return never;
    }
  }
};

/** The cost of a second piece in the same cell. */
const joinCost = (kind: ColumnKind, a: Shape, b: Shape): number => {
  if (kind === "lead" || kind === "responsible" || kind === "support") return a.unit && b.unit ? -0.3 : -1;
  if (kind === "serial") return -6;
  if (kind === "deadline") return -1.5;
  return -0.5;
};

/** The cost of leaving a column empty between two pieces of one row. */
const skipCost = (kind: ColumnKind): number =>
  kind === "task" ? -3 : kind === "serial" ? -1.5 : kind === "lead" || kind === "responsible" || kind === "support" || kind === "deadline" ? -0.8 : kind === "section" ? -0.2 : -0.3;

const WRAP = -3;

/**
 * The costs of skipping columns, summed once per list of column kinds: `gap[q * n + c]` for the
 * columns strictly between q and c, `wrap[c]` for a continuation row starting in column c, `lead[c]`
 * for the columns before the first piece. Each sum adds its terms left to right, as the search
 * would, so it gives the same numbers; the search is then pieces × columns² instead of × columns³.
 */
interface SkipSums {
  readonly gap: Float64Array;
  readonly wrap: Float64Array;
  readonly lead: Float64Array;
}

const skipSumsCache = new WeakMap<readonly ColumnKind[], SkipSums>();

const skipSums = (kinds: readonly ColumnKind[]): SkipSums => {
  const cached = skipSumsCache.get(kinds);
  if (cached !== undefined) return cached;
  const n = kinds.length;
  const cost = kinds.map(skipCost);
  const gap = new Float64Array(n * n);
  for (let q = 0; q < n; q++) {
    let sum = 0;
    for (let c = q + 1; c < n; c++) {
      gap[q * n + c] = sum;
      sum += cost[c] as number;
    }
  }
  const wrap = new Float64Array(n);
  const lead = new Float64Array(n);
  let w = WRAP;
  let l = 0;
  for (let c = 0; c < n; c++) {
    wrap[c] = w;
    lead[c] = l;
    if (c >= 1) w += (cost[c] as number) / 2;
    l += cost[c] as number;
  }
  const sums = { gap, wrap, lead };
  skipSumsCache.set(kinds, sums);
  return sums;
};

/** One row of aligned pieces: for each column, the indexes of its pieces (in order). */
export type AlignedRow = number[][];

/** Rows at most this long are aligned; longer ones are left as they are (the search is pieces × columns²). */
export const ALIGN_MAX_PIECES = 120;
/** Tables wider than this are not aligned (pieces go to columns in order). */
const ALIGN_MAX_COLUMNS = 64;

/**
 * Align pieces to columns. Returns the rows (the first, then any continuation rows), each with one
 * list of piece indexes per column. With `join: false` every piece is a cell of its own (pieces that
 * are known to be whole cells, as between `|` separators).
 */
export const alignPieces = (pieces: readonly string[], kinds: readonly ColumnKind[], options: { join?: boolean } = {}): AlignedRow[] => {
  const canJoin = options.join ?? true;
  const n = kinds.length;
  const p = pieces.length;
  if (p === 0 || n === 0) return [];
  if (n > ALIGN_MAX_COLUMNS) return [kinds.map((_, c) => (c < p ? [c] : []))];
  const shapes = pieces.map(shapeOf);
  const { gap, wrap, lead } = skipSums(kinds);
  // score[i][c]: best score with piece i in column c; back[i][c]: the column of piece i-1 (or -1).
  const score: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let i = 0; i < p; i++) {
    const s = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
    const b = new Int32Array(n).fill(-1);
    const shape = shapes[i] as Shape;
    for (let c = 0; c < n; c++) {
      const kind = kinds[c] as ColumnKind;
      const own = fit(kind, shape);
      if (i === 0) {
        s[c] = own + (lead[c] as number);
        continue;
      }
      const prev = score[i - 1] as Float64Array;
      for (let q = 0; q < n; q++) {
        const base = prev[q] as number;
        if (base === Number.NEGATIVE_INFINITY) continue;
        let step: number;
        if (q === c) {
          if (!canJoin) continue;
          step = joinCost(kind, shapes[i - 1] as Shape, shape);
        }
        else if (q < c) step = gap[q * n + c] as number;
        // a continuation row: the columns before c are merged cells of the row above
        else step = wrap[c] as number;
        const total = base + step + own;
        if (total > (s[c] as number)) {
          s[c] = total;
          b[c] = q;
        }
      }
    }
    score.push(s);
    back.push(b);
  }
  const last = score[p - 1] as Float64Array;
  let c = 0;
  for (let k = 1; k < n; k++) if ((last[k] as number) > (last[c] as number)) c = k;
  const columns = new Int32Array(p);
  for (let i = p - 1; i >= 0; i--) {
    columns[i] = c;
    c = (back[i] as Int32Array)[c] as number;
  }
  const rows: AlignedRow[] = [];
  let row: AlignedRow | undefined;
  for (let i = 0; i < p; i++) {
    const col = columns[i] as number;
    if (row === undefined || (i > 0 && col < (columns[i - 1] as number))) {
      row = Array.from({ length: n }, () => []);
      rows.push(row);
    }
    (row[col] as number[]).push(i);
  }
  return rows;
};
