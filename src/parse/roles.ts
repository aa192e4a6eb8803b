import type { Role } from "../model/plan.js";
import { bracketOf } from "./chars.js";
import { type RoleVocabulary, roleLabelAt } from "./role-words.js";
import type { RoleReading, RoleRule, RoleSegment } from "./rules.js";
import { listItems, looksLikeUnit } from "./units.js";

/** Depth-0 pieces of text[from, to) split at the given characters, trimmed of spaces. */
const pieces = (text: string, from: number, to: number, at: string): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i <= to; i++) {
    const ch = text[i] as string;
    const bracket = i < to ? bracketOf(text.charCodeAt(i)) : 0;
    if (bracket > 0) depth += 1;
    else if (bracket < 0) depth = Math.max(0, depth - 1);
    else if (i === to || (depth === 0 && at.includes(ch))) {
      let a = start;
      let b = i;
      while (a < b && text[a] === " ") a += 1;
      while (b > a && (text[b - 1] === " " || text[b - 1] === "。")) b -= 1;
      if (b > a) out.push([a, b]);
      start = i + 1;
    }
  }
  return out;
};

/**
 * 角色用语加冒号：“牵头单位：X；责任单位：Y”。Labelled lists: every role label at bracket depth 0
 * starts a segment that runs to the next; inside brackets the colon may be missing (（责任单位市司法局）).
 * A verb label (部门分工：) reads its list with the verb rule.
 */
export const labelRule = (vocabulary: RoleVocabulary): RoleRule => ({
  name: "roleLabels",
  read: (text, from, to, where) => {
    const starts: Array<{ word: string; role: Role | "verbs"; at: number; len: number }> = [];
    let depth = 0;
    // The list must start with a label: looking for one first keeps prose brackets cheap.
    let lead = from;
    while (lead < to && text.charCodeAt(lead) === 0x20) lead += 1;
    if (roleLabelAt(vocabulary, text, lead, where !== "line") === undefined) return undefined;
    for (let i = from; i < to; i++) {
      const bracket = bracketOf(text.charCodeAt(i));
      if (bracket > 0) depth += 1;
      else if (bracket < 0) depth = Math.max(0, depth - 1);
      else if (depth === 0) {
        const hit = roleLabelAt(vocabulary, text, i, where !== "line" && i === from);
        if (hit !== undefined) {
          starts.push({ word: hit[0], role: hit[1], at: i, len: hit[2] });
          i += hit[2] - 1;
        }
      }
    }
    const first = starts[0];
    if (first === undefined || text.slice(from, first.at).trim() !== "") return undefined;
    const out: RoleSegment[] = [];
    starts.forEach((s, k) => {
      let end = k + 1 < starts.length ? (starts[k + 1] as { at: number }).at : to;
      while (end > s.at + s.len && /[，；。\s]/.test(text[end - 1] as string)) end -= 1;
      if (s.role !== "verbs") out.push({ role: s.role, word: s.word, from: s.at + s.len, to: end });
      else out.push(...(readVerbs(vocabulary, text, s.at + s.len, end)?.segments ?? []));
    });
    return { segments: out };
  },
});

/** A clause that speaks about other tasks or units (以下均需…落实，不再列出): a note, never an assignment. */
const NOTE = /^(以下|下同|上述|其余|其他任务|不再|均需)/;
/** X会同Y…, X组织Y…: X leads (or, after another lead, is responsible), Y supports; the verb after Y is optional. */
const TOGETHER = /^(.{0,80}?)(会同|组织)(.{2,80}?)(?:等(?:有关|相关)?(?:部门|单位))?(办理|实施|进行|落实|负责|开展)?$/;

/** The clauses of a verb-form list: split at ，； and at a 、 that follows a role verb (X牵头、Y…). */
const clausesOf = (vocabulary: RoleVocabulary, text: string, from: number, to: number): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  for (const [a, b] of pieces(text, from, to, "，；")) {
    let start = a;
    // A loop bounded by the clause: indexOf would run on to the end of the text for every clause.
    for (let i = a; i < b; i++) {
      if (text.charCodeAt(i) !== 0x3001 /* 、 */) continue;
      if (vocabulary.verbs.some(([v]) => i - v.length > start && text.startsWith(v, i - v.length))) {
        out.push([start, i]);
        start = i + 1;
      }
    }
    if (b > start) out.push([start, b]);
  }
  return out;
};

