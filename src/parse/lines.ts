import { type MappedText, type SourceLine, normalizeLine } from "../text/normalize.js";
import { TITLE } from "./head.js";
import { gapBefore } from "./noise.js";
import { type Marker, NumberingState, type NumberingStyle, markerAt } from "./numbering.js";
import { type RoleVocabulary, roleLabelAt } from "./role-words.js";
import type { NoiseRule, ParseContext } from "./rules.js";
import { simplifiedKey } from "./traditional.js";
import { looksLikeUnit } from "./units.js";
import { bracketOf, endsStructure } from "./chars.js";

/** A piece of one physical line: the whole line, or a part split off where a new structure starts mid-line. */
export interface Segment extends MappedText {
  /** 1-based number of its physical line. */
  readonly line: number;
  /** It begins a physical line (rather than being split off in the middle of one). */
  readonly lineStart: boolean;
  /** The numbering marker it starts with, if accepted as one. */
  readonly marker?: Marker;
  /** It starts with a role label (牵头单位：…). */
  readonly roleLabel: boolean;
}

/** A sentence cut in the middle: it ends with a Chinese character, ， or 、. */
const MID_SENTENCE = /[\u4e00-\u9fff，、]$/;

/**
 * 句中的分页标记：文库类网站在每页开头加“2、”“3、”，落在句子中间。上一行在句中断开、这一行以“N、”开头时，
 * 这个“N、”是分页标记：删去（page_number_removed），不算编号，这一行接着上一句。
 * Page-chunk markers of document-sharing sites (2、, 3、 at the start of each chunk) land inside
 * sentences: when a long line of text before stops mid-sentence and this one starts with N、,
 * the N、 is removed (page_number_removed), does not count as numbering, and the line continues.
 */
const isChunkMarker = (marker: Marker, previous: Segment, previousLine: number): boolean =>
  marker.style.name === "arabic" && marker.label.endsWith("、") && !previous.roleLabel && previousLine >= CHUNK_LINE && MID_SENTENCE.test(previous.text);
/** Titles and headings are short: only a line of running text this long can be cut by a chunk marker. */
const CHUNK_LINE = 40;

/**
 * After a space in a unit list, the text goes on with a sentence, not a unit (责任单位：县直有关单位 健全新型
 * 监管机制，…): the paragraph after a role line, on the same line of a flattened page. A short piece
 * (县司法 局, a name a PDF broke) is not prose.
 */
const proseAfterUnits = (m: MappedText, i: number): boolean => {
  const t = m.text;
  let j = i;
  while (j < t.length && j - i < PROSE_SCAN && !"、，；。：".includes(t[j] as string) && t[j] !== " " && !(j > i && gapBefore(m, j))) j += 1;
  return j - i >= PROSE_MIN && !looksLikeUnit(t.slice(i, j));
};
const PROSE_MIN = 6;
const PROSE_SCAN = 40;

/** Where a title (with its year) that opens the line ends, when more text follows after a space: or -1. */
const titleEnd = (m: MappedText): number => {
  const t = m.text;
  for (let i = 2; i < Math.min(t.length, TITLE_SCAN); i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3002 || c === 0xff0c || c === 0xff1b) return -1;
    // Only a title that names its year: 各部门要按照工作要点 is a sentence, not a title.
    if ((c === 0x20 || gapBefore(m, i)) && TITLE.test(t.slice(0, i).trimEnd()) && /\d{4}/.test(t.slice(0, i))) {
      let j = i;
      while (t.charCodeAt(j) === 0x20) j += 1;
      return j;
    }
  }
  return -1;
};
const TITLE_SCAN = 80;

/** A section title: Chinese characters only (二、主要任务（一）…, not 任务<script>alert（1）). */
const HAN_TITLE = /^[\u4e00-\u9fff]{2,30}$/;
/** A heading title is short: （一） further on than this from the heading before it is not its first item. */
const TITLE_MAX = 30;
/** A bracket still open this far on is unbalanced (a typo, or a cut-off fragment): stop honouring it. */
const BRACKET_SPAN = 300;

/**
 * 分行、规范化、去噪声，并在行中新的结构处切分：句末或右括号（或原有空格）之后的接续编号
 * （“…〕 二、…”“…。3.…”），以及句末之后的分工用语。整篇压成一行的文件也因此能读。
 * Lines, normalised and cleaned by the noise rules, then split where a structure starts in mid-line:
 * after a sentence end, a closing bracket or a space, a numbering marker that continues its sequence
 * (…〕 二、… / …。3.…) or a role label. A whole document on one line reads like one laid out in lines.
 */
