import { formatChineseNumeral } from "../text/numerals.js";
import { walkXml } from "./xml.js";

/** One level of a list: where it starts, how its number is written, and its label pattern (%1、 （%2）). */
interface Level {
  start: number;
  format: string;
  text: string;
  legal: boolean;
  style: string | undefined;
}

/** numbering.xml and the numbering of paragraph styles, read once. */
export interface NumberingDefs {
  readonly abstracts: ReadonlyMap<string, Level[]>;
  /** numId → abstractNumId and level start overrides. */
  readonly nums: ReadonlyMap<string, { abstract: string; starts: ReadonlyMap<number, number> }>;
  /** styleId → the numbering it brings (numId, level if given), following basedOn. */
  readonly styles: ReadonlyMap<string, { numId?: string | undefined; ilvl?: number; basedOn?: string | undefined }>;
}

const int = (s: string | undefined, fallback: number): number => {
  const n = s === undefined ? Number.NaN : Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : fallback;
};

/** Read numbering.xml (lists) and styles.xml (styles that number their paragraphs, as headings do). */
export const readNumbering = (numbering: Uint8Array | undefined, styles: Uint8Array | undefined): NumberingDefs => {
  const abstracts = new Map<string, Level[]>();
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  if (numbering !== undefined) {
    let levels: Level[] | undefined;
    let level: Level | undefined;
    let num: { abstract: string; starts: Map<number, number> } | undefined;
    let override: number | undefined;
    walkXml(numbering, {
      open: (e) => {
        if (e.name === "abstractNum") abstracts.set(e.attr("abstractNumId") ?? "", (levels = []));
        else if (e.name === "lvl" && levels !== undefined && override === undefined) levels[int(e.attr("ilvl"), 0)] = level = { start: 1, format: "decimal", text: "", legal: false, style: undefined };
        else if (level !== undefined && e.name === "start") level.start = int(e.attr("val"), 1);
        else if (level !== undefined && e.name === "numFmt") level.format = e.attr("val") ?? "decimal";
        else if (level !== undefined && e.name === "lvlText") level.text = e.attr("val") ?? "";
        else if (level !== undefined && e.name === "isLgl") level.legal = e.attr("val") !== "0" && e.attr("val") !== "false";
        else if (level !== undefined && e.name === "pStyle") level.style = e.attr("val");
        else if (e.name === "num") nums.set(e.attr("numId") ?? "", (num = { abstract: "", starts: new Map() }));
        else if (num !== undefined && e.name === "abstractNumId") num.abstract = e.attr("val") ?? "";
        else if (num !== undefined && e.name === "lvlOverride") override = int(e.attr("ilvl"), 0);
        else if (num !== undefined && override !== undefined && e.name === "startOverride") num.starts.set(override, int(e.attr("val"), 1));
      },
      close: (e) => {
        if (e.name === "abstractNum") levels = undefined;
        else if (e.name === "lvl") level = undefined;
        else if (e.name === "num") num = undefined;
        else if (e.name === "lvlOverride") override = undefined;
      },
    });
  }
  const styleDefs = new Map<string, { numId?: string | undefined; ilvl?: number; basedOn?: string | undefined }>();
  if (styles !== undefined) {
    let style: { numId?: string | undefined; ilvl?: number; basedOn?: string | undefined } | undefined;
    let inPPr = 0;
    walkXml(styles, {
      open: (e) => {
        if (e.name === "style") styleDefs.set(e.attr("styleId") ?? "", (style = {}));
        else if (style !== undefined && e.name === "basedOn") style.basedOn = e.attr("val");
        else if (style !== undefined && e.name === "pPr") inPPr += 1;
        else if (style !== undefined && inPPr > 0 && e.name === "numId") style.numId = e.attr("val");
        else if (style !== undefined && inPPr > 0 && e.name === "ilvl") style.ilvl = int(e.attr("val"), 0);
      },
      close: (e) => {
        if (e.name === "style") style = undefined;
        else if (e.name === "pPr") inPPr = Math.max(0, inPPr - 1);
      },
    });
  }
  return { abstracts, nums, styles: styleDefs };
};

