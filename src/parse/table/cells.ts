import type { CellRef, Diagnostic, SourceSpan } from "../../model/diagnostic.js";
import type { UnitRef } from "../../model/plan.js";
import { type MappedText, lineIndex, mappedSpan, normalizeLine, splitLines } from "../../text/normalize.js";
import { splitUnitList } from "../units.js";

/** A cell's text, normalised, with the offset in the raw cell text of every character and where the cell is. */
export interface CellText extends MappedText {
  readonly ref: CellRef;
  readonly lineOf: (offset: number) => number;
  /** Length of the raw cell text (for a span covering the whole cell). */
  readonly rawLength: number;
}

/** A mapped text joined from parts, each character remembering its offset and the part it came from. */
const joinParts = (parts: readonly MappedText[], separator: string): MappedText => {
  const text = parts.map((p) => p.text).join(separator);
  const map = new Int32Array(text.length);
  let k = 0;
  parts.forEach((p, i) => {
    if (i > 0) {
      for (let s = 0; s < separator.length; s++) map[k + s] = (map[k - 1] ?? 0) + 1;
      k += separator.length;
    }
    map.set(p.map, k);
    k += p.map.length;
  });
  return { text, map };
};

/** Line numbers in a raw cell: most cells are one line, and need no index. */
const linesOf = (raw: string): ((offset: number) => number) => (raw.includes("\n") || raw.includes("\r") ? lineIndex(splitLines(raw)) : () => 1);

/** Normalise a cell: each line through {@link normalizeLine}, blank lines dropped, lines joined with "\n". */
export const cellText = (raw: string, ref: CellRef): CellText => {
  const lineOf = linesOf(raw);
  if (!raw.includes("\n") && !raw.includes("\r")) return { ...normalizeLine(raw, 0), ref, lineOf, rawLength: raw.length };
  const parts = splitLines(raw)
    .map((l) => normalizeLine(l.raw, l.start))
    .filter((m) => m.text.trim().length > 0);
  return { ...joinParts(parts, "\n"), ref, lineOf, rawLength: raw.length };
};

const OPEN = "（〔【[「《“(";
const CLOSE = "）〕】]」》”)";

/**
 * A unit cell's text: as {@link cellText}, but a run of spaces or line breaks outside brackets becomes
 * a `、` (in a unit column, `县司法局 县信访局` and one unit per line are lists).
 */
export const unitCellText = (raw: string, ref: CellRef): CellText => {
  const parts: MappedText[] = [];
  const seps: number[] = [];
  let depth = 0;
  let start = -1;
  const flush = (end: number) => {
    if (start < 0) return;
    const m = normalizeLine(raw.slice(start, end), start);
    if (m.text.length > 0) {
      parts.push(m);
      seps.push(depth);
    }
    for (const ch of m.text) {
      if (OPEN.includes(ch)) depth += 1;
      else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    }
    start = -1;
  };
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i] as string)) flush(i);
    else if (start < 0) start = i;
  }
  flush(raw.length);
  // Join: 、 between parts at bracket depth 0 when the part before ends like a name (县司法局 县信访局);
  // otherwise the space is noise inside a name (县 司法局) or a bracket and is dropped.
  let text = "";
  const map: number[] = [];
  parts.forEach((p, i) => {
    if (i > 0 && (seps[i] ?? 0) === 0 && endsLikeName((parts[i - 1] as MappedText).text)) {
      text += "、";
      map.push((p.map[0] ?? 1) - 1);
    }
    text += p.text;
    for (const o of p.map) map.push(o);
  });
  return { text, map: Int32Array.from(map), ref, lineOf: linesOf(raw), rawLength: raw.length };
};

/** Whether a piece of a unit cell could end a unit name: a unit suffix, a closing bracket, or a collective (各…). */
const endsLikeName = (text: string): boolean => text.length >= 2 && (UNIT_END.test(text) || /[）)〕】]$/.test(text) || /^各/.test(text));

/** The span of `cell.text[from, to)` in the raw cell, with the cell's position. */
export const cellSpan = (cell: CellText, from = 0, to = cell.text.length): SourceSpan => ({ ...mappedSpan(cell, from, to, cell.lineOf), cell: cell.ref });

/** The span of a whole raw cell. */
export const wholeCell = (cell: CellText): SourceSpan => ({ start: 0, end: cell.rawLength, line: 1, cell: cell.ref });

/** Split a unit cell into references (reusing the text parser's list splitting), each with its cell span. */
export const unitRefs = (cell: CellText, phrases: readonly string[], diagnostics: Diagnostic[], path: Array<string | number>): UnitRef[] => {
  const local: Diagnostic[] = [];
  const refs = splitUnitList(cell, 0, cell.text.length, cell.lineOf, phrases, local, path);
  for (const d of local) diagnostics.push(d.source === undefined ? d : { ...d, source: { ...d.source, cell: cell.ref } });
  return refs.map((r) => (r.source === undefined ? r : { ...r, source: { ...r.source, cell: cell.ref } }));
};

// ---- what a piece of text looks like (for aligning pieces to columns) ----

/** A serial number as printed in a 序号 column. */
export const SERIAL = /^\d{1,4}[.、]?$/;
/** A section row's numbering: 一、 or （一）. */
export const SECTION_MARK = /^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|第[一二三四五六七八九十]{1,3}(?:部分|章|篇))/;
const UNIT_END = /(局|委|办|院|部|府|处|会|所|中心|队|站|室|厅|社|行|司|团|组|公司|集团|街道|单位|部门|乡镇|镇|乡|机关|法庭|庭|联|区|园|馆|台|校|党校|医院|银行|分局|支队|大队|管委会|指挥部)$/;
const UNIT_START = /^(县|区|市|省|州|盟|旗|镇|乡|各|中共|共青团|团)/;
const TIME = /(\d{1,2}|[一二三四五六七八九十]{1,3})月|年底|年内|年末|全年|长期|持续|季度|半年|\d{4}年|每月|每季|每年|月底|上旬|中旬|下旬|常态|立即|即时|年前/;

/** Every item of a list is a unit name: short, ends like a unit (局, 委, 中心, 街道 …) or is a collective (各…). */
export const isUnitLike = (text: string): boolean => {
  const t = text.trim();
  if (t.length === 0 || t.length > 400) return false;
  const items = t.split(/[、，,；;\s]+/).filter((s) => s.length > 0);
  // One item ending in 。 is a sentence (迁建县政务服务中心。) unless it starts like a unit name (区投资促进中心。).
  if (items.length === 1 && /[。.]$/.test(t) && !UNIT_START.test(t)) return false;
  return items.every((raw) => {
    const item = raw.replace(/[。.]$/, "").replace(/[（(][^）)]{0,20}[）)]$/, "");
    return item.length >= 2 && item.length <= 25 && !/[。！？]/.test(item) && (UNIT_END.test(item) || /^各/.test(item));
  });
};
/** A deadline as written in a 完成时限 cell (12月底前, 全年, 长期坚持). */
export const isDeadlineLike = (text: string): boolean => text.length <= 40 && TIME.test(text);
/** A person's name or two (俞 悦, 陆 明俞 悦): short Chinese text that is not a unit. */
export const isPersonLike = (text: string): boolean => /^[\u4e00-\u9fff][\u4e00-\u9fff\s、，]{0,9}$/.test(text) && !isUnitLike(text) && !TIME.test(text);
/** Running text: long, or with sentence punctuation. */
export const isLongText = (text: string): boolean => text.length >= 14 || /[。；，,;]/.test(text);
