import { ALIGN_MAX_PIECES, alignPieces } from "./align.js";
import { type ColumnKind, classifyHeader, isHeader, markGroupingColumns } from "./columns.js";
import { SECTION_MARK, SERIAL } from "./cells.js";
import { MAX_COLUMNS } from "./grid.js";

/** A piece of the text: [start, end) offsets, trimmed. */
export interface Piece {
  readonly start: number;
  readonly end: number;
}

/** Rows of cells as offsets into the text (undefined: an empty cell). */
export type CellSpans = Array<Array<Piece | undefined>>;

/** The trimmed piece of `text[start, end)`, or undefined when it is blank. */
export const trimPiece = (text: string, start: number, end: number): Piece | undefined => {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(text[a] as string)) a += 1;
  while (b > a && /\s/.test(text[b - 1] as string)) b -= 1;
  return a < b ? { start: a, end: b } : undefined;
};

/** Web-page debris that ends a copied table (分享到, 打印本页 …). */
const PAGE_END = /^(分享到|打印本页|【打印】|【关闭】|关闭窗口|扫一扫|相关链接|上一篇|下一篇)/;

/** The first run of at least `min` consecutive pieces that names a task-table header. */
export const headerRun = (text: string, pieces: readonly Piece[], min: number): { at: number; kinds: ColumnKind[] } | undefined => {
  // The kinds come back with grouping columns (主要工作目标 before the task text) marked as sections.
  const at = (p: Piece) => classifyHeader(text.slice(p.start, p.end));
  for (let i = 0; i < pieces.length; i++) {
    if (at(pieces[i] as Piece) === undefined) continue;
    const kinds: ColumnKind[] = [];
    let j = i;
    for (; j < pieces.length; j++) {
      const k = at(pieces[j] as Piece);
      if (k === undefined) break;
      kinds.push(k);
    }
    if (kinds.length >= min && kinds.length <= MAX_COLUMNS && isHeader(kinds)) {
      markGroupingColumns(kinds, pieces.slice(i, j).map((p) => text.slice(p.start, p.end)));
      return { at: i, kinds };
    }
    i = j;
  }
  return undefined;
};

/**
 * Cut the pieces after a header into rows: a row starts at a number in the 序号 column (the next
 * number, or a larger one once the row above is nearly complete) and a section heading (一、…) at a
 * row boundary is a row of its own. Without a 序号 column all pieces form one run. Page debris ends the table.
 */
const segment = (text: string, pieces: readonly Piece[], kinds: readonly ColumnKind[]): Array<{ section: boolean; pieces: Piece[] }> => {
  const hasSerial = kinds[0] === "serial";
  const out: Array<{ section: boolean; pieces: Piece[] }> = [];
  let current: { section: boolean; pieces: Piece[] } | undefined;
  let last = 0;
  for (const p of pieces) {
    const t = text.slice(p.start, p.end);
    if (PAGE_END.test(t)) break;
    const filled = current === undefined || current.section ? kinds.length : current.pieces.length;
    if (hasSerial && SERIAL.test(t)) {
      const n = Number.parseInt(t, 10);
      if (current === undefined || current.section || n === last + 1 || (n > last && filled >= kinds.length - 1)) {
        current = { section: false, pieces: [p] };
        out.push(current);
        last = n;
        continue;
      }
    }
    if (SECTION_MARK.test(t) && filled >= kinds.length - 1) {
      current = { section: true, pieces: [p] };
      out.push(current);
      continue;
    }
    if (current === undefined || current.section) {
      current = { section: false, pieces: [] };
      out.push(current);
    }
    current.pieces.push(p);
  }
  return out;
};

/**
 * Pieces after a header into rows of cells: each run aligned to the columns by what its pieces look
 * like (see alignPieces); a cell made of several pieces runs from the first to the last. Runs too
 * long to align are cut into rows of the header's width.
 */
export const piecesToRows = (text: string, header: readonly Piece[], kinds: readonly ColumnKind[], rest: readonly Piece[], join: boolean): CellSpans => {
  const rows: CellSpans = [header.slice()];
  for (const seg of segment(text, rest, kinds)) {
    if (seg.section) {
      rows.push([seg.pieces[0]]);
      continue;
    }
    if (seg.pieces.length > ALIGN_MAX_PIECES) {
      for (let i = 0; i < seg.pieces.length; i += kinds.length) rows.push(seg.pieces.slice(i, i + kinds.length));
      continue;
    }
    for (const aligned of alignPieces(seg.pieces.map((p) => text.slice(p.start, p.end)), kinds, { join })) {
      rows.push(
        aligned.map((ix) => {
          if (ix.length === 0) return undefined;
          return { start: (seg.pieces[ix[0] as number] as Piece).start, end: (seg.pieces[ix[ix.length - 1] as number] as Piece).end };
        }),
      );
    }
  }
  return rows;
};
