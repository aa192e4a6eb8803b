import type { SourceSpan } from "../model/diagnostic.js";

/**
 * 与原文偏移对应的规范化文本：`map[i]` 是 `text[i]` 在原文中的偏移。解析器的噪声规则收到和返回的都是它。
 * Normalised text that remembers where each character came from: `map[i]` is the offset in
 * the original string of `text[i]`. The parser's noise rules take and return it.
 *
 * @category Parsing
 * @example
 * const line: MappedText = { text: "县司法局", map: Int32Array.of(5, 6, 7, 8) };
 */
export interface MappedText {
  readonly text: string;
  readonly map: Int32Array;
}

/**
 * The source span of `m.text[from, to)` in the original text (internal). An empty range points
 * at the character it stands before.
 */
export const mappedSpan = (m: MappedText, from: number, to: number, lineOf: (offset: number) => number): SourceSpan => {
  const start = m.map[from] ?? m.map[m.map.length - 1] ?? 0;
  const end = to > from ? (m.map[to - 1] ?? start) + 1 : start;
  return { start, end, line: lineOf(start) };
};

/** Half-width punctuation to the full-width forms of Chinese documents, and a few look-alikes. */
const replaceCode = (c: number): number => {
  switch (c) {
    case 0x28: return 0xff08; // ( → （
    case 0x29: return 0xff09; // ) → ）
    case 0x3a: return 0xff1a; // : → ：
    case 0x2c: return 0xff0c; // , → ，
    case 0x3b: return 0xff1b; // ; → ；
    case 0x3f: return 0xff1f; // ? → ？
    case 0x21: return 0xff01; // ! → ！
    case 0xff3b: return 0x3014; // ［ → 〔
    case 0xff3d: return 0x3015; // ］ → 〕
    case 0xfe5d: return 0x3014; // ﹝ → 〔
    case 0xfe5e: return 0x3015; // ﹞ → 〕
    case 0xff0e: return 0x2e; // ． → .
    default:
      // Small form variants (U+FE50–FE6B, e.g. 1﹒): the form their Unicode compatibility decomposition names,
      // then the full-width punctuation above (﹐ → ， like , → ，).
      if (c >= 0xfe50 && c <= 0xfe6b) return SMALL_FORMS[c - 0xfe50] || c;
      // ０-９ Ａ-Ｚ ａ-ｚ → ASCII
      if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return c - 0xfee0;
      return c;
  }
};

/**
 * U+FE50–FE6B small form variants, by offset from U+FE50: the character of each one's Unicode compatibility
 * decomposition (<small>), with , ; : ? ! ( ) taken on to the full-width forms the other punctuation gets.
 * 0 marks the two unassigned points (U+FE53, U+FE67), which stay as they are.
 */
const SMALL_FORMS: readonly number[] = [
  0xff0c, 0x3001, 0x2e, 0, 0xff1b, 0xff1a, 0xff1f, 0xff01, // ﹐﹑﹒ ﹔﹕﹖﹗ → ，、. ；：？！
  0x2014, 0xff08, 0xff09, 0x7b, 0x7d, 0x3014, 0x3015, 0x23, // ﹘﹙﹚﹛﹜﹝﹞﹟ → —（）{}〔〕#
  0x26, 0x2a, 0x2b, 0x2d, 0x3c, 0x3e, 0x3d, 0, // ﹠﹡﹢﹣﹤﹥﹦ → &*+-<>=
  0x5c, 0x24, 0x25, 0x40, // ﹨﹩﹪﹫ → \$%@
];

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
const isInvisible = (c: number): boolean => c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad;

