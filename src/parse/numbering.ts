import { parseChineseNumeral } from "../text/numerals.js";

/**
 * 一种编号样式（如“一、”“（一）”“1.”“第三条”“①”）：在规范化文本的某一位置识别编号。
 * A numbering style: recognises its marker at a position of a normalised line. Styles are the
 * parser's heading rules; a caller adds one with `rules.numbering` or turns one off by name.
 *
 * @category Parsing
 * @example
 * const dash: NumberingStyle = {
 *   name: "dashNumber",
 *   rank: 3,
 *   match: (text, at) => {
 *     const m = /^-(\d{1,3})-/.exec(text.slice(at, at + 6));
 *     return m === null ? undefined : { length: m[0].length, numeral: Number(m[1]) };
 *   },
 * };
 */
export interface NumberingStyle {
  /** 规则名称。The rule's name, for `rules.disable`. */
  readonly name: string;
  /**
   * 层级：越小越高（第N章 0、一、 1、第N条 1.5、（一） 2、1. 3、（1） 4、⑴ 4.5、① 5）。
   * The place in the heading ladder: smaller is higher.
   */
  readonly rank: number;
  /**
   * 在 `at` 处识别编号：返回编号长度和数值。只能查看有限个字符（保持线性时间）。
   * The marker at `at`, if any: its length and numeric value. Must look at a bounded number of characters.
   */
  readonly match: (text: string, at: number) => { readonly length: number; readonly numeral: number } | undefined;
  /**
   * 只在接续编号时才算（如无标点的“11完善…”）。Count only when it continues the numbering
   * (a bare `11完善…`), never as a first item and never mid-line.
   */
  readonly needsSequence?: boolean;
  /** 与哪种样式共用编号序列（默认自身）。Which style's count it continues (default: its own name). */
  readonly sequence?: string;
  /**
   * 编号可能的第一个字符（可选，用于快速跳过）。The characters a marker can start with (optional: lets the
   * parser skip the style quickly where none of them stands).
   */
  readonly firstChars?: string;
}

const CN_DIGITS = "零〇一二两三四五六七八九十百";
const CN = `[${CN_DIGITS}]{1,4}`;
const DIGITS = "0123456789";
/** A sticky pattern tried at one position: linear time however the text looks. */
const at = (source: string, read: (m: RegExpExecArray) => number | undefined): NumberingStyle["match"] => {
  const re = new RegExp(source, "y");
  return (text, i) => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) return undefined;
    const numeral = read(m);
    return numeral === undefined ? undefined : { length: m[0].length, numeral };
  };
};
const cn = (m: RegExpExecArray): number | undefined => parseChineseNumeral(m[1] as string);
const arabic = (m: RegExpExecArray): number | undefined => Number(m[1]);
const circled = (first: number, count: number): NumberingStyle["match"] => (text, i) => {
  const c = text.charCodeAt(i) - first;
  return c >= 0 && c < count ? { length: 1, numeral: c + 1 } : undefined;
};

/** Measure words after a bare number: 2024年, 24小时, 3家, 5个工作日 are not numbering. */
const NOT_AFTER_BARE = "年月日号时小分秒个项次条款万亿千百元名人家所户件台套批期类种岁天周届级倍米里亩吨余多％%‰";

/**
 * 内置编号样式，按尝试顺序。The built-in numbering styles, in the order they are tried.
 * @category Parsing
 * @example
 * NUMBERING_STYLES.map((s) => s.name);
 * //=> ["chapter", "article", "cnComma", "cnParen", "arabic", "arabicBeforeYear", "arabicParen", "parenDigit", "circled", "bareNumber"]
 */
