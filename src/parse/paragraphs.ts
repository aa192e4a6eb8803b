import { type Diagnostic, diag } from "../model/diagnostic.js";
import { type SourceLine, mappedSpan, normalizeLine } from "../text/normalize.js";
import { roleWordAt } from "./units.js";

/** A logical paragraph: one or more physical lines joined, normalised, with original offsets. */
export interface Paragraph {
  text: string;
  map: Int32Array;
  /** 1-based number of its first line. */
  line: number;
  /** Starts with a role word (牵头单位：…). */
  role: boolean;
}

const CN_NUM = "[零〇一二两三四五六七八九十百]";
/** The GB/T 9704 heading ladder: 一、 → （一） → 1. → （1）. */
export const HEADING_PATTERNS: ReadonlyArray<readonly [1 | 2 | 3 | 4, RegExp]> = [
  [1, new RegExp(`^(${CN_NUM}{1,4})、`)],
  [2, new RegExp(`^（(${CN_NUM}{1,4})）`)],
  [3, /^(\d{1,3})[.、](?!\d)/],
  [4, /^（(\d{1,3})）/],
];

/** A heading at the start of a paragraph: its ladder level, the numeral as written and its length. */
export interface HeadingMark {
  readonly level: 1 | 2 | 3 | 4;
  readonly numeral: string;
  readonly label: string;
}

/** The heading marker at the start of a text, if any. Anchored patterns: linear time. */
export const headingOf = (text: string): HeadingMark | undefined => {
  for (const [level, re] of HEADING_PATTERNS) {
    const m = re.exec(text);
    if (m !== null) return { level, numeral: m[1] as string, label: m[0] };
  }
  return undefined;
};

const PAGE_NUMBER = /^(?:[-—–－~～]+ ?\d{1,4} ?[-—–－~～]+|第 ?\d{1,4} ?页(?:[，,]? ?共 ?\d{1,4} ?页)?|\d{1,4}|\d{1,4} ?\/ ?\d{1,4})$/;
const TERMINAL = new Set(["。", "！", "？", "；", "：", "…", "”", "）", "〕", "】", "」", "』", "!", "?", ".", "\""]);
const FRAGMENT_MAX = 40;
/** Lines that are never the tail of the paragraph before them. */
const STANDALONE = [/文件$/, /〔\d{4}〕\d+号$/, /的通知$/, /^\d{4}年\d{1,2}月\d{1,2}日$/, /^(抄送|印发|附件)/, /年度?.{0,40}(工作安排|工作要点|工作计划|实施方案)$/];

const isStandalone = (text: string): boolean => text.length <= 80 && STANDALONE.some((re) => re.test(text));
/** A heading line with a short title and no sentence in it (（一）加强学习): never continued. */
const isTitleOnlyHeading = (text: string): boolean => {
  const h = headingOf(text);
  if (h === undefined) return false;
  if (h.level === 1) return true;
  const rest = text.slice(h.label.length);
  return rest.length <= 30 && !/[。，；]/.test(rest);
};

/**
 * 把物理行合并为段落：去掉页码行；被空行或分页打断的句子、被分页拆开的单位列表接回原段落。
 * Lines into paragraphs: page-number lines dropped; a sentence or a unit list broken by a blank
 * line or a page break is joined back to its paragraph (with an info diagnostic).
 */
export const buildParagraphs = (lines: readonly SourceLine[], diagnostics: Diagnostic[], lineOf: (offset: number) => number): Paragraph[] => {
  const out: Paragraph[] = [];
  let last: Paragraph | undefined;
  let closed = true;
  for (const line of lines) {
    const normalized = normalizeLine(line.raw, line.start);
    const { text, map } = normalized;
    if (text.length === 0) continue;
    if (PAGE_NUMBER.test(text)) {
      diagnostics.push(diag("page_number_removed", "info", `删除页码行“${text}”`, `Removed page-number line "${text}"`, [], mappedSpan(normalized, 0, text.length, lineOf)));
      continue;
    }
    const role = roleWordAt(text, 0) !== undefined;
    const startsNew = role || headingOf(text) !== undefined || isStandalone(text);
    if (last !== undefined && !closed && !startsNew && continues(last, text)) {
      const span = mappedSpan(normalized, 0, text.length, lineOf);
      diagnostics.push(
        last.role
          ? diag("joined_across_break", "info", `单位列表被分页或空行打断，已与下一行“${text}”接合`, `A unit list broken by a page break was joined with the next line "${text}"`, [], span)
          : diag("joined_across_break", "info", "句子被分页或空行打断，已接合", "A sentence broken by a page break or blank line was joined", [], span),
      );
      const space = /[A-Za-z]$/.test(last.text) && /^[A-Za-z]/.test(text) ? 1 : 0;
      const joined = new Int32Array(last.map.length + space + map.length);
      joined.set(last.map);
      if (space === 1) joined[last.map.length] = (last.map[last.map.length - 1] ?? 0) + 1;
      joined.set(map, last.map.length + space);
      last.text += space === 1 ? ` ${text}` : text;
      last.map = joined;
      closed = isClosed(last);
      continue;
    }
    last = { text, map, line: line.line, role };
    out.push(last);
    closed = isStandalone(text) || isTitleOnlyHeading(text) || isClosed(last);
  }
  return out;
};

const isClosed = (p: Paragraph): boolean => TERMINAL.has(p.text[p.text.length - 1] as string);

const continues = (last: Paragraph, next: string): boolean => {
  if (last.role) return next.length <= FRAGMENT_MAX && !next.includes("。");
  return true;
};
