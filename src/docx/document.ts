import type { TableMerge } from "../parse/table/grid.js";
import { walkXml } from "./xml.js";

/** A paragraph of a Word file: its index among all `w:p` elements, and its text with its list label (一、（一）1.). */
export interface DocxParagraph {
  readonly index: number;
  readonly text: string;
}

/** A table of a Word file: its index among all `w:tbl` elements, rows of cell texts on the grid, merged ranges, and its paragraphs. */
export interface DocxTable {
  readonly index: number;
  readonly rows: string[][];
  readonly merges: TableMerge[];
  readonly paragraphs: DocxParagraph[];
}

export type DocxBlock = { readonly kind: "paragraph"; readonly paragraph: DocxParagraph } | { readonly kind: "table"; readonly table: DocxTable };

/** Elements whose content is not document text: deleted text, field codes, the old formatting of tracked changes, text boxes (repeated in fallbacks). */
const SKIP = new Set(["delText", "instrText", "pPrChange", "rPrChange", "txbxContent", "del", "moveFrom"]);

interface OpenTable {
  readonly table: DocxTable;
  row: string[] | undefined;
  column: number;
  /** Per grid column, an open vertical merge: first row, last row, width. */
  readonly runs: Map<number, { r0: number; r1: number; span: number }>;
  cell: { texts: string[]; span: number; vMerge: "restart" | "continue" | undefined } | undefined;
}

/**
 * Walk document.xml into blocks in document order: body paragraphs and tables. Paragraph text joins
 * its runs (w:t, tabs, breaks as line breaks) after the list label `label(numId, ilvl, style)` gives.
 * Table cells are placed on the grid (w:gridSpan, w:gridBefore), with vertical (w:vMerge) and
 * horizontal merges as ranges; a table nested in a cell adds its text to that cell.
 */
export const readBlocks = (xml: Uint8Array, label: (numId: string | undefined, ilvl: number | undefined, style: string | undefined) => string): { blocks: DocxBlock[]; error?: string } => {
  const blocks: DocxBlock[] = [];
  const tables: OpenTable[] = [];
  let paragraphs = 0;
  let tableCount = 0;
  let skip = 0;
  let p: { index: number; text: string; numId?: string | undefined; ilvl?: number; style?: string | undefined; labelled: boolean } | undefined;
  let inT = false;
  /** Depth of tables nested inside a cell: their text joins the outer cell. */
  let nested = 0;

  const closeRuns = (t: OpenTable, column: number | undefined) => {
    for (const [c, run] of t.runs) {
      if (column !== undefined && c !== column) continue;
      if (run.r1 > run.r0 || run.span > 1) t.table.merges.push({ s: { r: run.r0, c }, e: { r: run.r1, c: c + run.span - 1 } });
      t.runs.delete(c);
    }
  };

  const error = walkXml(xml, {
    open: (e) => {
      if (skip > 0 || SKIP.has(e.name) || e.fallback) {
        if (e.name === "p") paragraphs += 1;
        if (e.name === "tbl") tableCount += 1;
        skip += 1;
        return;
      }
      const t = tables[tables.length - 1];
      switch (e.name) {
        case "p":
          p = { index: paragraphs++, text: "", labelled: false };
          break;
        case "pStyle":
          if (p !== undefined) p.style = e.attr("val");
          break;
        case "numId":
          if (p !== undefined) p.numId = e.attr("val");
          break;
        case "ilvl":
          if (p !== undefined) p.ilvl = Number.parseInt(e.attr("val") ?? "0", 10) || 0;
          break;
        case "t":
          inT = true;
          break;
        case "tab":
          if (p !== undefined && e.attr("val") === undefined) p.text += "\t";
          break;
        case "br":
        case "cr":
          if (p !== undefined) p.text += "\n";
          break;
        case "noBreakHyphen":
          if (p !== undefined) p.text += "-";
          break;
        case "tbl":
          if (t !== undefined) nested += 1;
          else tables.push({ table: { index: tableCount, rows: [], merges: [], paragraphs: [] }, row: undefined, column: 0, runs: new Map(), cell: undefined });
          tableCount += 1;
          break;
        case "tr":
          if (t !== undefined && nested === 0) {
            t.row = [];
            t.column = 0;
          }
          break;
        case "gridBefore":
          if (t?.row !== undefined && nested === 0) for (let k = Math.min(64, Number.parseInt(e.attr("val") ?? "0", 10) || 0); k > 0; k--) t.row.push(""), (t.column += 1);
          break;
        case "tc":
          if (t !== undefined && nested === 0) t.cell = { texts: [], span: 1, vMerge: undefined };
          break;
        case "gridSpan":
          if (t?.cell !== undefined && nested === 0) t.cell.span = Math.max(1, Math.min(64, Number.parseInt(e.attr("val") ?? "1", 10) || 1));
          break;
        case "vMerge":
          if (t?.cell !== undefined && nested === 0) t.cell.vMerge = e.attr("val") === "restart" ? "restart" : "continue";
          break;
      }
    },
    close: (e) => {
      if (skip > 0) {
        skip -= 1;
        return;
      }
      const t = tables[tables.length - 1];
      switch (e.name) {
        case "t":
          inT = false;
          break;
        case "pPr":
          if (p !== undefined && !p.labelled) {
            p.text = label(p.numId, p.ilvl, p.style) + p.text;
            p.labelled = true;
          }
          break;
        case "p": {
          if (p === undefined) break;
          if (!p.labelled) p.text = label(p.numId, p.ilvl, p.style) + p.text;
          const para: DocxParagraph = { index: p.index, text: p.text };
          if (t === undefined) blocks.push({ kind: "paragraph", paragraph: para });
          else {
            t.table.paragraphs.push(para);
            t.cell?.texts.push(p.text);
          }
          p = undefined;
          break;
        }
        case "tc": {
          if (t === undefined || nested > 0 || t.cell === undefined || t.row === undefined) break;
          const r = t.table.rows.length;
          const c = t.column;
          const { texts, span, vMerge } = t.cell;
          const run = t.runs.get(c);
          if (vMerge === "continue" && run !== undefined) {
            run.r1 = r;
            t.row.push("");
          } else {
            closeRuns(t, c);
            t.row.push(texts.join("\n"));
            if (vMerge === "restart" || span > 1) t.runs.set(c, { r0: r, r1: r, span });
          }
          for (let k = 1; k < span; k++) t.row.push("");
          t.column += span;
          t.cell = undefined;
          break;
        }
        case "tr":
          if (t?.row !== undefined && nested === 0) {
            t.table.rows.push(t.row);
            t.row = undefined;
          }
          break;
        case "tbl": {
          if (nested > 0) {
            nested -= 1;
            break;
          }
          const done = tables.pop();
          if (done === undefined) break;
          closeRuns(done, undefined);
          blocks.push({ kind: "table", table: done.table });
          break;
        }
      }
    },
    text: (text) => {
      if (inT && skip === 0 && p !== undefined) p.text += text;
    },
  });
  return error === undefined ? { blocks } : { blocks, error };
};