/**
 * Verb forms: X牵头，Y配合 / 由X会同Y实施 / X组织有关部门(实施) / X、Y共同负责 / X牵头、Y… . Undefined
 * unless some clause gives units a role; a clause without a verb whose items are all unit names
 * continues the role before it (X会同Y，Z), or takes the role of the verb after it (X，Y按职责分工负责)
 * — except the last one of a bracket cut off by the end of a fragment, whose verb may be lost; other
 * clauses (a deadline, a note, persons) keep the bracket in the text.
 */
const readVerbs = (vocabulary: RoleVocabulary, text: string, from: number, to: number, cut = false): RoleReading | undefined => {
  if (to - from < 3) return undefined; // the shortest is a two-character unit and a verb: 县委负责
  const out: RoleSegment[] = [];
  let keepText = false;
  /** Unit clauses before the first verb (X，Y按职责分工负责): they take the role of the verb after them. */
  const waiting: Array<[number, number]> = [];
  const release = (role: Role, word: string): void => {
    for (const [wa, wb] of waiting.splice(0)) out.push({ role, word, from: wa, to: wb });
  };
  const clauses = clausesOf(vocabulary, text, from, to);
  for (const [k, [a0, b]] of clauses.entries()) {
    const a = text.startsWith("由", a0) ? a0 + 1 : a0;
    const clause = text.slice(a, b);
    const items = (x: number, y: number) => listItems(text, x, y, []).map(([i, j]) => text.slice(i, j));
    const together = NOTE.test(clause) ? null : TOGETHER.exec(clause);
    const verb = NOTE.test(clause) ? undefined : vocabulary.verbs.find(([v]) => clause.length > v.length + 1 && clause.endsWith(v));
    const x = together === null ? "" : (together[1] as string);
    const y = together === null ? "" : (together[3] as string);
    if (together !== null && looksLikeUnit(y) && (together[2] === "会同" ? looksLikeUnit(x) : true)) {
      const word = together[2] as string;
      const yFrom = a + x.length + 2;
      release(looksLikeUnit(x) ? "lead" : "support", word);
      if (looksLikeUnit(x)) out.push({ role: word === "组织" && out.some((s) => s.role === "lead") ? "responsible" : "lead", word, from: a, to: a + x.length });
      out.push({ role: "support", word, from: yFrom, to: b - (together[4]?.length ?? 0) });
    } else if (verb !== undefined && items(a, b - verb[0].length).some(looksLikeUnit)) {
      release(verb[1], verb[0]);
      out.push({ role: verb[1], word: verb[0], from: a, to: b - verb[0].length });
    } else if (!NOTE.test(clause) && !(cut && k === clauses.length - 1) && items(a, b).every(looksLikeUnit)) {
      if (out.length > 0) out.push({ role: (out[out.length - 1] as RoleSegment).role, word: "", from: a, to: b });
      else waiting.push([a, b]);
    } else keepText = true;
  }
  // Unit clauses that no verb followed are not an assignment: the bracket stays in the text.
  if (waiting.length > 0) keepText = true;
  return out.length === 0 ? undefined : { segments: out, keepText };
};

/** 动词式分工：“X牵头，Y配合”“由X会同Y实施”“X、Y共同负责”。Assignments written with verbs. */
export const verbRule = (vocabulary: RoleVocabulary): RoleRule => ({
  name: "roleVerbs",
  read: (text, from, to, where) => (where === "line" ? undefined : readVerbs(vocabulary, text, from, to, where === "open")),
});

/**
 * 任务末尾只列单位的括号：“（县司法局、县法院）”，每一项都像单位名称时才算（“镇（街道）”不算），记为责任单位。
 * A bare list of units in the bracket that ends a task, read as `responsible` when every item reads
 * as a unit name and the bracket follows a sentence end or lists two or more (镇（街道） is not a list).
 */
export const bareListRule: RoleRule = {
  name: "bareUnitList",
  read: (text, from, to, where) => {
    if (where !== "end") return undefined;
    const items = listItems(text, from, to, []);
    if (items.length === 0 || !items.every(([a, b]) => looksLikeUnit(text.slice(a, b)))) return undefined;
    const before = text[from - 2];
    if (items.length < 2 && !(before === undefined || "。；！？".includes(before))) return undefined;
    return { segments: [{ role: "responsible", word: "", from, to }] };
  },
};
