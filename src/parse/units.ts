import type { UnitRef } from "../model/plan.js";
import { type Diagnostic, diag } from "../model/diagnostic.js";
import { type MappedText, mappedSpan } from "../text/normalize.js";
import { bracketOf } from "./chars.js";

/**
 * 默认受保护的集合称谓：其中的“、”不作为分隔符。Collective phrases kept whole when splitting a
 * unit list (their `、` is not a separator). A caller adds more with `groupPhrases`; text in
 * brackets, as in 各镇人民政府（街道办事处）, is never split either.
 *
 * @category Parsing
 * @example
 * DEFAULT_GROUP_PHRASES.includes("各乡镇人民政府、街道办事处");
 * //=> true
 */
export const DEFAULT_GROUP_PHRASES: readonly string[] = Object.freeze([
  "各乡镇人民政府、街道办事处",
  "各乡镇政府、街道办事处",
  "各乡镇、街道",
  "各镇、街道",
  "各乡、镇人民政府",
  "各区、县级市政府",
  "各区、县级市人民政府",
  "各县、区人民政府",
  "各县（市、区）人民政府",
  "各县（市、区）政府",
  "各县（市、区）",
]);

/**
 * 单位名称后面不属于名称的谓语（记入 `qualifier`）。Trailing predicates that are not part of a unit
 * name; they are kept as the reference's `qualifier`. A caller adds more with `unitPredicates`.
 *
 * @category Parsing
 * @example
 * UNIT_PREDICATES.includes("按职责分工负责");
 * //=> true
 */
export const UNIT_PREDICATES: readonly string[] = Object.freeze([
  "按职责分工分别负责",
  "按照职责分工负责",
  "按职责分工负责",
  "按职责分别负责",
  "按职责负责",
  "分别负责",
  "共同负责",
  "具体负责",
  "负责落实",
  "负责",
  "各负其责",
  "组织实施",
  "落实",
  "配合",
  "参与",
  "协助",
  "牵头",
]);

const SEPARATORS = new Set(["、", "，", "；", "。"]);
const UNIT_SUFFIX = /(局|委|办|院|部|府|处|会|所|中心|队|站|室|厅|社|行|司|团|组|支局|分局|公司|街道|单位|部门|乡镇|机关|法庭|庭|馆|校|台|署|集团|区|管委会|政府)$/;
/** “各区、县级市政府”: a bare “各 + region word” joins the item after it. */
const BARE_REGION = /^各(区|县|市|乡|镇|乡镇|街道|村|社区)$/;
/** 等部门 / 等有关单位 / 等具有市场监管职能的部门: the list is not exhaustive. */
const OPEN_ENDED = /等(?:[^、，；等（）]{0,20}?(?:部门|单位|机关|机构))?$/;
/** Unit names are short: look at most this far either side of 及/和 (keeps splitting linear). */
const NAME_MAX = 40;

/**
 * 是否像单位名称：以“局、委、办、政府、部门……”结尾，或“各……”“有关/相关部门”这样的集合称谓；名称后的括注不计。
 * Whether an item reads as a unit name: a unit suffix, or a collective such as 各… / 有关部门; a
 * bracketed note at its end is ignored.
 */
export const looksLikeUnit = (item: string): boolean => {
  const name = item.replace(/（[^（）]{0,30}）$/, "").replace(OPEN_ENDED, "");
  if (name.length < 2 || name.length > NAME_MAX || /[。；，：“”]/.test(name)) return false;
  // Two characters make a name only as 县委, 市局, 街道… — not 试行.
  if (name.length === 2 && !/^各/.test(name) && !/(委|局|办|院|府|街道|部门|单位|乡镇)$/.test(name)) return false;
  return UNIT_SUFFIX.test(name) || /^各./.test(name) || /(有关|相关|其他)(部门|单位)/.test(name);
};

