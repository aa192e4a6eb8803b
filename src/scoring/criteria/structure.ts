// The structure reader: units (cells or paragraphs) → the item hierarchy (一级/二级/三级 with points,
// 评分标准, offices), with provenance. The decisions are small named rules, described where they are made.
import { type Diagnostic, diag } from "../../model/diagnostic.js";
import type { MappedText } from "../../text/normalize.js";
import type { ColumnRole, Layout, Unit } from "./layout.js";
import { CONSEQUENCE_WORDS, PHRASE_RULES, type PhraseRule } from "./phrase-rules.js";
import { readPhrasesOf, unreadDiagnostic } from "./phrases.js";
import { type Marker, STYLE_RANK, type Style, type Token, tokenize } from "./tokens.js";
import type { CriteriaItem, CriteriaPhrase, CriteriaSource } from "./types.js";

/** A piece of a unit's text. */
interface Seg {
  readonly unit: number;
  readonly from: number;
  readonly to: number;
}

type Event =
  | (Token & { readonly unit: number })
  | { readonly t: "open"; readonly unit: number; readonly column: number }
  | { readonly t: "criteria" | "office" | "method"; readonly unit: number; readonly from: number; readonly to: number }
  | { readonly t: "row" | "end"; readonly unit: number };

interface Draft {
  number: string;
  style?: Style;
  parts?: number;
  depth: number;
  column?: number;
  name: Seg[];
  points?: number;
  pointsSeg?: Seg;
  criteria: Seg[];
  description: Seg[];
  office: string[];
  method?: string;
  first: Seg;
  phase: "name" | "points" | "criteria";
}

const OFFICE = /^[\u4e00-\u9fff（）、]{2,40}$/;
const OFFICE_END = /(?:办|局|委|部|处|室|科|院|厅|队|所|中心|政府|会|庭|站|组|监狱)$/;
/** Rule `office_cell`: the scoring office column — unit names (市委办, 人大办、政府办、政协办). */
export const looksLikeOffice = (text: string): boolean => OFFICE.test(text) && text.split("、").every((p) => p.length >= 2 && OFFICE_END.test(p));

/** Rule `plan_section_heading`: headings of the 方案 itself (考核的内容和分值, 计分办法) hold no criteria of their own. */
const SECTION = /^(?:考核|考评|测评|评分)?的?(?:内容(?:和|及|与)?分值|计分(?:办法|方法)|评分(?:办法|方法)|(?:考核|考评)?(?:办法|方法|方式|程序|步骤|对象|范围|结果(?:运用|应用)?)|指导思想|基本原则|目的意义|适用范围)$/;
/** Rule `declared_total`: 百分制, 以100分为标准, 满分100分, 总分100分. */
const TOTAL = /百分制|以(\d{2,4})分为(?:标准|满分|基数)|满分(?:为)?(\d{2,4})分|总分(?:为)?(\d{2,4})分/;

const hasConsequence = (text: string): boolean => CONSEQUENCE_WORDS.test(text);

/** One numbering style serves at most this many levels below its first (same_style_heading). */
const MAX_SAME_STYLE_DEPTH = 2;

/** Sentences of a text: [from, to) with the terminator inside. */
const sentencesOf = (text: string): Array<{ from: number; to: number }> => {
  const out: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if ("。；！？\n".includes(text[i] as string)) {
      out.push({ from, to: i + 1 });
      from = i + 1;
    }
  }
  if (from < text.length) out.push({ from, to: text.length });
  return out;
};

/** Clauses of a sentence at ， (internal offsets). */
const clausesOf = (text: string, from: number, to: number): Array<{ from: number; to: number }> => {
  const out: Array<{ from: number; to: number }> = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (text[i] === "，") {
      out.push({ from: start, to: i + 1 });
      start = i + 1;
    }
  }
  if (start < to) out.push({ from: start, to });
  return out;
};

const isCondition = (clause: string): boolean => /(?:的|者)[，。；]?$/.test(clause);

/**
 * Rule `rule_in_sentence`: where an item's requirement and its rule share one sentence
 * (`全年结案率达到90%，低于此每10个百分点扣1分`, `被申请行政复议的案件，复议结果为…的，发生1起扣2分`), the name
 * is the requirement and the rule starts at the consequence, with the conditions (…的) before it.
 * Returns the offset where the rule starts, or undefined when the sentence holds no rule.
 */
