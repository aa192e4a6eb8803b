import type { Diagnostic } from "../model/diagnostic.js";
import { type MappedText, mappedSpan } from "../text/normalize.js";
import { diag } from "../model/diagnostic.js";
import type { Role, UnitRef } from "../model/plan.js";

/**
 * 分工用语与角色的对应。Role words and the role each maps to.
 * 牵头单位 → lead；责任单位 → responsible；配合单位 / 协办单位 / 参与单位 → support.
 *
 * @category Parsing
 * @example
 * ROLE_WORDS["协办单位"];
 * //=> "support"
 */
export const ROLE_WORDS: Readonly<Record<string, Role>> = Object.freeze({
  牵头单位: "lead",
  牵头部门: "lead",
  牵头领导单位: "lead",
  责任单位: "responsible",
  责任部门: "responsible",
  主责单位: "responsible",
  落实单位: "responsible",
  配合单位: "support",
  配合部门: "support",
  协办单位: "support",
  参与单位: "support",
});
const ROLE_WORD_LIST = Object.keys(ROLE_WORDS).sort((a, b) => b.length - a.length);

/** The role word at `i` followed by a colon, if any: [word, length including the colon]. */
export const roleWordAt = (text: string, i: number): [string, number] | undefined => {
  for (const word of ROLE_WORD_LIST) {
    if (text.startsWith(word, i) && text.charCodeAt(i + word.length) === 0xff1a /* ： */) return [word, word.length + 1];
  }
  return undefined;
};

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

const OPEN = new Set(["（", "〔", "【", "[", "「", "《", "“"]);
const CLOSE = new Set(["）", "〕", "】", "]", "」", "》", "”"]);
const SEPARATORS = new Set(["、", "，", "；", "。"]);
const UNIT_SUFFIX = /(局|委|办|院|部|府|处|会|所|中心|队|站|室|厅|社|行|司|团|组|支局|分局|公司|街道|单位|部门|乡镇|机关|法庭|庭)$/;
/** “各区、县级市政府”: a bare “各 + region word” joins the item after it. */
const BARE_REGION = /^各(区|县|市|乡|镇|乡镇|街道|村|社区)$/;
const OPEN_ENDED = /等(有关|相关)?(部门|单位|机关|机构)?$/;

/** A mapped slice of text: characters and their original offsets. */
export type Mapped = MappedText;

/**
 * 把单位列表（如“县司法局、县公安局及县信访局”）拆成单位引用，保留原文写法与位置。
 * Split a unit list into references, keeping each as written with its source span.
 */
export const splitUnitList = (
  m: Mapped,
  from: number,
  to: number,
  lineOf: (offset: number) => number,
  phrases: readonly string[],
  diagnostics: Diagnostic[],
  path: Array<string | number>,
): UnitRef[] => {
  const text = m.text;
  // Positions inside protected phrases are never separators.
  // Search only inside [from, to): searching the whole text for every list would be quadratic.
  const protectedUntil = new Map<number, number>();
  const local = text.slice(from, to);
  for (const phrase of phrases) {
    for (let k = local.indexOf(phrase); k !== -1; k = local.indexOf(phrase, k + phrase.length)) {
      const at = from + k;
      protectedUntil.set(at, Math.max(protectedUntil.get(at) ?? 0, at + phrase.length));
    }
  }
  const items: Array<[number, number]> = [];
  let depth = 0;
  let itemStart = from;
  let shield = -1;
  for (let i = from; i < to; i++) {
    const p = protectedUntil.get(i);
    if (p !== undefined && p > shield) shield = p;
    const ch = text[i] as string;
    if (OPEN.has(ch)) depth += 1;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && i >= shield && (SEPARATORS.has(ch) || ((ch === "及" || ch === "和") && splitsOnConjunction(text, itemStart, i, to)))) {
      items.push([itemStart, i]);
      itemStart = i + 1;
    }
  }
  items.push([itemStart, to]);

  // Trim spaces, drop empty items, join “各区、县级市政府”-style pairs.
  const trimmed: Array<[number, number]> = [];
  for (const [a0, b0] of items) {
    let a = a0;
    let b = b0;
    while (a < b && text[a] === " ") a += 1;
    while (b > a && text[b - 1] === " ") b -= 1;
    if (a === b) continue;
    const prev = trimmed[trimmed.length - 1];
    if (prev !== undefined && BARE_REGION.test(text.slice(prev[0], prev[1])) && text[prev[1]] === "、") prev[1] = b;
    else trimmed.push([a, b]);
  }

  return trimmed.map(([a, b], index) => {
    let item = text.slice(a, b);
    let end = b;
    let qualifier: string | undefined;
    const open = index === trimmed.length - 1 ? OPEN_ENDED.exec(item) : null;
    if (open !== null && open.index > 0) {
      qualifier = open[0];
      item = item.slice(0, open.index);
      end = a + open.index;
      diagnostics.push(
        diag("open_ended_list", "info", `单位列表以“${qualifier}”结尾，名单并不完整`, `The unit list ends with "${qualifier}": it is not exhaustive`, path, mappedSpan(m, a, b, lineOf)),
      );
    }
    const ref: UnitRef = { text: item, source: mappedSpan(m, a, end, lineOf) };
    return qualifier === undefined ? ref : { ...ref, qualifier };
  });
};