export const readSegments = (
  lines: readonly SourceLine[],
  ctx: ParseContext,
  noise: readonly NoiseRule[],
  styles: readonly NumberingStyle[],
  vocabulary: RoleVocabulary,
): Segment[] => {
  const out: Segment[] = [];
  const numbering = new NumberingState();
  const midLine = styles.filter((s) => s.needsSequence !== true);
  const splitting = ctx.enabled("midLineStructure");
  const chunkMarks = ctx.enabled("midSentenceMarker");
  const traditional = ctx.enabled("traditionalScript");
  let previousLine = 0;
  let lineLength = 0;
  for (const source of lines) {
    let m: MappedText = normalizeLine(source.raw, source.start);
    for (const rule of noise) m = rule.apply(m, ctx) ?? m;
    if (m.text.trim().length === 0) continue;
    previousLine = lineLength;
    lineLength = m.text.length;
    const starts: Array<{ at: number; marker?: Marker; role: boolean }> = [];
    let first = markerAt(m.text, 0, styles);
    const previous = out[out.length - 1];
    if (first !== undefined && previous !== undefined && chunkMarks && isChunkMarker(first, previous, previousLine)) {
      ctx.report("page_number_removed", "info", `删除句中的分页标记“${first.label}”`, `Removed the page-chunk marker "${first.label}" inside a sentence`, m, 0, first.length);
      let from = first.length;
      while (m.text[from] === " ") from += 1;
      m = { text: m.text.slice(from), map: m.map.subarray(from) };
      first = undefined;
    }
    const t = m.text;
    // Role labels are found on the key (rule traditionalScript: 責任單位 reads as 责任单位), offset for offset.
    const key = traditional ? simplifiedKey(t) : t;
    if (first !== undefined && numbering.acceptsLineStart(first)) {
      numbering.record(first);
      starts.push({ at: 0, marker: first, role: false });
    } else starts.push({ at: 0, role: roleLabelAt(vocabulary, key, 0) !== undefined });
    // A title followed on the same line by the text after it (a page scraped onto one line).
    const title = splitting && first === undefined ? titleEnd(m) : -1;
    let depth = 0;
    let openedAt = 0;
    // Where the title of a section heading (一、 or 第N章) on this line starts, for （一） right after it.
    let lastHeading = starts[0]?.marker !== undefined && starts[0].marker.style.rank <= 1 ? starts[0].marker.length : -1;
    let lastRank = starts[0]?.marker?.style.rank;
    for (let i = 1; splitting && i < t.length; i++) {
      const prev = t.charCodeAt(i - 1);
      // Most characters are ideographs: neither a bracket nor a boundary, and no （一） right after a title.
      if (prev >= 0x4e00 && prev <= 0x9fff && !gapBefore(m, i) && (lastHeading < 0 || i - lastHeading > TITLE_MAX || t.charCodeAt(i) !== 0xff08)) continue;
      const bracket = bracketOf(prev);
      if (bracket > 0) {
        if (depth === 0) openedAt = i;
        depth += 1;
      } else if (bracket < 0 && depth > 0) depth -= 1;
      if (depth > 0 && i - openedAt > BRACKET_SPAN) depth = 0;
      if (depth > 0 || i < title) continue;
      const boundary = endsStructure(prev) || prev === 0x20 || gapBefore(m, i) || i === title;
      // （一） right after a heading's title on the same line (二、主要任务（一）…) needs no boundary.
      const afterTitle = !boundary && lastHeading >= 0 && i - lastHeading <= TITLE_MAX && t.charCodeAt(i) === 0xff08 && HAN_TITLE.test(t.slice(lastHeading, i));
      if (!boundary && !afterTitle) continue;
      const marker = markerAt(t, i, midLine);
      if (marker !== undefined && (afterTitle ? marker.numeral === 1 && marker.style.rank > (lastRank ?? Infinity) : true) && numbering.continues(marker)) {
        lastHeading = marker.style.rank <= 1 ? i + marker.length : -1;
        lastRank = marker.style.rank;
        numbering.record(marker);
        starts.push({ at: i, marker, role: false });
        i += marker.length - 1;
      } else if ((i === title || starts[starts.length - 1]?.role === true || endsStructure(prev === 0x20 ? t.charCodeAt(i - 2) : prev)) && roleLabelAt(vocabulary, key, i) !== undefined) {
        starts.push({ at: i, role: true });
      } else if (i === title || (starts[starts.length - 1]?.role === true && !endsStructure(prev) && proseAfterUnits(m, i))) {
        starts.push({ at: i, role: false });
      }
    }
    starts.forEach((s, k) => {
      let end = k + 1 < starts.length ? (starts[k + 1] as { at: number }).at : t.length;
      while (end > s.at && t[end - 1] === " ") end -= 1;
      if (end === s.at) return;
      // Built property by property: object spread is slow in hot loops.
      const segment: { -readonly [K in keyof Segment]: Segment[K] } = { text: t.slice(s.at, end), map: m.map.subarray(s.at, end), line: source.line, lineStart: k === 0, roleLabel: s.role };
      if (s.marker !== undefined) segment.marker = s.marker;
      out.push(segment);
    });
  }
  return out;
};