export const ruleStartInSentence = (text: string, from: number, to: number, cut: boolean): number | undefined => {
  const clauses = clausesOf(text, from, to);
  let ci = clauses.findIndex((c) => hasConsequence(text.slice(c.from, c.to)));
  if (ci === -1) {
    // a sentence cut off after its condition (被提起行政诉讼的案件，发生败诉的，)
    if (!cut || clauses.length < 2 || !isCondition(text.slice((clauses[clauses.length - 1] as { from: number }).from, to))) return undefined;
    ci = clauses.length - 1;
  }
  let j = ci;
  while (j - 1 >= 1 && isCondition(text.slice((clauses[j - 1] as { from: number }).from, (clauses[j - 1] as { to: number }).to))) j -= 1;
  return (clauses[j] as { from: number }).from;
};

export interface BuildResult {
  readonly items: CriteriaItem[];
  readonly total?: number;
  readonly title?: string;
  readonly diagnostics: Diagnostic[];
}

/** Rule `table_title`: the last line before the items that reads as a title (…考核细则, …评分标准, …考评标准表). */
const TITLE = /^(?!.*(?:关于印发|的通知|当前位置|来源|发布时间))(.{2,60}?(?:考核|考评|评分|测评|检查验收|评价)(?:工作)?(?:细则|标准|办法|方案|指标体系|评分表|标准表|内容及评分标准))(?:（[^（）]*分[^（）]*）)?$/;

/**
 * Build the items of a criteria table from its layout (internal). Never throws for any layout;
 * linear in the number of units and their length.
 */
