// Tokens of a criteria unit: item numbers, points, the 考核： marker and the text between them.
// Each recogniser is a small named rule; the item builder (structure.ts) decides what the text is.
import { parseChineseNumeral } from "../../text/numerals.js";

/** Numbering styles, from the outermost (章) to the innermost (①). */
export type Style = "chapter" | "article" | "section" | "cn" | "paren_cn" | "arabic" | "paren_arabic" | "circled" | "code";

/** The usual order of numbering styles: a smaller rank sits above a larger one. */
export const STYLE_RANK: Readonly<Record<Style, number>> = { chapter: 0, article: 1, section: 1.5, cn: 2, paren_cn: 3, arabic: 4, paren_arabic: 5, circled: 6, code: 7 };

/** An item number as printed. */
export interface Marker {
  readonly style: Style;
  /** The number as printed, without 、 or . (`一`, `(一)`, `1`, `第八条`, `Ⅶ-1-1`). */
  readonly label: string;
  readonly value: number;
  /** For codes such as Ⅶ-1-1: the number of parts (deeper codes sit lower). */
  readonly parts?: number;
}

export type Token =
  | { readonly t: "number"; readonly from: number; readonly to: number; readonly marker: Marker; readonly strong: boolean; readonly atStart: boolean }
  | { readonly t: "glued"; readonly from: number; readonly to: number; readonly digits: string }
  | { readonly t: "points"; readonly from: number; readonly to: number; readonly value: number }
  | { readonly t: "bare"; readonly from: number; readonly to: number; readonly value: number; readonly chinese: boolean }
  | { readonly t: "mark"; readonly from: number; readonly to: number }
  | { readonly t: "text"; readonly from: number; readonly to: number };

const CN = "[一二三四五六七八九十百零〇]";
const POINTS_NUMBER = String.raw`\d{1,3}(?:\.\d{1,2})?`;

/** Rule `item_number`: numbers that open an item, tried at the start of a unit or after a sentence end. */
const NUMBER_RULES: ReadonlyArray<{ name: string; re: RegExp; read: (m: RegExpExecArray) => Marker | undefined; strong: boolean; startOnly?: boolean }> = [
  {
    name: "chapter_article",
    re: new RegExp(`第(${CN}{1,5}|\\d{1,3})([章条节])`, "y"),
    read: (m) => {
      const value = parseChineseNumeral(m[1] as string);
      if (value === undefined) return undefined;
      const style: Style = m[2] === "章" ? "chapter" : m[2] === "条" ? "article" : "section";
      return { style, label: m[0], value };
    },
    strong: true,
  },
  {
    name: "paren_chinese",
    re: new RegExp(`（(${CN}{1,3})）`, "y"),
    read: (m) => {
      const value = parseChineseNumeral(m[1] as string);
      return value === undefined ? undefined : { style: "paren_cn", label: `(${m[1]})`, value };
    },
    strong: true,
  },
  {
    name: "chinese_dun",
    re: new RegExp(`(${CN}{1,3})[、．]`, "y"),
    read: (m) => {
      const value = parseChineseNumeral(m[1] as string);
      return value === undefined ? undefined : { style: "cn", label: m[1] as string, value };
    },
    strong: true,
  },
  {
    name: "code",
    re: /([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]{1,4}(?:-\d{1,3}){1,3})/y,
    read: (m) => {
      const parts = (m[1] as string).split("-");
      return { style: "code", label: m[1] as string, value: Number(parts[parts.length - 1]), parts: parts.length };
    },
    strong: true,
    startOnly: true,
  },
  {
    name: "paren_arabic",
    re: /（(\d{1,2})）/y,
    read: (m) => ({ style: "paren_arabic", label: `(${m[1]})`, value: Number(m[1]) }),
    strong: false,
  },
  {
    name: "circled",
    re: /([①-⑳])/y,
    read: (m) => ({ style: "circled", label: m[1] as string, value: (m[1] as string).charCodeAt(0) - 0x2460 + 1 }),
    strong: false,
    startOnly: true,
  },
  {
    name: "arabic",
    re: /(\d{1,3})(?:[、．]|\.(?!\d))/y,
    read: (m) => ({ style: "arabic", label: m[1] as string, value: Number(m[1]) }),
    strong: false,
  },
];

/** Characters before `N分` that make it part of a rule (扣3分, 得2分, 在2分内 …), not an item's points. */
const NOT_POINTS_BEFORE = new Set([..."扣减加得记计各共每完在内过于至到达为的低高超满少多余剩和或及、，：“值是按照占另再"]);
const BARE_POINTS = new RegExp(`(${POINTS_NUMBER})分(?![为以内之的值钟数制别])`, "y");
const BRACKET_POINTS = new RegExp(`（(${POINTS_NUMBER})分）`, "y");
const MARK = /(?:考核|评分标准|扣分标准|评分|考评|评分办法|考核办法|考核标准)：/y;
const SENTENCE_END = /[。；！？：]/;
/** A short name of scoring offices just before a number glued to it (市委办52、): `office_then_number`. */
const OFFICE_TAIL = /[。；]([\u4e00-\u9fff、（）]{2,30}?(?:办|局|委|部|处|室|科|院|厅|队|所|中心|政府|会|庭|站|组))$/;

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isCjk = (c: string | undefined): boolean => c !== undefined && /[\u3400-\u9fff]/.test(c);