/** 及/和 separate units only between two complete unit names (县行政审批和政务信息管理局 is one unit). */
const splitsOnConjunction = (text: string, itemStart: number, i: number, to: number): boolean => {
  if (i - itemStart > NAME_MAX || !UNIT_SUFFIX.test(text.slice(itemStart, i))) return false;
  const limit = Math.min(to, i + 1 + NAME_MAX);
  let j = i + 1;
  while (j < limit && !SEPARATORS.has(text[j] as string) && text[j] !== "及" && text[j] !== "和") j += 1;
  const next = text.slice(i + 1, j);
  return next.length >= 2 && UNIT_SUFFIX.test(next);
};

const isSeparatorAt = (text: string, i: number, itemStart: number, to: number): boolean => {
  const c = text.charCodeAt(i);
  // 、 ， ； 。
  if (c === 0x3001 || c === 0xff0c || c === 0xff1b || c === 0x3002) return true;
  return (c === 0x53ca /* 及 */ || c === 0x548c) /* 和 */ && splitsOnConjunction(text, itemStart, i, to);
};

/** The items of a list in `text[from, to)`: split at depth-0 separators outside protected phrases. */
export const listItems = (text: string, from: number, to: number, phrases: readonly string[]): Array<[number, number]> => {
  // Search only inside [from, to): searching the whole text for every list would be quadratic.
  const protectedUntil = new Map<number, number>();
  const local = text.slice(from, to);
  for (const phrase of phrases) {
    for (let k = local.indexOf(phrase); k !== -1; k = local.indexOf(phrase, k + phrase.length)) {
      protectedUntil.set(from + k, Math.max(protectedUntil.get(from + k) ?? 0, from + k + phrase.length));
    }
  }
  const items: Array<[number, number]> = [];
  let depth = 0;
  let itemStart = from;
  let shield = -1;
  for (let i = from; i < to; i++) {
    const p = protectedUntil.get(i);
    if (p !== undefined && p > shield) shield = p;
    const bracket = bracketOf(text.charCodeAt(i));
    if (bracket > 0) depth += 1;
    else if (bracket < 0) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i >= shield && isSeparatorAt(text, i, itemStart, to)) {
      items.push([itemStart, i]);
      itemStart = i + 1;
    }
  }
  items.push([itemStart, to]);
  // Trim spaces, drop empty items, join “各区、县级市政府”-style pairs.
  const out: Array<[number, number]> = [];
  for (const [a0, b0] of items) {
    let a = a0;
    let b = b0;
    while (a < b && text[a] === " ") a += 1;
    while (b > a && text[b - 1] === " ") b -= 1;
    if (a === b) continue;
    const prev = out[out.length - 1];
    if (prev !== undefined && BARE_REGION.test(text.slice(prev[0], prev[1])) && text[prev[1]] === "、") prev[1] = b;
    else out.push([a, b]);
  }
  return out;
};

/** Where the first bracket that never closes in `text[a, b)` opens, or -1. */
const unclosedFrom = (text: string, a: number, b: number): number => {
  const opens: number[] = [];
  for (let i = a; i < b; i++) {
    const bracket = bracketOf(text.charCodeAt(i));
    if (bracket > 0) opens.push(i);
    else if (bracket < 0) opens.pop();
  }
  return opens[0] ?? -1;
};

/** The bracket closing at the end of `text[a, b)`: [open, close] offsets, or undefined. */
const trailingBracket = (text: string, a: number, b: number): [number, number] | undefined => {
  if (text[b - 1] !== "）") return undefined;
  let depth = 0;
  for (let i = b - 1; i >= a; i--) {
    if (text[i] === "）") depth += 1;
    else if (text[i] === "（" && --depth === 0) return i > a ? [i, b - 1] : undefined;
  }
  return undefined;
};

/**
 * 把单位列表拆成单位引用，保留原文写法与位置：单位名后的谓语（按职责分工负责、等部门）记为 `qualifier`；
 * 名称后括注的两个以上单位（各区县政府（南太湖新区、长合区管委会））各作一个引用；括注的说明记入 `qualifier`。
 * Split a unit list into references, each with its source span: trailing predicates become the
 * `qualifier`; two or more units in a bracket after a name are references of their own; a bracketed
 * note after the last name is its qualifier; a one-name bracket (街道办事处) stays part of the name.
 */