export const buildItems = (layout: Layout, rules: readonly PhraseRule[] = PHRASE_RULES): BuildResult => {
  const units = layout.units;
  const roles = layout.header?.roles ?? [];
  const headerMode = layout.header !== undefined;
  const trailing = (() => {
    const at = roles.lastIndexOf("criteria");
    return at === -1 ? [] : roles.slice(at + 1);
  })();
  const hasOfficeColumn = roles.includes("office");
  const hasMethodColumn = trailing.includes("method");

  // ---- events ----
  const events: Event[] = [];
  const forced: ForcedState = { lastInColumn: new Map(), skipPoints: false, numbered: false, pointsColumn: roles.includes("points") };
  let row = -1;
  for (const [u, unit] of units.entries()) {
    if (unit.row !== undefined && unit.row !== row) {
      row = unit.row;
      forced.skipPoints = false;
      forced.numbered = false;
      if (unit.role !== undefined) events.push({ t: "row", unit: u });
    }
    if (unit.role !== undefined) {
      pushForced(events, unit, u, forced);
      continue;
    }
    for (const token of tokenize(unit.m.text, unit.cell)) events.push({ ...token, unit: u });
    events.push({ t: "end", unit: u });
  }

  // Pre-pass: which numbering styles ever carry points, and whether rules are introduced by 考核：.
  const stylePoints = new Set<Style>();
  let usesMarks = false;
  {
    let lastStyle: Style | undefined;
    for (const e of events) {
      if (e.t === "number") lastStyle = e.marker.style;
      else if (e.t === "glued") lastStyle = "arabic";
      else if (e.t === "points" && lastStyle !== undefined) stylePoints.add(lastStyle);
      else if (e.t === "mark") usesMarks = true;
    }
  }

  // ---- the builder ----
  const drafts: Draft[] = [];
  const diagnostics: Diagnostic[] = [];
  let cur: Draft | undefined;
  let started = headerMode;
  let forceCriteria = false;
  let pending: Seg[] = [];
  let pendingWhole = false; // the pending text is a whole cell
  let pendingRest = false; // the pending text runs to the end of its unit, after a number that opened it
  let pendingRule = false; // the pending text is a labelled rule of the current item
  let openColumn: number | undefined;
  const preambleText: string[] = layout.preamble.map((p) => p.m.text);
  const sequences = new Map<string, number[]>();
  /** The heading above glued numbers and the points its items have used so far (points_glued_to_number). */
  const budget: { heading?: Draft; used: number } = { used: 0 };

  const text = (s: Seg): string => (units[s.unit] as Unit).m.text.slice(s.from, s.to);
  const joined = (segs: readonly Seg[]): string => segs.map(text).join("");

  const newDraft = (first: Seg, marker?: Marker, depth = 0): Draft => {
    const d: Draft = { number: marker?.label ?? "", depth, name: [], criteria: [], description: [], office: [], first, phase: "name" };
    if (marker !== undefined) {
      d.style = marker.style;
      if (marker.parts !== undefined) d.parts = marker.parts;
    }
    if (openColumn !== undefined) d.column = openColumn;
    openColumn = undefined;
    drafts.push(d);
    cur = d;
    started = true;
    forceCriteria = false;
    return d;
  };

  const keyOf = (style: Style, parts: number | undefined): string => (style === "code" ? `code${parts ?? 1}` : style);

  /** Where a number fits its style's sequences: the depth, or undefined when it does not continue any. */
  const fits = (marker: Marker, strong: boolean, atStart: boolean): number | undefined => {
    const { style, value } = marker;
    const key = keyOf(style, marker.parts);
    const seq = sequences.get(key);
    if (seq === undefined) return strong || atStart || value === 1 || drafts.length === 0 ? 0 : undefined;
    for (let d = seq.length - 1; d >= 0; d--) if (value === (seq[d] as number) + 1) return d;
    const same = cur !== undefined && cur.style !== undefined && keyOf(cur.style, cur.parts) === key;
    if (value === 1) {
      // rule `same_style_heading`: a 1 right after an item of the same style with no rules of its own
      // opens a deeper level (湖北: 1、科学民主决策(20分) then 1、深入贯彻… numbered through the table)
      if (same && style !== "code" && (cur as Draft).criteria.length === 0 && (cur as Draft).depth < MAX_SAME_STYLE_DEPTH) return (cur as Draft).depth + 1;
      return same ? (cur as Draft).depth : 0;
    }
    return strong ? 0 : undefined;
  };

  const record = (marker: Marker, depth: number) => {
    const key = keyOf(marker.style, marker.parts);
    const seq = sequences.get(key) ?? [];
    seq[depth] = marker.value;
    sequences.set(key, seq);
  };

  const addCriteria = (d: Draft, s: Seg) => {
    if (s.to > s.from && text(s).trim().length > 0) {
      d.criteria.push(s);
      d.phase = "criteria";
    }
  };

  /** The rest of a text after an item's rules: the next item's name, the scoring office, or more rules. */
  const trailingText = (d: Draft, s: Seg, next: Event["t"] | undefined) => {
    const t = text(s).replace(/^[。；，\s]+/, "");
    if (t.length === 0) return;
    if (next === "points" || next === "bare") {
      newDraft(s).name.push(s);
      return;
    }
    const bare = t.replace(/[。；，\s]+$/, "");
    if (hasOfficeColumn && looksLikeOffice(bare)) {
      d.office.push(bare);
      return;
    }
    addCriteria(d, s);
  };

  /** Text after an item's name or points, in running or flattened text: its rules up to the last consequence, then the rest. */
  const rulesThenRest = (d: Draft, s: Seg, next: Event["t"] | undefined) => {
    const t = text(s);
    const sentences = sentencesOf(t);
    let last = -1;
    sentences.forEach((x, k) => {
      if (hasConsequence(t.slice(x.from, x.to))) last = k;
    });
    if (last === -1) {
      if (d.phase === "points" && (next === "points" || next === "bare")) {
        newDraft(s).name.push(s);
        return;
      }
      if (usesMarks && !forceCriteria) d.description.push(s);
      else trailingText(d, s, next === "points" || next === "bare" ? "text" : next);
      return;
    }
    const cut = s.from + (sentences[last] as { to: number }).to;
    addCriteria(d, { unit: s.unit, from: s.from, to: cut });
    if (cut < s.to) trailingText(d, { unit: s.unit, from: cut, to: s.to }, next);
  };

  /** The text right after an item's number, in running or flattened text: the name, then maybe rules. */
  const nameThenRules = (d: Draft, s: Seg, next: Event["t"] | undefined, toUnitEnd: boolean) => {
    const t = text(s);
    const sentences = sentencesOf(t);
    const first = sentences[0];
    if (first === undefined) return;
    const firstText = t.slice(first.from, first.to);
    const followedByPoints = next === "points" || next === "bare";
    if (hasConsequence(firstText) || (sentences.length === 1 && /，$/.test(firstText) && !followedByPoints)) {
      const at = ruleStartInSentence(t, first.from, first.to, /，$/.test(firstText));
      if (at !== undefined && at > first.from) {
        d.name.push({ unit: s.unit, from: s.from, to: s.from + at });
        rulesThenRest(d, { unit: s.unit, from: s.from + at, to: s.to }, next);
        return;
      }
    }
    if (followedByPoints || usesMarks || (toUnitEnd && headerMode)) {
      d.name.push(s);
      return;
    }
    d.name.push({ unit: s.unit, from: s.from, to: s.from + first.to });
    if (first.to < t.length) rulesThenRest(d, { unit: s.unit, from: s.from + first.to, to: s.to }, next);
  };

  const flush = (next: Event["t"] | undefined) => {
    if (pending.length === 0) return;
    const segs = pending;
    const whole = pendingWhole;
    const rest = pendingRest;
    const rule = pendingRule;
    pending = [];
    pendingWhole = false;
    pendingRest = false;
    pendingRule = false;
    const first = segs[0] as Seg;
    const s: Seg = segs.length === 1 ? first : { unit: first.unit, from: first.from, to: (segs[segs.length - 1] as Seg).to };
    const t = text(s).trim();
    if (t.length === 0 || /^[。；，、：\s]+$/.test(t)) return;
    if (!started) {
      if (next === "points" || next === "bare") newDraft(s).name.push(s);
      else preambleText.push(t);
      return;
    }
    if (cur === undefined || openColumn !== undefined) {
      newDraft(s).name.push(s);
      return;
    }
    const d: Draft = cur;
    if (forceCriteria || rule) {
      addCriteria(d, s);
      return;
    }
    const cellLike = whole || (rest && headerMode);
    if (d.phase === "name") {
      if (d.name.length === 0) {
        if (cellLike) d.name.push(s);
        else nameThenRules(d, s, next, rest);
        return;
      }
      if (whole) {
        // rule `vertical_name`: a name printed one or two characters per cell (创建 / 活动 / 扎实 / 有效)
        if (t.length <= 2 && joined(d.name).length <= 8 && (units[s.unit] as Unit).row === undefined) {
          d.name.push(s);
          return;
        }
        if (hasConsequence(t) || (headerMode && roles.includes("criteria"))) addCriteria(d, s);
        else newDraft(s).name.push(s);
        return;
      }
      if (usesMarks) d.description.push(s);
      else rulesThenRest(d, s, next);
      return;
    }
    if (cellLike) {
      if (d.phase === "points") {
        if (!hasConsequence(t) && (next === "points" || next === "bare")) newDraft(s).name.push(s);
        else if (usesMarks && !hasConsequence(t)) d.description.push(s);
        else addCriteria(d, s);
        return;
      }
      // after the rules: the 考核方式 and 责任单位 columns, more rules, or the next item's name
      const bare = t.replace(/[。；]+$/, "");
      const ruleLike = hasConsequence(t.replace(/（[^（）]*）$/, ""));
      if (hasOfficeColumn && looksLikeOffice(bare)) d.office.push(bare);
      else if (hasMethodColumn && d.method === undefined && bare.length <= 20 && !/[，。；]/.test(bare) && !ruleLike) d.method = bare;
      else if (ruleLike) addCriteria(d, s);
      else if (next === "points" || next === "bare" || (headerMode && d.style === undefined)) newDraft(s).name.push(s);
      else addCriteria(d, s);
      return;
    }
    if (d.phase === "points" && usesMarks && !hasConsequence(t)) {
      d.description.push(s);
      return;
    }
    rulesThenRest(d, s, next);
  };

  const startNumber = (e: Event & { t: "number" }, depth: number) => {
    flush("number");
    const d = newDraft({ unit: e.unit, from: e.from, to: e.to }, e.marker, depth);
    record(e.marker, depth);
    return d;
  };

  /**
   * Rule `labelled_rule`: in a table, a numbered cell whose style never carries points and which opens
   * with a rule is a rule of the current item (类别 | 1.发生较大安全事故…每起扣5分). In running text
   * numbered paragraphs are items.
   */
  const isRuleLabel = (e: Event & { t: "number" }, k: number): boolean => {
    if (!headerMode || cur === undefined || stylePoints.has(e.marker.style) || e.marker.style === "cn" || e.marker.style === "chapter" || e.marker.style === "article") return false;
    const after = events[k + 1];
    if (after === undefined || after.t !== "text" || after.unit !== e.unit) return false;
    const t = (units[e.unit] as Unit).m.text.slice(after.from, after.to);
    const first = sentencesOf(t)[0];
    return first !== undefined && hasConsequence(t.slice(first.from, first.to));
  };

  /** A number that opens no item here: its text stays with the text around it. */
  const keepAsText = (e: { unit: number; from: number; to: number }) => {
    if (pending.length > 0 && (pending[0] as Seg).unit === e.unit) pending.push({ unit: e.unit, from: e.from, to: e.to });
    else {
      flush("text");
      pending = [{ unit: e.unit, from: e.from, to: e.to }];
    }
  };

  for (let k = 0; k < events.length; k++) {
    const e = events[k] as Event;
    switch (e.t) {
      case "text": {
        const unitText = (units[e.unit] as Unit).m.text;
        if (pending.length > 0 && (pending[0] as Seg).unit === e.unit) pending.push({ unit: e.unit, from: e.from, to: e.to });
        else {
          flush("text");
          pending = [{ unit: e.unit, from: e.from, to: e.to }];
          pendingWhole = e.from === 0 && e.to === unitText.length && (units[e.unit] as Unit).cell;
          const prev = events[k - 1];
          pendingRest = e.to === unitText.length && prev !== undefined && prev.unit === e.unit && prev.t === "number" && prev.atStart;
        }
        if (e.to < unitText.length && pendingWhole) pendingWhole = false;
        break;
      }
      case "end":
        flush(events[k + 1]?.t === "end" ? undefined : events[k + 1]?.t);
        break;
      case "mark":
        flush("mark");
        if (cur !== undefined) forceCriteria = true;
        break;
      case "number": {
        if (isRuleLabel(e, k)) {
          // keep the label with the rule: the phrase reader drops list labels
          flush("number");
          pending = [{ unit: e.unit, from: e.from, to: e.to }];
          pendingRule = true;
          break;
        }
        const depth = fits(e.marker, e.strong, e.atStart);
        if (depth === undefined) {
          keepAsText(e);
          break;
        }
        startNumber(e, depth);
        break;
      }
      case "glued": {
        // rule `points_glued_to_number`: `(20分)51、` is 5 points and item 1 — decided by the sequence of
        // numbers and by the points left under the heading above (declared total minus the running sum)
        if (cur !== undefined && cur.points !== undefined && cur.criteria.length === 0 && cur !== budget.heading) {
          budget.heading = cur;
          budget.used = 0;
        }
        const left = budget.heading?.points === undefined ? undefined : Math.round((budget.heading.points - budget.used) * 100) / 100;
        const choice = splitGlued(e.digits, (v) => fits({ style: "arabic", label: String(v), value: v }, false, false), left);
        if (choice === undefined) {
          keepAsText(e);
          break;
        }
        const pointsTo = e.from + choice.pointsLength;
        const d = startNumber({ t: "number", unit: e.unit, from: pointsTo, to: e.to, marker: { style: "arabic", label: String(choice.value), value: choice.value }, strong: false, atStart: false }, choice.depth);
        if (choice.points !== undefined) {
          budget.used += choice.points;
          d.points = choice.points;
          d.pointsSeg = { unit: e.unit, from: e.from, to: pointsTo };
        }
        break;
      }
      case "points": {
        flush("points");
        const d = cur === undefined || cur.points !== undefined ? newDraft({ unit: e.unit, from: e.from, to: e.to }) : cur;
        d.points = e.value;
        d.pointsSeg = { unit: e.unit, from: e.from, to: e.to };
        if (d.phase === "name") d.phase = "points";
        break;
      }
      case "bare": {
        flush("bare");
        // rule `bare_cell`: a lone number is the points of an item that has a name but no points yet, else an item's number
        if (!e.chinese && cur !== undefined && cur.points === undefined && cur.name.length > 0 && openColumn === undefined) {
          cur.points = e.value;
          cur.pointsSeg = { unit: e.unit, from: e.from, to: e.to };
          if (cur.phase === "name") cur.phase = "points";
          break;
        }
        const marker: Marker = { style: e.chinese ? "cn" : "arabic", label: (units[e.unit] as Unit).m.text.slice(e.from, e.to), value: e.value };
        startNumber({ t: "number", unit: e.unit, from: e.from, to: e.to, marker, strong: true, atStart: true }, fits(marker, true, true) ?? 0);
        break;
      }
      case "row":
        flush("row");
        openColumn = undefined;
        break;
      case "open":
        flush("open");
        // the 序号 column opened this row's item: its content cell names it
        if (cur === undefined || cur.name.length > 0 || (units[cur.first.unit] as Unit).row !== (units[e.unit] as Unit).row) openColumn = e.column;
        break;
      case "criteria":
        flush("criteria");
        addCriteria(cur ?? newDraft({ unit: e.unit, from: e.from, to: e.to }), { unit: e.unit, from: e.from, to: e.to });
        break;
      case "office":
      case "method": {
        flush(e.t);
        if (cur === undefined) break;
        const t = (units[e.unit] as Unit).m.text.slice(e.from, e.to).trim();
        if (e.t === "office") cur.office.push(t);
        else cur.method = t;
        break;
      }
    }
  }
  flush(undefined);

  return finish(drafts, units, layout, preambleText, diagnostics, rules);
};

