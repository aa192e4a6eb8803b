import { type SourceLine, splitLines } from "../../text/normalize.js";
import { classifyHeader, headerKinds, isHeader, markGroupingColumns, roleOf } from "./columns.js";
import { MAX_COLUMNS } from "./grid.js";
import { type CellSpans, type Piece, headerRun, piecesToRows, trimPiece } from "./pieces.js";

/**
 * 从文本中认出的表格的版式。How a table copied as text was laid out.
 *
 * - `pipe_rows`：每行一行、格间用 `|` 分隔；`pipe_cells`：每格一行（以 `|` 结尾，或格间隔一行只有 `|`）；
 * - `tabs`：每行一行、格间用制表符分隔；`spaced_header`：表头一行以空格分隔，其后各行压平、格间只有空格；
 * - `paragraph_cells`：每格一段（段间空行）；`key_value`：竖排键值对（表头一行、内容一行）。
 */
export type TextTableLayout = "pipe_rows" | "pipe_cells" | "tabs" | "spaced_header" | "paragraph_cells" | "key_value";

/** A table found in a text: rows of cells (exact substrings of the text) with their offsets. */
export interface TextTable {
  readonly layout: TextTableLayout;
  /** The cells: `rows[r][c] === text.slice(cells[r][c].start, cells[r][c].end)` ("" for an empty cell). */
  readonly rows: string[][];
  readonly cells: CellSpans;
  /** Where the table starts in the text (its first header cell). */
  readonly start: number;
}

type LayoutRule = (text: string, lines: readonly SourceLine[]) => Omit<TextTable, "rows"> | undefined;

const nonBlank = (text: string, lines: readonly SourceLine[]): Piece[] => lines.flatMap((l) => trimPiece(text, l.start, l.start + l.raw.length) ?? []);

/** Lines that are rows with cells between `|` (two or more on most lines, as in Markdown). */
const pipeRows: LayoutRule = (text, lines) => {
  const rows: CellSpans = [];
  let start = -1;
  for (const l of lines) {
    const bars = [...l.raw.matchAll(/\|/g)].map((m) => m.index);
    if (bars.length < 2) {
      if (rows.length > 0 && l.raw.trim().length > 0) break;
      continue;
    }
    if (/^[\s|:：-]+$/.test(l.raw)) continue; // |---|---|
    const edges = [-1, ...bars, l.raw.length];
    const cells: Array<Piece | undefined> = [];
    for (let k = 0; k + 1 < edges.length; k++) cells.push(trimPiece(text, l.start + (edges[k] as number) + 1, l.start + (edges[k + 1] as number)));
    if (l.raw.trim().startsWith("|")) cells.shift();
    if (l.raw.trim().endsWith("|")) cells.pop();
    const kinds = headerKinds(cells.map((p) => (p === undefined ? "" : text.slice(p.start, p.end))), {});
    if (rows.length === 0 && !isHeader(kinds)) continue;
    if (rows.length === 0) start = l.start;
    rows.push(cells);
  }
  return rows.length >= 2 ? { layout: "pipe_rows", cells: rows, start } : undefined;
};

/** One cell per line ending in `|` (南陵, 霍山), or cells between lines holding only `|` (枞阳). */
const pipeCells: LayoutRule = (text, lines) => {
  const pieces: Piece[] = [];
  let from = -1;
  let seps = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    const raw = l.raw.trimEnd();
    if (!raw.endsWith("|") || raw.slice(0, -1).includes("|")) continue;
    const bar = l.start + raw.length - 1;
    if (from === -1) {
      // The first cell: the text before the bar on its line, or the line above when the bar stands alone.
      const before = trimPiece(text, l.start, bar);
      const above = before === undefined && i > 0 ? (lines[i - 1] as SourceLine) : undefined;
      from = above !== undefined ? above.start : l.start;
    }
    const p = trimPiece(text, from, bar);
    if (p !== undefined) pieces.push(p);
    from = bar + 1;
    seps += 1;
  }
  if (seps < 4) return undefined;
  const tail = trimPiece(text, from, text.length);
  if (tail !== undefined) pieces.push(tail);
  return fromPieces(text, pieces, 2, "pipe_cells", false);
};

/** Rows on lines, cells between tabs. */
const tabs: LayoutRule = (text, lines) => {
  const rows: CellSpans = [];
  let start = -1;
  for (const l of lines) {
    if (!l.raw.includes("\t")) {
      if (rows.length > 0 && l.raw.trim().length > 0) break;
      continue;
    }
    let at = 0;
    const cells: Array<Piece | undefined> = [];
    for (const part of l.raw.split("\t")) {
      cells.push(trimPiece(text, l.start + at, l.start + at + part.length));
      at += part.length + 1;
    }
    if (rows.length === 0 && !isHeader(headerKinds(cells.map((p) => (p === undefined ? "" : text.slice(p.start, p.end))), {}))) continue;
    if (rows.length === 0) start = l.start;
    rows.push(cells);
  }
  return rows.length >= 2 ? { layout: "tabs", cells: rows, start } : undefined;
};