export const splitUnitList = (
  m: MappedText,
  from: number,
  to: number,
  lineOf: (offset: number) => number,
  phrases: readonly string[],
  diagnostics: Diagnostic[],
  path: Array<string | number>,
  predicates: readonly string[] = UNIT_PREDICATES,
  key: string = m.text,
): UnitRef[] => {
  // Separators, predicates and unit suffixes are matched on `key` (traditional role words read as
  // simplified, offset for offset); names and qualifiers are sliced from the text as printed.
  const text = key;
  const printed = m.text;
  const items = listItems(text, from, to, phrases);
  /** The items inside a bracket, without a leading 含/包括: [from, to, text]. */
  const membersOf = ([open, close]: [number, number]): Array<[number, number, string]> =>
    listItems(text, open + 1, close, phrases).map(([x, y]) => {
      const lead = /^(含|包括)/.exec(text.slice(x, x + 2))?.[0].length ?? 0;
      return [x + lead, y, text.slice(x + lead, y)];
    });
  const refs: UnitRef[] = [];
  const ref = (a: number, b: number, qualifier?: string): void => {
    if (b <= a) return;
    const r: { -readonly [K in keyof UnitRef]: UnitRef[K] } = { text: printed.slice(a, b), source: mappedSpan(m, a, b, lineOf) };
    if (qualifier !== undefined) r.qualifier = qualifier;
    refs.push(r);
  };
  items.forEach(([a, b0], index) => {
    let b = b0;
    const notes: string[] = [];
    const last = index === items.length - 1;
    const stripPredicates = (): void => {
      // Innermost last: 等负责 is 等 + 负责.
      for (let round = 0; round < 3; round++) {
        const item = text.slice(a, b);
        const predicate = predicates.find((p) => item.length > p.length + 1 && item.endsWith(p));
        const open = predicate === undefined ? OPEN_ENDED.exec(item) : null;
        const cut = predicate !== undefined ? predicate.length : open !== null && open.index > 0 ? open[0].length : 0;
        if (cut === 0) return;
        const words = printed.slice(b - cut, b);
        notes.unshift(words);
        if (open !== null) {
          diagnostics.push(diag("open_ended_list", "info", `单位列表以“${words}”结尾，名单并不完整`, `The unit list ends with "${words}": it is not exhaustive`, path, mappedSpan(m, a, b0, lineOf)));
        }
        b -= cut;
      }
    };
    if (last) {
      // A bracket left open at the end of a cut-off list (各区县政府〔含): the name stops before it.
      const cutAt = unclosedFrom(text, a, b);
      if (cutAt > a) {
        notes.unshift(printed.slice(cutAt, b));
        b = cutAt;
      }
      stripPredicates();
    }
    // A bracketed note after the last name (列第一位的为牵头单位，下同): its qualifier.
    let bracket = trailingBracket(text, a, b);
    if (last && bracket !== undefined && bracket[1] - bracket[0] > 8 && !membersOf(bracket).every(([, , name]) => looksLikeUnit(name))) {
      notes.unshift(printed.slice(bracket[0], b));
      b = bracket[0];
      stripPredicates();
      bracket = trailingBracket(text, a, b);
    }
    const qualifier = notes.length > 0 ? notes.join("") : undefined;
    // Two or more units in a bracket after a name: each is a reference (the name's own, then theirs).
    const members = bracket === undefined ? [] : membersOf(bracket);
    if (bracket !== undefined && members.length >= 2 && members.every(([, , name]) => looksLikeUnit(name))) {
      ref(a, bracket[0]);
      members.forEach(([x, y], k) => ref(x, y, k === members.length - 1 ? qualifier : undefined));
      return;
    }
    ref(a, b, qualifier);
  });
  return refs;
};