/** Rule `cell_numeral`: a cell that is only a number (序号 or 分值 column of a flattened table). */
const BARE_CELL = new RegExp(`^(?:(${POINTS_NUMBER})|(${CN}{1,3}))$`);
/** Rule `cell_points`: a cell that is only points, maybe with a bracket lost by the copy (`90分)`). */
const POINTS_CELL = new RegExp(`^（?(${POINTS_NUMBER})分）?$`);
/** Rule `name_glued_points`: a short name cell with its points glued on (`综合工作33`). */
const NAME_POINTS_CELL = new RegExp(`^([^\\d，。；：、]{2,24}?)(${POINTS_NUMBER})$`);

/**
 * Tokenize one unit (cell or paragraph). `cell` says the unit is a whole table cell (one cell per
 * paragraph or a row's cell), where whole-cell rules apply; `gluedPoints: false` when the table has
 * a points column of its own (a name cell's trailing digits are then part of the name). Linear in
 * the length of the unit.
 */
export const tokenize = (s: string, cell: boolean, gluedPoints = true): Token[] => {
  if (cell) {
    let m = BARE_CELL.exec(s);
    if (m !== null) {
      const chinese = m[2] !== undefined;
      const value = chinese ? parseChineseNumeral(m[2] as string) : Number(m[1]);
      if (value !== undefined) return [{ t: "bare", from: 0, to: s.length, value, chinese }];
    }
    m = POINTS_CELL.exec(s);
    if (m !== null) return [{ t: "points", from: 0, to: s.length, value: Number(m[1]) }];
    m = gluedPoints ? NAME_POINTS_CELL.exec(s) : null;
    if (m !== null) {
      const cut = (m[1] as string).length;
      return [{ t: "text", from: 0, to: cut }, { t: "points", from: cut, to: s.length, value: Number(m[2]) }];
    }
  }
  const out: Token[] = [];
  let textFrom = 0;
  let boundary = 0; // the last position after which a number may start (unit start, sentence end, points)
  const emitText = (to: number) => {
    if (to > textFrom) out.push({ t: "text", from: textFrom, to });
  };
  /** Emit a marker token after the text before it; reading goes on after it. */
  const take = (token: Token): void => {
    emitText(token.from);
    out.push(token);
    i = token.to;
    textFrom = i;
    boundary = i;
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    const canNumber = i === 0 || i === boundary || SENTENCE_END.test(s[i - 1] as string);
    // 考核： before the rules
    if (canNumber) {
      MARK.lastIndex = i;
      const mark = MARK.exec(s);
      if (mark !== null) {
        take({ t: "mark", from: i, to: i + mark[0].length });
        continue;
      }
      const number = readNumber(s, i, cell);
      if (number !== undefined) {
        take(number.token);
        if (s[i] === " ") {
          i += 1;
          textFrom = i;
          boundary = i;
        }
        continue;
      }
    } else if (isDigit(c) && !isDigit(s[i - 1]) && s[i - 1] !== "." && isCjk(s[i - 1])) {
      // rule `office_then_number`: 市委办52、 — a number glued after the scoring office
      const glued = /(\d{1,4})、/y;
      glued.lastIndex = i;
      const g = glued.exec(s);
      if (g !== null && OFFICE_TAIL.test(s.slice(Math.max(0, i - 31), i))) {
        take(gluedOrNumber(g[1] as string, i, i + g[0].length, false));
        continue;
      }
    }
    if (c === "（") {
      BRACKET_POINTS.lastIndex = i;
      const m = BRACKET_POINTS.exec(s);
      if (m !== null) {
        take({ t: "points", from: i, to: i + m[0].length, value: Number(m[1]) });
        continue;
      }
    }
    if (isDigit(c) && !isDigit(s[i - 1]) && s[i - 1] !== "." && (i === 0 || !NOT_POINTS_BEFORE.has(s[i - 1] as string))) {
      BARE_POINTS.lastIndex = i;
      const m = BARE_POINTS.exec(s);
      if (m !== null && !isDigit(s[i + m[0].length])) {
        take({ t: "points", from: i, to: i + m[0].length, value: Number(m[1]) });
        continue;
      }
    }
    i += 1;
  }
  emitText(s.length);
  return out;
};

const gluedOrNumber = (digits: string, from: number, to: number, atStart: boolean): Token =>
  digits.length >= 2 ? { t: "glued", from, to, digits } : { t: "number", from, to, marker: { style: "arabic", label: digits, value: Number(digits) }, strong: false, atStart };

const readNumber = (s: string, i: number, cell: boolean): { token: Token; to: number } | undefined => {
  for (const rule of NUMBER_RULES) {
    if (rule.startOnly === true && i !== 0) continue;
    rule.re.lastIndex = i;
    const m = rule.re.exec(s);
    if (m === null) continue;
    const marker = rule.read(m);
    if (marker === undefined) continue;
    const to = i + m[0].length;
    // a number must open text (not 1、2、3项 or a lone numeral at the end)
    if (to >= s.length && rule.name !== "chapter_article" && !(cell && i === 0)) return undefined;
    if (rule.name === "arabic" && m[1] !== undefined && m[1].length >= 2 && i > 0) return { token: gluedOrNumber(m[1], i, to, false), to };
    return { token: { t: "number", from: i, to, marker, strong: rule.strong, atStart: i === 0 }, to };
  }
  return undefined;
};