/** CJK ideographs and CJK/full-width punctuation: spaces next to them are PDF noise. */
const isCjkLike = (c: number): boolean => (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * 规范化一行文字，并记住每个字符在原文中的位置：全角字母数字改半角，半角标点改全角（括号、冒号、逗号、分号），
 * 去掉中文之间、中文与数字之间的多余空格（如“2022 年”），去掉不可见字符。
 * Normalise one line, keeping the original offset of every character: full-width letters and
 * digits to ASCII, half-width punctuation to the full-width forms, spaces between Chinese
 * characters (or a Chinese character and a digit, as in `2022 年`) removed, invisible
 * characters dropped. Spaces between Latin words are kept.
 *
 * @param line the text of one line
 * @param offset the offset of `line` in the original text
 */
export const normalizeLine = (line: string, offset = 0): MappedText => {
  const n = line.length;
  // Most lines of a Chinese document need no change: then the text is the line itself.
  if (!NEEDS_WORK.test(line)) {
    const map = new Int32Array(n);
    for (let k = 0; k < n; k++) map[k] = offset + k;
    return { text: line, map };
  }
  if (scratch.length < n) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  const codes = scratch;
  const map = new Int32Array(n);
  let len = 0;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isInvisible(c)) {
      i += 1;
      continue;
    }
    if (isSpace(c)) {
      let j = i;
      while (j < n && (isSpace(line.charCodeAt(j)) || isInvisible(line.charCodeAt(j)))) j += 1;
      const prev = len > 0 ? (codes[len - 1] as number) : -1;
      const next = j < n ? replaceCode(line.charCodeAt(j)) : -1;
      const drop = prev === -1 || next === -1 || ((isCjkLike(prev) || isDigit(prev)) && (isCjkLike(next) || isDigit(next)) && !(isDigit(prev) && isDigit(next)));
      if (!drop) {
        codes[len] = 0x20;
        map[len] = offset + i;
        len += 1;
      }
      i = j;
      continue;
    }
    codes[len] = replaceCode(c);
    map[len] = offset + i;
    len += 1;
    i += 1;
  }
  let text = "";
  for (let k = 0; k < len; k += 8192) text += String.fromCharCode.apply(null, codes.subarray(k, Math.min(len, k + 8192)) as unknown as number[]);
  return { text, map: len === n ? map : map.slice(0, len) };
};

/** Any character that normalisation changes or drops (spaces, invisibles, half-width punctuation, full-width letters and digits, look-alike brackets). */
const NEEDS_WORK = /[\s\u00a0\u00ad\u200b-\u200d\u2060\u202f\u205f\ufeff\u3000():,;?!\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff3b\uff3d\ufe50-\ufe6b\uff0e]/;

/** Reused between calls: normalisation allocates only the result. */
let scratch = new Uint16Array(1024);

/**
 * 规范化整段文字（不保留位置），便于比较单位名称等。Normalise a whole text (without offsets),
 * line by line, e.g. to compare unit names typed in different widths.
 *
 * @category Text
 * @example
 * normalizeText("牵头单位: 县司法局 ,县公安局");
 * //=> "牵头单位：县司法局，县公安局"
 * normalizeText("（八) 2024 年");
 * //=> "（八）2024年"
 */
export const normalizeText = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => normalizeLine(line).text)
    .join("\n");

/** One physical line of the original text. */
export interface SourceLine {
  /** 1-based line number. */
  readonly line: number;
  /** Offset of the first character in the original text. */
  readonly start: number;
  /** The line without its terminator. */
  readonly raw: string;
}

/** Split text into lines (\n, \r\n or \r), with their offsets. Linear in the text length. */
export const splitLines = (text: string): SourceLine[] => {
  const out: SourceLine[] = [];
  let start = 0;
  let line = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      out.push({ line, start, raw: text.slice(start, i) });
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
      start = i + 1;
      line += 1;
    }
  }
  out.push({ line, start, raw: text.slice(start) });
  return out;
};

/** Line starts, for turning an offset into a 1-based line number by binary search. */
export const lineIndex = (lines: readonly SourceLine[]): ((offset: number) => number) => {
  const starts = lines.map((l) => l.start);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
};