/** A header line whose words are separated by spaces (序号 重点工作 工作举措 进度安排), then rows flattened with spaces between cells. */
const spacedHeader: LayoutRule = (text, lines) => {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    const words = [...l.raw.matchAll(/\S+/g)].map((m) => ({ start: l.start + m.index, end: l.start + m.index + m[0].length }));
    if (words.length < 3 || words.length > MAX_COLUMNS || !words.every((w) => classifyHeader(text.slice(w.start, w.end)) !== undefined)) continue;
    if (!isHeader(words.map((w) => classifyHeader(text.slice(w.start, w.end))))) continue;
    const rest = lines.slice(i + 1).flatMap((r) => [...r.raw.matchAll(/\S+/g)].map((m) => ({ start: r.start + m.index, end: r.start + m.index + m[0].length })));
    const kinds = words.map((w) => classifyHeader(text.slice(w.start, w.end)) ?? "other");
    markGroupingColumns(kinds, words.map((w) => text.slice(w.start, w.end)));
    const cells = piecesToRows(text, words, kinds, rest, true);
    if (cells.length >= 2) return { layout: "spaced_header", cells, start: l.start };
  }
  return undefined;
};

/** Vertical key/value lines: a header word on one line, its value on the next (同心). A repeated key starts the next item. */
const keyValue: LayoutRule = (text, lines) => {
  const pieces = nonBlank(text, lines);
  const keyOf = (p: Piece) => classifyHeader(text.slice(p.start, p.end));
  for (let i = 0; i + 1 < pieces.length; i++) {
    const k0 = keyOf(pieces[i] as Piece);
    if (k0 === undefined || keyOf(pieces[i + 1] as Piece) !== undefined) continue;
    const keys: string[] = [];
    const table = new Map<string, { key: Piece; values: Array<Piece | undefined> }>();
    let item = 0;
    let j = i;
    while (j + 1 < pieces.length && keyOf(pieces[j] as Piece) !== undefined && keyOf(pieces[j + 1] as Piece) === undefined) {
      const key = pieces[j] as Piece;
      const name = text.slice(key.start, key.end).replace(/\s+/g, "");
      if (table.get(name)?.values[item] !== undefined) item += 1;
      const entry = table.get(name) ?? { key, values: [] };
      if (!table.has(name)) {
        if (keys.length === MAX_COLUMNS) break;
        keys.push(name);
      }
      table.set(name, entry);
      entry.values[item] = pieces[j + 1];
      j += 2;
    }
    const kinds = keys.map((k) => classifyHeader(k));
    if (keys.length >= 3 && isHeader(kinds) && kinds.some((k) => k !== undefined && roleOf(k) !== undefined)) {
      const cells = keys.map((k) => {
        const e = table.get(k) as { key: Piece; values: Array<Piece | undefined> };
        return [e.key, ...Array.from({ length: item + 1 }, (_, n) => e.values[n])];
      });
      return { layout: "key_value", cells, start: (pieces[i] as Piece).start };
    }
    i = j;
  }
  return undefined;
};

/** One cell per paragraph (a blank line between cells, no `|`): 大竹, 谯城. */
const paragraphCells: LayoutRule = (text, lines) => fromPieces(text, nonBlank(text, lines), 3, "paragraph_cells", true);

/** Pieces into a table: find the header run, then the rows after it (`join`: may a cell span several pieces). */
const fromPieces = (text: string, pieces: readonly Piece[], min: number, layout: TextTableLayout, join: boolean): Omit<TextTable, "rows"> | undefined => {
  const header = headerRun(text, pieces, min);
  if (header === undefined) return undefined;
  const head = pieces.slice(header.at, header.at + header.kinds.length);
  const cells = piecesToRows(text, head, header.kinds, pieces.slice(header.at + header.kinds.length), join);
  return cells.length >= 2 ? { layout, cells, start: (head[0] as Piece).start } : undefined;
};

/** The layouts, tried in order: the most specific first. */
const LAYOUTS: readonly LayoutRule[] = [pipeRows, pipeCells, tabs, keyValue, spacedHeader, paragraphCells];

/**
 * Find a task table in text copied out of a table: cells one per line ending in `|` (or between
 * lines holding only `|`), rows with `|` or tab separators, a space-separated header line followed
 * by flattened rows, one cell per paragraph, or vertical key/value lines. Returns the rows (exact
 * substrings of the text, with their offsets) for {@link readPlanTable}, or undefined when no
 * task-table header is found. Linear in the text.
 */
export const findTableInText = (text: string): TextTable | undefined => {
  if (typeof text !== "string" || text.length === 0) return undefined;
  const lines = splitLines(text);
  for (const rule of LAYOUTS) {
    const found = rule(text, lines);
    if (found !== undefined) return { ...found, rows: found.cells.map((row) => row.map((p) => (p === undefined ? "" : text.slice(p.start, p.end)))) };
  }
  return undefined;
};
