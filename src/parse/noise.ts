import type { MappedText } from "../text/normalize.js";
import type { NoiseRule } from "./rules.js";

/** `m` without the ranges given (sorted, not overlapping), offsets kept. */
export const cutRanges = (m: MappedText, ranges: ReadonlyArray<readonly [number, number]>): MappedText => {
  if (ranges.length === 0) return m;
  let text = "";
  const map = new Int32Array(m.text.length);
  let k = 0;
  let from = 0;
  for (const [a, b] of [...ranges, [m.text.length, m.text.length] as const]) {
    text += m.text.slice(from, a);
    map.set(m.map.subarray(from, a), k);
    k += a - from;
    from = b;
  }
  return { text, map: map.slice(0, k) };
};

/** Whether something stood between `i - 1` and `i` in the original (a removed space or line noise). */
export const gapBefore = (m: MappedText, i: number): boolean => i > 0 && (m.map[i] as number) > (m.map[i - 1] as number) + 1;

/** At `i`, a start of line or a gap (a removed space) before it; at `j`, an end of line or a gap after. */
const standsAlone = (m: MappedText, i: number, j: number): boolean =>
  (i === 0 || m.text[i - 1] === " " || gapBefore(m, i)) && (j === m.text.length || m.text[j] === " " || gapBefore(m, j));

// Page markers: - 2 -, —3—, ~4~, 第 5 页, 第3页 共10页, 共10页 第3页, and a line that is only a number or 3/10.
const DASHED = /[-—–－~～]{1,2} ?\d{1,4} ?[-—–－~～]{1,2}/g;
const PAGE_OF = /(?:第 ?\d{1,4} ?页(?:[，,]? ?共 ?\d{1,4} ?页)?|共 ?\d{1,4} ?页[，,]? ?第 ?\d{1,4} ?页)/g;
const WHOLE_LINE = /^(?:\d{1,4}|\d{1,4} ?\/ ?\d{1,4})$/;

/**
 * 页码：`- 1 -`、`—2—`、`第3页 共10页` 出现在行中任何位置（前后是行首行尾或空格），以及只有页码的行。
 * Page markers anywhere in a line (standing alone between spaces or line ends), and lines that are
 * only a page number. Each removal is reported as `page_number_removed`.
 */
export const pageMarkerRule: NoiseRule = {
  name: "pageMarker",
  apply: (line, context) => {
    if (!/\d/.test(line.text)) return undefined;
    const ranges: Array<[number, number]> = [];
    if (WHOLE_LINE.test(line.text)) ranges.push([0, line.text.length]);
    else {
      for (const re of [DASHED, PAGE_OF]) {
        re.lastIndex = 0;
        for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
          if (standsAlone(line, m.index, m.index + m[0].length)) ranges.push([m.index, m.index + m[0].length]);
        }
      }
    }
    if (ranges.length === 0) return undefined;
    ranges.sort((a, b) => a[0] - b[0]);
    const kept: Array<[number, number]> = [];
    for (const r of ranges) {
      const last = kept[kept.length - 1];
      if (last !== undefined && r[0] < last[1]) continue;
      // Take the spaces around the marker with it.
      let [a, b] = r;
      while (a > 0 && line.text[a - 1] === " ") a -= 1;
      while (b < line.text.length && line.text[b] === " ") b += 1;
      kept.push([Math.max(a, last?.[1] ?? 0), b]);
      const marker = line.text.slice(r[0], r[1]);
      context.report("page_number_removed", "info", `删除页码“${marker}”`, `Removed page marker "${marker}"`, line, r[0], r[1]);
    }
    return cutRanges(line, kept);
  },
};

/**
 * PDF 字距空格：`2 0 2 4`、`A B C` 这样三个以上单字符之间的空格。（汉字之间、汉字与数字之间的空格在规范化时已经去掉。）
 * Spaces a PDF puts between single letters or digits (`2 0 2 4 年`): three or more one-character
 * tokens in a row are joined. Spaces next to Chinese characters are already gone after normalisation.
 */
export const spacedLettersRule: NoiseRule = {
  name: "spacedLetters",
  apply: (line) => {
    if (!line.text.includes(" ")) return undefined;
    const ranges: Array<[number, number]> = [];
    const re = /(?<![0-9A-Za-z])[0-9A-Za-z](?: [0-9A-Za-z]){2,}(?![0-9A-Za-z])/g;
    for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
      for (let i = m.index + 1; i < m.index + m[0].length; i += 2) ranges.push([i, i + 1]);
    }
    return ranges.length === 0 ? undefined : cutRanges(line, ranges);
  },
};

/** The built-in noise rules, in order. */
export const NOISE_RULES: readonly NoiseRule[] = Object.freeze([pageMarkerRule, spacedLettersRule]);
