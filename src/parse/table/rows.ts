import { type Diagnostic, diag } from "../../model/diagnostic.js";
import { alignPieces } from "./align.js";
import { type ColumnKind, headerKinds } from "./columns.js";
import { SECTION_MARK, SERIAL } from "./cells.js";
import { type Grid, coverOf, lineName, rowStart } from "./grid.js";

/** Where a logical column's text is in the grid: its column there, and whether the cell holds its own text (not a merged copy). */
export interface Slot {
  readonly row: number;
  readonly column: number;
  readonly own: boolean;
}

/** A data row with one slot per logical column (undefined: the row has no such cell). */
export interface RowView {
  readonly row: number;
  readonly slots: ReadonlyArray<Slot | undefined>;
}

/** The grid row as slots: covered cells point at their merged range's top-left. */
const plainRow = (g: Grid, r: number, width: number): RowView => ({
  row: r,
  slots: Array.from({ length: width }, (_, c) => {
    const cover = coverOf(g, r, c);
    return cover === undefined ? { row: r, column: c, own: true } : { row: cover[0], column: cover[1], own: false };
  }),
});

/**
 * The data rows as slots. A row shorter than the header (a copied table loses merged cells: 枞阳
 * row 148 has no 主要工作目标 cell) is aligned to the columns by what its cells look like; the
 * alignment is kept only when every cell lands in a column of its own.
 */
export const rowViews = (g: Grid, firstRow: number, kinds: readonly ColumnKind[], diagnostics: Diagnostic[]): RowView[] => {
  const width = kinds.length;
  const out: RowView[] = [];
  for (let r = firstRow; r < g.cells.length; r++) {
    const cells = g.cells[r] as readonly string[];
    let last = cells.length - 1;
    while (last >= 0 && (cells[last] as string).trim().length === 0) last -= 1;
    const filled = cells.filter((c) => c.trim().length > 0).length;
    if (last + 1 >= width || filled < 2 || g.covered.size > 0) {
      out.push(plainRow(g, r, width));
      continue;
    }
    const pieces = cells.slice(0, last + 1);
    const aligned = alignPieces(pieces, kinds);
    const one = aligned.length === 1 ? (aligned[0] as number[][]) : undefined;
    if (one === undefined || one.some((ix) => ix.length > 1)) {
      out.push(plainRow(g, r, width));
      continue;
    }
    const slots = one.map((ix) => (ix.length === 1 ? { row: r, column: ix[0] as number, own: true } : undefined));
    if (slots.some((s, c) => s !== undefined && s.column !== c)) {
      diagnostics.push(diag("row_realigned", "info", `${lineName(g, r)[0]}比表头少${width - last - 1}格，已按内容对齐到各列（缺的格视为与上一行合并）`, `${lineName(g, r)[1]} has fewer cells than the header: its cells were aligned to the columns by their content (missing cells are taken as merged with the row above)`, [], rowStart(g, r)));
    }
    out.push({ row: r, slots });
  }
  return out;
};

/** The raw text a slot holds (a merged copy reads as its range's text only when `fill` is set). */
export const slotText = (g: Grid, slot: Slot | undefined, fill = false): string => (slot === undefined || (!slot.own && !fill) ? "" : (g.cells[slot.row]?.[slot.column] ?? ""));

/** What a row is: a header repeated (after a page break), a section heading, data, or nothing. */
export type RowKind = "repeat" | "section" | "data" | "blank";

/**
 * Classify a data row. A section row has one distinct text, no number, no units, and either a heading
 * mark (一、 （一）), a merged range across several columns, the same text repeated, or its text in a
 * column before the task text.
 */
export const rowKind = (g: Grid, view: RowView, kinds: readonly ColumnKind[], header: readonly (ColumnKind | undefined)[], extra: Readonly<Record<string, ColumnKind>>): RowKind => {
  const texts = view.slots.map((s) => slotText(g, s).trim());
  const filled = texts.flatMap((t, c) => (t.length > 0 ? [c] : []));
  if (filled.length === 0) return "blank";
  const again = headerKinds(texts, extra);
  const known = header.filter((k) => k !== undefined).length;
  if (known > 0 && again.filter((k, c) => k !== undefined && k === header[c]).length * 5 >= known * 4) return "repeat";
  const distinct = new Set(filled.map((c) => texts[c]));
  if (distinct.size !== 1) return "data";
  const c0 = filled[0] as number;
  const text = texts[c0] as string;
  if (SERIAL.test(text)) return "data";
  const kind = kinds[c0] as ColumnKind;
  if (kind === "lead" || kind === "responsible" || kind === "support" || kind === "deadline") return "data";
  const spansColumns = view.slots.some((s, c) => c !== c0 && s !== undefined && !s.own && s.row === view.row && s.column === (view.slots[c0] as { column: number }).column);
  const task = kinds.indexOf("task");
  if (SECTION_MARK.test(text) || spansColumns || filled.length > 1 || (task !== -1 && c0 < task && kind !== "section")) return "section";
  return "data";
};