/** What the forced (header-named) cells of the rows read so far leave for the next cell. */
interface ForcedState {
  /** The last text of each item column: a merged cell repeats it. */
  readonly lastInColumn: Map<number, string>;
  /** The item cell of this row repeated the one above: its points cell repeats too. */
  skipPoints: boolean;
  /** This row's 序号 cell opened an item: its content cells name it, even if they repeat the row above. */
  numbered: boolean;
  /** The header has a 分值 column: digits at the end of a name cell are part of the name. */
  readonly pointsColumn: boolean;
}

/** Forced events of a cell whose column the header names (rows input). */
const pushForced = (events: Event[], unit: Unit, u: number, state: ForcedState): void => {
  const role = unit.role as ColumnRole;
  const column = unit.column ?? 0;
  const t = unit.m.text;
  const all = { unit: u, from: 0, to: t.length };
  switch (role) {
    case "number":
    case "item":
    case "content": {
      // rule `merged_cell`: a merged cell copied into every row it spans is the same item
      if (state.lastInColumn.get(column) === t && !state.numbered) {
        state.skipPoints = true;
        return;
      }
      state.lastInColumn.set(column, t);
      state.skipPoints = false;
      if (role === "number") state.numbered = true;
      if (role !== "number") events.push({ t: "open", unit: u, column });
      for (const token of tokenize(t, true, !state.pointsColumn)) {
        if (role === "number" && token.t === "bare") {
          const chinese = token.chinese;
          events.push({ t: "open", unit: u, column });
          events.push({ t: "number", unit: u, from: token.from, to: token.to, marker: { style: chinese ? "cn" : "arabic", label: t.slice(token.from, token.to), value: token.value }, strong: true, atStart: true });
        } else events.push({ ...token, unit: u, ...(token.t === "mark" ? {} : {}) });
      }
      events.push({ t: "end", unit: u });
      return;
    }
    case "points": {
      if (state.skipPoints) return;
      const m = /^（?(\d{1,4}(?:\.\d{1,2})?)分?）?$/.exec(t);
      if (m !== null) events.push({ t: "points", unit: u, from: 0, to: t.length, value: Number(m[1]) });
      else events.push({ t: "criteria", ...all });
      return;
    }
    case "criteria":
    case "office":
    case "method":
      events.push({ t: role, ...all });
      return;
    case "ignore":
      return;
  }
};