/** Unit names are short: look at most this far either side of 及/和 (keeps splitting linear). */
const NAME_MAX = 40;

/** 及/和 separate units only between two complete unit names (县行政审批和政务信息管理局 is one unit). */
const splitsOnConjunction = (text: string, itemStart: number, i: number, to: number): boolean => {
  if (i - itemStart > NAME_MAX || !UNIT_SUFFIX.test(text.slice(itemStart, i))) return false;
  const limit = Math.min(to, i + 1 + NAME_MAX);
  let j = i + 1;
  while (j < limit && !SEPARATORS.has(text[j] as string) && text[j] !== "及" && text[j] !== "和") j += 1;
  const next = text.slice(i + 1, j);
  return next.length >= 2 && UNIT_SUFFIX.test(next);
};

/** One role and where its unit list lies in the mapped text. */
export interface RoleSegment {
  readonly role: Role;
  readonly word: string;
  readonly from: number;
  readonly to: number;
}

/**
 * 读取分工块（“牵头单位：X；责任单位：Y”），返回各角色的单位列表位置。
 * Read a role block: every role word with a colon at bracket depth 0 starts a segment that
 * runs to the next one. Returns undefined when the block does not start with a role word.
 */
export const roleSegments = (text: string, from: number, to: number): RoleSegment[] | undefined => {
  const starts: Array<{ word: string; at: number; len: number }> = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i] as string;
    if (OPEN.has(ch)) depth += 1;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const hit = roleWordAt(text, i);
      if (hit !== undefined) {
        starts.push({ word: hit[0], at: i, len: hit[1] });
        i += hit[1] - 1;
      }
    }
  }
  const first = starts[0];
  if (first === undefined || text.slice(from, first.at).trim() !== "") return undefined;
  return starts.map((s, k) => {
    let end = k + 1 < starts.length ? (starts[k + 1] as { at: number }).at : to;
    while (end > s.at + s.len && /[，；。\s]/.test(text[end - 1] as string)) end -= 1;
    return { role: ROLE_WORDS[s.word] as Role, word: s.word, from: s.at + s.len, to: end };
  });
};

/** Whether a character closes a bracket. */
export const isCloser = (ch: string): boolean => ch === "）" || ch === "〕" || ch === "】" || ch === "]";

/** The offset of the bracket that opens the one closing at `close`, scanning back; -1 if unbalanced. */
export const matchingOpener = (text: string, close: number, from: number): number => {
  let depth = 0;
  for (let i = close; i >= from; i--) {
    const ch = text[i] as string;
    if (CLOSE.has(ch)) depth += 1;
    else if (OPEN.has(ch)) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
};