const ROMAN: ReadonlyArray<readonly [number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
const roman = (n: number): string => {
  let out = "";
  let rest = n;
  for (const [v, s] of ROMAN) while (rest >= v) (out += s), (rest -= v);
  return out;
};
const letter = (n: number): string => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
const LEGAL: Readonly<Record<string, string>> = { 一: "壹", 二: "贰", 三: "叁", 四: "肆", 五: "伍", 六: "陆", 七: "柒", 八: "捌", 九: "玖", 十: "拾", 百: "佰", 千: "仟", 零: "零" };
const TIANGAN = "甲乙丙丁戊己庚辛壬癸";
const enclosed = (n: number, first: number, count: number): string => (n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n));

/** A number as a list level writes it (w:numFmt). Unknown formats are written as decimal. */
export const formatNumber = (n: number, format: string): string => {
  switch (format) {
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return enclosed(n, 0x2460, 20);
    case "decimalEnclosedParen":
      return enclosed(n, 0x2474, 20);
    case "decimalEnclosedFullstop":
      return enclosed(n, 0x2488, 20);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerLetter":
      return letter(n);
    case "chineseCounting":
    case "chineseCountingThousand":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
    case "ideographLegalTraditional":
      return formatChineseNumeral(n);
    case "chineseLegalSimplified":
      return [...formatChineseNumeral(n)].map((c) => LEGAL[c] ?? c).join("");
    case "ideographDigital":
    case "taiwaneseDigital":
      return String(n).replace(/\d/g, (d) => "〇一二三四五六七八九"[Number(d)] as string);
    case "ideographTraditional":
      return TIANGAN[(n - 1) % 10] as string;
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
};

/**
 * The printed labels of numbered paragraphs, in document order: counters per list (abstract
 * numbering, as Word keeps them), deeper levels restarting under a new higher-level item, start
 * overrides applied when a list instance is first used. Bullets give no label.
 */
export const labeller = (defs: NumberingDefs) => {
  const counters = new Map<string, Array<number | undefined>>();
  const used = new Set<string>();
  const styleNumbering = (styleId: string | undefined): { numId?: string | undefined; ilvl?: number } => {
    for (let id = styleId, hops = 0; id !== undefined && hops < 20; hops++) {
      const s = defs.styles.get(id);
      if (s === undefined) break;
      if (s.numId !== undefined) return s;
      id = s.basedOn;
    }
    return {};
  };
  return (numId: string | undefined, ilvl: number | undefined, styleId: string | undefined): string => {
    const fromStyle = numId === undefined ? styleNumbering(styleId) : {};
    const id = numId ?? fromStyle.numId;
    if (id === undefined || id === "0") return "";
    const num = defs.nums.get(id);
    const levels = num === undefined ? undefined : defs.abstracts.get(num.abstract);
    if (num === undefined || levels === undefined) return "";
    let level = ilvl ?? fromStyle.ilvl;
    if (level === undefined) level = Math.max(0, levels.findIndex((l) => l !== undefined && l.style === styleId));
    level = Math.min(8, Math.max(0, level));
    const lvl = levels[level];
    if (lvl === undefined || lvl.format === "bullet") return "";
    const counts = counters.get(num.abstract) ?? [];
    counters.set(num.abstract, counts);
    if (!used.has(id)) {
      used.add(id);
      for (const [l, start] of num.starts) counts[l] = start - 1;
    }
    counts[level] = (counts[level] ?? lvl.start - 1) + 1;
    for (let k = level + 1; k < counts.length; k++) counts[k] = undefined;
    return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const at = levels[k];
      const n = counts[k] ?? at?.start ?? 1;
      return formatNumber(n, lvl.legal ? "decimal" : (at?.format ?? "decimal"));
    });
  };
};