/**
 * Split glued digits (`51`) into points and an item number. Candidates are the splits whose number
 * continues a sequence; among them, one whose points fit the heading's remaining points wins, then
 * one with points, then the whole number.
 */
export const splitGlued = (digits: string, fit: (value: number) => number | undefined, budget: number | undefined): { points?: number; pointsLength: number; value: number; depth: number } | undefined => {
  let best: { points?: number; pointsLength: number; value: number; depth: number; score: number } | undefined;
  for (let k = 0; k < digits.length; k++) {
    if (digits[k] === "0") continue;
    const value = Number(digits.slice(k));
    const depth = fit(value);
    if (depth === undefined) continue;
    const points = k === 0 ? undefined : Number(digits.slice(0, k));
    const score = points === undefined ? 1 : budget === undefined || points <= budget + 1e-9 ? 2 : 0;
    if (best === undefined || score > best.score) best = points === undefined ? { pointsLength: 0, value, depth, score } : { points, pointsLength: k, value, depth, score };
  }
  if (best === undefined) return undefined;
  const { score: _score, ...choice } = best;
  return choice;
};

// ---- hierarchy and output ----

const mappedOf = (units: readonly Unit[], segs: readonly Seg[]): MappedText => {
  let text = "";
  const maps: Int32Array[] = [];
  segs.forEach((s, i) => {
    const m = (units[s.unit] as Unit).m;
    if (i > 0) {
      text += "\n";
      maps.push(Int32Array.of(m.map[s.from] ?? 0));
    }
    text += m.text.slice(s.from, s.to);
    maps.push(m.map.subarray(s.from, s.to));
  });
  const map = new Int32Array(text.length);
  let at = 0;
  for (const m of maps) {
    map.set(m, at);
    at += m.length;
  }
  return { text, map };
};

