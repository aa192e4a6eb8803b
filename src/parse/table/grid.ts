import type { CellRef, SourceSpan } from "../../model/diagnostic.js";
import { type ColumnKind, classifyHeader, headerKinds, isHeader, roleOf } from "./columns.js";
import { isUnitLike } from "./cells.js";

/**
 * 合并单元格区域（与 SheetJS 的 `ws["!merges"]` 同形）：`s` 为左上角，`e` 为右下角（含），行列从 0 开始。
 * A merged range, the shape of SheetJS's `ws["!merges"]`: `s` the top-left cell, `e` the bottom-right
 * (inclusive), 0-based rows (`r`) and columns (`c`).
 *
 * @category Parsing
 * @example
 * // 序号“5”和责任单位跨两行 / the number and the unit cell span two rows
 * const merges: TableMerge[] = [{ s: { r: 5, c: 0 }, e: { r: 6, c: 0 } }, { s: { r: 5, c: 2 }, e: { r: 6, c: 2 } }];
 */
export interface TableMerge {
  readonly s: { readonly r: number; readonly c: number };
  readonly e: { readonly r: number; readonly c: number };
}

/**
 * The table as the reader sees it: rows of raw cell strings (transposed for a sideways table), which
 * cells a merged range covers, and the caller's coordinates of every cell.
 */
export interface Grid {
  readonly cells: readonly (readonly string[])[];
  /** For a cell covered by a merged range (not its top-left): the top-left, in grid coordinates. */
  readonly covered: ReadonlyMap<number, readonly [number, number]>;
  readonly width: number;
  readonly sideways: boolean;
  /** The cell's position in the caller's rows (and table index, for Word files). */
  readonly ref: (row: number, column: number) => CellRef;
  /** Whether the caller's rows have this cell (rows can be ragged). */
  readonly has: (row: number, column: number) => boolean;
}

const key = (row: number, column: number, width: number): number => row * width + column;

/**
 * Columns read at most (task tables have a dozen or so). Cells past it are left out, so that a
 * ragged sheet with one very long row cannot make the work grow with rows × that row's length.
 */
export const MAX_COLUMNS = 64;

/** Coerce whatever came in to rows of strings (numbers and booleans as text, anything else empty). */
export const toRows = (input: unknown): string[][] | undefined => {
  if (!Array.isArray(input)) return undefined;
  return input.map((row) => (Array.isArray(row) ? row.map((c) => (typeof c === "string" ? c : typeof c === "number" || typeof c === "boolean" ? String(c) : "")) : []));
};

/** Build the grid from rows and merged ranges (ranges are clipped to the rows; bad ones are skipped and counted; columns past {@link MAX_COLUMNS} are left out). */
export const makeGrid = (input: readonly (readonly string[])[], merges: readonly TableMerge[], table: number | undefined): { grid: Grid; badMerges: number; truncated: boolean } => {
  const truncated = input.some((r) => r.length > MAX_COLUMNS);
  const rows = truncated ? input.map((r) => (r.length > MAX_COLUMNS ? r.slice(0, MAX_COLUMNS) : r)) : input;
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const covered = new Map<number, readonly [number, number]>();
  let badMerges = 0;
  for (const m of merges) {
    const ok = m !== null && typeof m === "object" && [m.s?.r, m.s?.c, m.e?.r, m.e?.c].every((v) => Number.isInteger(v) && (v as number) >= 0);
    if (!ok || m.e.r < m.s.r || m.e.c < m.s.c) {
      badMerges += 1;
      continue;
    }
    for (let r = m.s.r; r <= Math.min(m.e.r, rows.length - 1); r++) {
      for (let c = m.s.c; c <= Math.min(m.e.c, width - 1); c++) {
        if (r !== m.s.r || c !== m.s.c) covered.set(key(r, c, width), [m.s.r, m.s.c]);
      }
    }
  }
  const ref = (row: number, column: number): CellRef => (table === undefined ? { row, column } : { table, row, column });
  const has = (row: number, column: number): boolean => column < (rows[row]?.length ?? 0);
  return { grid: { cells: rows, covered, width, sideways: false, ref, has }, badMerges, truncated };
};

/** The same table turned sideways: columns become rows (a table with one item per column). */
export const transpose = (g: Grid): Grid => {
  const height = g.cells.length;
  const cells: string[][] = Array.from({ length: g.width }, (_, c) => Array.from({ length: height }, (_, r) => g.cells[r]?.[c] ?? ""));
  const covered = new Map<number, readonly [number, number]>();
  for (const [k, [r0, c0]] of g.covered) {
    const r = Math.floor(k / g.width);
    const c = k % g.width;
    covered.set(key(c, r, height), [c0, r0]);
  }
  return { cells, covered, width: height, sideways: true, ref: (row, column) => g.ref(column, row), has: (row, column) => g.has(column, row) };
};

/** A span at the first cell a row really has (for a diagnostic about the whole row). */
export const rowStart = (g: Grid, row: number): SourceSpan => {
  let c = 0;
  while (c < g.width - 1 && !g.has(row, c)) c += 1;
  return { start: 0, end: 0, line: 1, cell: g.ref(row, c) };
};

/** A data line of the grid named for people (1-based): a row, or a column of a sideways table. */
export const lineName = (g: Grid, row: number): readonly [string, string] => (g.sideways ? [`第${row + 1}列`, `Column ${row + 1}`] : [`第${row + 1}行`, `Row ${row + 1}`]);

/** The top-left cell of the merged range covering a cell, if it is covered. */
export const coverOf = (g: Grid, row: number, column: number): readonly [number, number] | undefined => g.covered.get(key(row, column, g.width));

/** A cell's own raw text: empty when a merged range covers it (only the top-left holds the text). */
export const ownText = (g: Grid, row: number, column: number): string => (coverOf(g, row, column) !== undefined ? "" : (g.cells[row]?.[column] ?? ""));

/** Rows scanned for a header before giving up (a header is near the top; the scan stays cheap on huge sheets). */
const HEADER_SCAN = 200;

/** The first row that reads as a task-table header, with its column kinds. */
export const findHeaderRow = (g: Grid, extra: Readonly<Record<string, ColumnKind>>): { row: number; kinds: Array<ColumnKind | undefined> } | undefined => {
  const limit = Math.min(g.cells.length, HEADER_SCAN);
  for (let r = 0; r < limit; r++) {
    const kinds = headerKinds((g.cells[r] as readonly string[]).map((_, c) => ownText(g, r, c)), extra);
    if (isHeader(kinds)) return { row: r, kinds };
  }
  return undefined;
};

/**
 * Whether the table is sideways: the first column holds header words down the rows (具体任务 / 责任单位 /
 * 完成时限 as row labels), or a unit label (责任单位) whose row is mostly unit names.
 */
export const looksSideways = (g: Grid, extra: Readonly<Record<string, ColumnKind>>): boolean => {
  const limit = Math.min(g.cells.length, HEADER_SCAN);
  const labels: Array<ColumnKind | undefined> = [];
  for (let r = 0; r < limit; r++) {
    const kind = classifyHeader(ownText(g, r, 0), extra);
    labels.push(kind);
    if (kind === undefined || roleOf(kind) === undefined) continue;
    const rest = (g.cells[r] as readonly string[]).slice(1).filter((c) => c.trim().length > 0);
    if (rest.length > 0 && rest.filter((c) => isUnitLike(c)).length * 2 >= rest.length && !isHeader(headerKinds(g.cells[r] as readonly string[], extra))) return true;
  }
  return isHeader(labels);
};