export const NUMBERING_STYLES: readonly NumberingStyle[] = Object.freeze([
  { name: "chapter", rank: 0, firstChars: "第", match: at(`第(${CN}|\\d{1,3})章`, (m) => parseChineseNumeral(m[1] as string)) },
  { name: "article", rank: 1.5, firstChars: "第", match: at(`第(${CN}|\\d{1,3})条(?![件款例])`, (m) => parseChineseNumeral(m[1] as string)) },
  { name: "cnComma", rank: 1, firstChars: CN_DIGITS, match: at(`(${CN})、`, cn) },
  { name: "cnParen", rank: 2, firstChars: "（", match: at(`（(${CN})）`, cn) },
  { name: "arabic", rank: 3, firstChars: DIGITS, match: at("(\\d{1,3}) ?[.、](?!\\d)", arabic) },
  {
    // 5.2020年8月底前…: a number, a point and a year read as the decimal 5.2020. At a line start, and only
    // where 5 continues the 1. 2. 3. count, the point ends an item label and the year begins the text.
    name: "arabicBeforeYear",
    rank: 3,
    firstChars: DIGITS,
    needsSequence: true,
    sequence: "arabic",
    match: at("(\\d{1,3}) ?[.、](?=(?:19|20)\\d\\d年)", arabic),
  },
  { name: "arabicParen", rank: 4, firstChars: "（", match: at("（(\\d{1,3})）", arabic) },
  { name: "parenDigit", rank: 4.5, match: circled(0x2474, 20) }, // ⑴–⒇
  { name: "circled", rank: 5, match: circled(0x2460, 20) }, // ①–⑳
  {
    name: "bareNumber",
    rank: 3,
    firstChars: DIGITS,
    needsSequence: true,
    sequence: "arabic",
    match: (text, i) => {
      const m = /^\d{1,3}/.exec(text.slice(i, i + 4));
      const next = m === null ? undefined : text.charCodeAt(i + m[0].length);
      if (m === null || next === undefined || next < 0x4e00 || next > 0x9fff || NOT_AFTER_BARE.includes(String.fromCharCode(next))) return undefined;
      return { length: m[0].length, numeral: Number(m[0]) };
    },
  },
]);

/** A numbering marker found in a line. */
export interface Marker {
  readonly style: NumberingStyle;
  readonly numeral: number;
  /** The marker as written (normalised), e.g. （十七） or 3. */
  readonly label: string;
  readonly length: number;
}

/** The first style whose marker starts at `i`. */
export const markerAt = (text: string, i: number, styles: readonly NumberingStyle[]): Marker | undefined => {
  const first = text[i];
  if (first === undefined) return undefined;
  for (const style of styles) {
    if (style.firstChars !== undefined && !style.firstChars.includes(first)) continue;
    const m = style.match(text, i);
    if (m !== undefined && m.length > 0) return { style, numeral: m.numeral, label: text.slice(i, i + m.length).replace(/ $/, ""), length: m.length };
  }
  return undefined;
};

/**
 * The count of each numbering sequence so far, in document order: a marker in the middle of a
 * line, or a style that needs it, counts only when it continues its sequence (or starts one under
 * another style's heading).
 */
export class NumberingState {
  private readonly last = new Map<string, number>();
  private lastKey: string | undefined;

  /** Whether a marker continues its sequence: n = last + 1, or 1 after another style's marker. */
  continues(m: Marker): boolean {
    const key = m.style.sequence ?? m.style.name;
    const last = this.last.get(key);
    if (last !== undefined && m.numeral === last + 1) return true;
    return m.numeral === 1 && this.lastKey !== key;
  }

  /** Whether a marker at the start of a line is accepted. */
  acceptsLineStart(m: Marker): boolean {
    if (m.style.needsSequence !== true) return true;
    const last = this.last.get(m.style.sequence ?? m.style.name);
    return last === undefined ? m.numeral > 1 || this.lastKey !== undefined : m.numeral === last + 1;
  }

  record(m: Marker): void {
    const key = m.style.sequence ?? m.style.name;
    this.last.set(key, m.numeral);
    this.lastKey = key;
  }
}