const finish = (drafts: Draft[], units: readonly Unit[], layout: Layout, preambleText: string[], diagnostics: Diagnostic[], rules: readonly PhraseRule[]): BuildResult => {
  const sourceOf = (all: readonly Seg[]): CriteriaSource => {
    const last = all[all.length - 1] as Seg;
    // a source in rows names one cell: the segments in the last one
    const segs = (units[last.unit] as Unit).row !== undefined && layout.lineOf === undefined ? all.filter((x) => x.unit === last.unit) : all;
    const first = segs[0] as Seg;
    const fu = units[first.unit] as Unit;
    const lu = units[last.unit] as Unit;
    const start = fu.m.map[first.from] ?? fu.m.map[fu.m.map.length - 1] ?? 0;
    const end = last.to > last.from ? (lu.m.map[last.to - 1] ?? start) + 1 : start;
    return spanIn(fu, start, end, layout);
  };
  const textOf = (segs: readonly Seg[]): string => segs.map((s) => (units[s.unit] as Unit).m.text.slice(s.from, s.to)).join("");

  // rule `plan_section_heading`: drop the 方案's own headings (and read their text for a total)
  const kept: Draft[] = [];
  for (const d of drafts) {
    const name = cleanName(textOf(d.name));
    if (d.points === undefined && d.criteria.length === 0 && d.number !== "" && SECTION.test(name)) {
      preambleText.push(name, ...d.description.map((s) => textOf([s])));
      continue;
    }
    if (d.points === undefined && d.criteria.length > 0 && d.number !== "" && SECTION.test(name)) {
      preambleText.push(name, textOf(d.criteria));
      continue;
    }
    kept.push(d);
  }

  // ranks: numbering style (and its depth), the column for rows read under a header
  const rank = new Array<number>(kept.length).fill(Number.NaN);
  kept.forEach((d, i) => {
    if (d.style === undefined) return;
    const base = d.style === "code" ? STYLE_RANK.code + (d.parts ?? 1) : STYLE_RANK[d.style];
    rank[i] = (d.column ?? 0) * 100 + base + d.depth * 0.1;
  });
  const numberedRanks = [...new Set(rank.filter((r) => !Number.isNaN(r)))].sort((a, b) => a - b);
  // rule `unnumbered_heading`: an unnumbered item with no rules, followed by items, heads them
  const isHeading = (i: number): boolean => {
    const d = kept[i] as Draft;
    const next = kept[i + 1];
    return d.criteria.length === 0 && next !== undefined && (next.criteria.length > 0 || next.style !== undefined);
  };
  const LEAF = 100;
  kept.forEach((d, i) => {
    if (d.style !== undefined) return;
    if (!isHeading(i)) rank[i] = (d.column ?? 0) * 100 + LEAF;
  });
  kept.forEach((d, i) => {
    if (d.style !== undefined || !Number.isNaN(rank[i] as number)) return;
    let j = i + 1;
    while (j < kept.length && Number.isNaN(rank[j] as number)) j += 1;
    const below = j < kept.length ? (rank[j] as number) : LEAF;
    const above = numberedRanks.filter((r) => r < below);
    rank[i] = above.length > 0 ? (above[above.length - 1] as number) : below - 0.5;
  });
  const levelOf = new Map([...new Set(rank)].sort((a, b) => a - b).map((r, k) => [r, k + 1] as const));

  const items: CriteriaItem[] = [];
  const open: number[] = []; // items that can still take children, ranks strictly increasing
  kept.forEach((d, i) => {
    const r = rank[i] as number;
    while (open.length > 0 && (rank[open[open.length - 1] as number] as number) >= r) open.pop();
    const parent = open[open.length - 1];
    open.push(i);
    let nameText = textOf(d.name);
    const phrases: CriteriaPhrase[] = [];
    // rule `bracketed_rule_in_name`: 平安三率（本项限扣5分） — a rule printed in the name
    const bracket = /（([^（）]{2,30})）$/.exec(nameText);
    let bracketRule: CriteriaPhrase | undefined;
    if (bracket !== null) {
      const inner = readPhrasesOf({ text: bracket[1] as string, map: new Int32Array((bracket[1] as string).length) }, "", () => ({ start: 0, end: 0 }), [], rules).phrases;
      if (inner.length === 1 && inner[0]?.kind !== undefined) {
        const at = bracket.index + 1;
        const nameSeg = d.name[d.name.length - 1] as Seg;
        const segStart = nameSeg.to - (nameText.length - at);
        const m = mappedOf(units, [{ unit: nameSeg.unit, from: segStart, to: segStart + (bracket[1] as string).length }]);
        bracketRule = readPhrasesOf(m, "", (from, to) => spanOfMapped(m, from, to, units[nameSeg.unit] as Unit, layout), [], rules).phrases[0];
        nameText = nameText.slice(0, bracket.index);
      }
    }
    if (bracketRule !== undefined) phrases.push(bracketRule);
    const previous = [...phrases]; // the phrases read so far, for targets printed before a rule
    const context = [cleanName(nameText), ...d.description.map((s) => textOf([s]))].join("。");
    let leadIn: string | undefined;
    for (const seg of d.criteria) {
      const m = mappedOf(units, [seg]);
      const read = readPhrasesOf(m, context, (from, to) => spanOfMapped(m, from, to, units[seg.unit] as Unit, layout), previous, rules);
      phrases.push(...read.phrases);
      if (read.leadIn !== undefined) leadIn = read.leadIn;
    }
    const description = [...d.description.map((s) => textOf([s])), ...(leadIn === undefined ? [] : [leadIn])].map((x) => x.trim()).filter((x) => x.length > 0);
    const item: CriteriaItem = {
      number: d.number,
      name: cleanName(nameText),
      level: levelOf.get(r) ?? 1,
      ...(parent === undefined ? {} : { parent }),
      ...(d.points === undefined ? {} : { points: d.points }),
      phrases,
      ...(description.length === 0 ? {} : { description: description.join("") }),
      ...(d.office.length === 0 ? {} : { office: d.office.join("、") }),
      ...(d.method === undefined ? {} : { method: d.method }),
      // in rows, the number and the name can sit in two cells: the source is the name's cell
      source: sourceOf(d.name.length === 0 ? [d.first] : (units[d.first.unit] as Unit).row !== undefined && d.first.unit !== (d.name[0] as Seg).unit ? d.name : [d.first, ...d.name]),
      ...(d.pointsSeg === undefined ? {} : { pointsSource: sourceOf([d.pointsSeg]) }),
    };
    items.push(item);
  });
  items.forEach((item, i) => {
    item.phrases.forEach((p, k) => {
      if (p.kind === undefined) diagnostics.push(unreadDiagnostic(p, ["items", i, "phrases", k], `第${i + 1}项“${clip(item.name)}”`));
    });
  });

  let title: string | undefined;
  for (const t of preambleText) {
    const m = TITLE.exec(t.replace(/\s+/g, "").replace(/^.*附件[：:]?\d*/, "").replace(/^[-\d]+-|^\d{1,3}、/, "").replace(/[`'"]+$/, "").replace(/（(?:试行|征求意见稿|草案)）$/, ""));
    if (m !== null) title = m[1];
  }
  let total: number | undefined;
  for (const t of preambleText) {
    const m = TOTAL.exec(t);
    if (m !== null) {
      total = m[1] !== undefined || m[2] !== undefined || m[3] !== undefined ? Number(m[1] ?? m[2] ?? m[3]) : 100;
      break;
    }
  }
  if (items.length === 0) diagnostics.push(diag("criteria_no_items", "error", "未找到任何考核项目（编号、分值或评分标准）", "No items found (numbers, points or scoring rules)", ["items"]));
  return { items, ...(total === undefined ? {} : { total }), ...(title === undefined ? {} : { title }), diagnostics };
};

const clip = (s: string): string => (s.length > 20 ? `${s.slice(0, 20)}…` : s);

/** A name as the golden writes it: spaces out, a final 。 or ； dropped. */
const cleanName = (name: string): string => name.replace(/\s+/g, "").replace(/[。；，、：\n]+$/, "").replace(/^[。；，、：]+/, "");

const spanIn = (unit: Unit, start: number, end: number, layout: Layout): CriteriaSource => {
  if (unit.row !== undefined && layout.lineOf === undefined) return { row: unit.row, column: unit.column ?? 0, start, end, line: unit.cellLineOf?.(start) ?? 1 };
  const line = layout.lineOf?.(start);
  return line === undefined ? { start, end } : { start, end, line };
};

const spanOfMapped = (m: MappedText, from: number, to: number, unit: Unit, layout: Layout): CriteriaSource => {
  const start = m.map[from] ?? 0;
  const end = to > from ? (m.map[to - 1] ?? start) + 1 : start;
  return spanIn(unit, start, end, layout);
};
