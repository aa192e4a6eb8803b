import { daysInMonth, isoDate } from "../model/dates.js";
import { type Diagnostic, type SourceSpan, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { argument, badArgument, optionsOf } from "../model/guard.js";
import { Plan, type Requirement } from "../model/plan.js";
import type { Period, ScheduleRule } from "../model/schedule.js";
import { parseChineseNumeral } from "../text/numerals.js";

const N = "(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
const PERIOD: Readonly<Record<string, Period>> = { 月: "month", 季度: "quarter", 季: "quarter", 半年: "half_year", 年: "year" };

/** A time expression found in a sentence: its rule, where it starts and how far the phrase runs. */
interface Found {
  readonly at: number;
  readonly end: number;
  readonly timeEnd: number;
  readonly rule: ScheduleRule;
}

/**
 * The comma sub-clauses of one sentence, computed once: `start[i]` is where the sub-clause holding
 * `i` starts (after ，、：), `end[i]` where it ends (at the next ，). Looking them up per match, as a
 * scan from each match would, made sentences with many matches quadratic.
 */
interface SubClauses {
  readonly start: Int32Array;
  readonly end: Int32Array;
}

const subClauses = (s: string): SubClauses => {
  const n = s.length;
  const start = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  let a = 0;
  for (let i = 0; i <= n; i++) {
    start[i] = a;
    const c = s.charCodeAt(i);
    if (c === 0xff0c /* ， */ || c === 0x3001 /* 、 */ || c === 0xff1a /* ： */) a = i + 1;
  }
  let b = n;
  for (let i = n; i >= 0; i--) {
    if (s.charCodeAt(i) === 0xff0c) b = i;
    end[i] = b;
  }
  return { start, end };
};

/** The sub-clause [start, end) around a position of the sentence (bounds computed once per text, when first needed). */
type Clauses = (at: number) => [number, number];
type Matcher = (sentence: string, year: number | undefined, clauses: Clauses) => Found[];

/** Every match of a global pattern (compiled once, below) in a sentence. */
const all = (g: RegExp, s: string): RegExpExecArray[] => {
  const out: RegExpExecArray[] = [];
  g.lastIndex = 0;
  for (let m = g.exec(s); m !== null; m = g.exec(s)) {
    out.push(m);
    if (m[0].length === 0) g.lastIndex += 1;
  }
  return out;
};

// The patterns, compiled once: bounded quantifiers only, so each scan is linear.
const RE = {
  monthEnd: new RegExp(`${N}月底(前)?`, "g"),
  dayBefore: new RegExp(`${N}月${N}日(前|之前)`, "g"),
  yearEnd: /年底前|年底|年内|年末前/g,
  half: /(上|下)半年/g,
  quarter: /第?([一二三四1-4])季度/g,
  month: new RegExp(`${N}月份`, "g"),
  quota: new RegExp(`(?:不少于|至少)${N}(?:次|期|场|个|批)|${N}(?:次|期|场|个|批)(?:以上|及以上)`, "g"),
  every: /每(月|季度|季|半年|年)/g,
  ongoing: /定期|常态化|经常性|持续/g,
  onEvent: /及时/g,
};
/** A character that every phrase the matchers read contains (月 年 季, 次 期 场 个 批, 每, 常 持 期, 时). */
const TRIGGER = /[月年季次期场个批每常持时]/;
const TIMES = new RegExp(`^[^，]{0,12}?${N}次`);
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : parseChineseNumeral(s));
const monthOk = (m: number | undefined): m is number => m !== undefined && m >= 1 && m <= 12;

/** The comma sub-clause around position `at`: [start, end). */
const subClause = (clauses: Clauses, at: number): [number, number] => clauses(at);

/** Dated phrases (need the plan year): X月底前, X月X日前, 年底前/年内, 上半年/下半年, 第X季度, X月份. */
const dated: Matcher = (s, year) => {
  if (year === undefined) return [];
  const out: Found[] = [];
  for (const m of all(RE.monthEnd, s)) {
    const month = num(m[1]);
    if (!monthOk(month) || s[m.index + m[0].length] === "日") continue;
    out.push({ at: m.index, timeEnd: m.index + m[0].length, end: s.length, rule: { kind: "deadline", due: isoDate(year, month, daysInMonth(year, month)) } });
  }
  for (const m of all(RE.dayBefore, s)) {
    const month = num(m[1]);
    const day = num(m[2]);
    if (!monthOk(month) || day === undefined || day < 1 || day > daysInMonth(year, month)) continue;
    out.push({ at: m.index, timeEnd: m.index + m[0].length, end: s.length, rule: { kind: "deadline", due: isoDate(year, month, day) } });
  }
  for (const m of all(RE.yearEnd, s)) {
    if (/\d/.test(s[m.index - 1] ?? "")) continue; // 2024年内 is a year, not 年内
    out.push({ at: m.index, timeEnd: m.index + m[0].length, end: s.length, rule: { kind: "deadline", due: isoDate(year, 12, 31) } });
  }
  for (const m of all(RE.half, s)) {
    if (s[m.index - 1] === "每") continue;
    const first = m[1] === "上";
    out.push({ at: m.index, timeEnd: m.index + m[0].length, end: s.length, rule: { kind: "window", from: isoDate(year, first ? 1 : 7, 1), to: isoDate(year, first ? 6 : 12, first ? 30 : 31) } });
  }
  for (const m of all(RE.quarter, s)) {
    if (s[m.index - 1] === "每") continue;
    const q = num(m[1]) as number;
    out.push({ at: m.index, timeEnd: m.index + m[0].length, end: s.length, rule: { kind: "window", from: isoDate(year, q * 3 - 2, 1), to: isoDate(year, q * 3, daysInMonth(year, q * 3)) } });
  }
  for (const m of all(RE.month, s)) {
    const month = num(m[1]);
    if (!monthOk(month)) continue;
    out.push({ at: m.index, timeEnd: m.index + m[0].length, end: s.length, rule: { kind: "window", from: isoDate(year, month, 1), to: isoDate(year, month, daysInMonth(year, month)) } });
  }
  return out;
};

/** 每月/每季度/每半年/每年 … N次 (recurring) and 不少于N次/至少N次/N期以上 (quota, per the 每… before it, or per year). */
const periodic: Matcher = (s, _year, clauses) => {
  const out: Found[] = [];
  const everys = all(RE.every, s);
  // Where quota phrases (with the 每… before them) already stand: a 每… inside one is not read again.
  const taken = new Int32Array(s.length + 1);
  let e = 0;
  for (const q of all(RE.quota, s)) {
    const atLeast = num(q[1] ?? q[2]);
    if (atLeast === undefined || atLeast < 1) continue;
    const [clauseStart] = subClause(clauses, q.index);
    // The first 每… of the quota's sub-clause that ends before the quota (quotas come in order).
    while (e < everys.length && (everys[e] as RegExpExecArray).index < clauseStart) e += 1;
    const candidate = everys[e];
    const per = candidate !== undefined && candidate.index + candidate[0].length <= q.index ? candidate : undefined;
    const at = per === undefined ? q.index : per.index;
    const period: Period = per === undefined ? "year" : (PERIOD[per[1] as string] as Period);
    out.push({ at, timeEnd: per === undefined ? q.index : at + per[0].length, end: s.length, rule: { kind: "quota", period, atLeast } });
    taken[at] = (taken[at] as number) + 1;
    taken[q.index + q[0].length] = (taken[q.index + q[0].length] as number) - 1;
  }
  let depth = 0;
  let k = 0;
  for (const m of everys) {
    for (; k <= m.index; k++) depth += taken[k] as number;
    if (depth > 0) continue;
    const [, clauseEnd] = subClause(clauses, m.index);
    const after = m.index + m[0].length;
    // TIMES looks at most 12 characters ahead for N次: slicing the whole sub-clause would be quadratic.
    const times = TIMES.exec(s.slice(after, Math.min(clauseEnd, after + 16)));
    const n = times === null ? 1 : (num(times[1]) ?? 1);
    const period = PERIOD[m[1] as string] as Period;
    out.push({ at: m.index, timeEnd: after, end: s.length, rule: { kind: "recurring", period, times: Math.max(1, Math.min(366, n)) } });
  }
  return out;
};

/** 定期/常态化/经常性/持续 (ongoing) and 及时 (on event): the sub-clause they stand in. */
const standing: Matcher = (s, _year, clauses) => {
  const out: Found[] = [];
  for (const m of all(RE.ongoing, s)) {
    const [a, b] = subClause(clauses, m.index);
    out.push({ at: a, timeEnd: a, end: b, rule: { kind: "ongoing" } });
  }
  for (const m of all(RE.onEvent, s)) {
    const [a, b] = subClause(clauses, m.index);
    out.push({ at: a, timeEnd: a, end: b, rule: { kind: "on_event" } });
  }
  return out;
};

const RANK: Readonly<Record<ScheduleRule["kind"], number>> = { deadline: 0, window: 0, recurring: 1, quota: 1, ongoing: 2, on_event: 3 };

/** A collective subject right before the time phrase, as in 各部门领导班子每年应当…. */
const SUBJECT_MAX = 17; // 各 + 14 characters + a modal verb of up to two
const subjectBefore = (s: string, at: number, clauses: Clauses): string | undefined => {
  const [a] = subClause(clauses, at);
  if (at - a > SUBJECT_MAX) return undefined;
  const before = s.slice(a, at).replace(/(应当|要|须|必须|需)$/, "");
  return /^各[^，。；]{1,14}$/.test(before) ? before : undefined;
};

/** Sentences of a text: [start, end) ranges split at 。；！？ and line breaks. */
const sentences = (text: string): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i === text.length || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x0a) {
      if (i > start) out.push([start, i]);
      start = i + 1;
    }
  }
  return out;
};

/** A requirement found in a text, with offsets into that text. */
export interface FoundRequirement {
  readonly from: number;
  readonly to: number;
  readonly phrase: string;
  readonly action: string;
  readonly rule: ScheduleRule;
  readonly subject?: string;
}

/**
 * The requirements of one text (a clause, or a task without clauses), in order. Dated phrases
 * need the year; `needsYear` says that some were skipped for want of it.
 */
export const findRequirements = (text: string, year: number | undefined): { found: FoundRequirement[]; needsYear: boolean } => {
  const out: FoundRequirement[] = [];
  let needsYear = false;
  let whole: SubClauses | undefined;
  for (const [a, b] of sentences(text)) {
    const s = text.slice(a, b);
    // Every phrase read holds one of these characters: most sentences are skipped after one native scan.
    if (!TRIGGER.test(s)) continue;
    if (year === undefined && /月底|月份|日前|年底|年内|半年|季度/.test(s)) needsYear = true;
    // Bounds over the whole text, clipped to the sentence: one pair of arrays per text, not per sentence.
    const clauses: Clauses = (at) => {
      whole ??= subClauses(text);
      return [Math.max(a, whole.start[a + at] as number) - a, Math.min(b, whole.end[a + at] as number) - a];
    };
    const found = [...dated(s, year, clauses), ...periodic(s, year, clauses), ...standing(s, year, clauses)].sort((x, y) => x.at - y.at || RANK[x.rule.kind] - RANK[y.rule.kind]);
    // Keep the first of overlapping phrases, or the one of better rank. Phrases come in order of
    // their start, so a kept phrase that ends before this one starts never overlaps a later one:
    // `alive` skips those once, instead of testing every kept phrase again (quadratic).
    const kept: Found[] = [];
    let alive = 0;
    for (const f of found) {
      while (alive < kept.length && (kept[alive] as Found).end <= f.at) alive += 1;
      const k = kept[alive];
      if (k === undefined || !(f.at < k.end && k.at < f.end)) kept.push(f);
      else if (RANK[f.rule.kind] < RANK[k.rule.kind]) kept[alive] = f;
    }
    for (const f of kept.sort((x, y) => x.at - y.at)) {
      let end = f.end;
      while (end > f.at && "，、：: ".includes(s[end - 1] as string)) end -= 1;
      if (end <= f.at) continue;
      const phrase = s.slice(f.at, end);
      const action = s.slice(f.timeEnd, end).replace(/^(前|之前|内|应当|要|须|，)+/, "").trim() || phrase;
      const subject = subjectBefore(s, f.at, clauses);
      const req: { -readonly [K in keyof FoundRequirement]: FoundRequirement[K] } = { from: a + f.at, to: a + end, phrase, action, rule: f.rule };
      if (subject !== undefined) req.subject = subject;
      out.push(req);
    }
  }
  return { found: out, needsYear };
};

/** Requirements of a task from the found ones of each part (clause), numbered in order. */
export const toRequirements = (
  taskId: string,
  parts: ReadonlyArray<{ clauseId?: string; found: readonly FoundRequirement[]; span?: (from: number, to: number) => SourceSpan }>,
): Requirement[] => {
  const out: Requirement[] = [];
  for (const part of parts) {
    for (const f of part.found) {
      // Property by property, in the schema's order (object spread is slow in this hot loop).
      const req = { id: `${taskId}.r${out.length + 1}` } as { -readonly [K in keyof Requirement]: Requirement[K] };
      if (part.clauseId !== undefined) req.clauseId = part.clauseId as Requirement["clauseId"] & string;
      req.phrase = f.phrase;
      req.action = f.action;
      req.rule = f.rule;
      if (f.subject !== undefined) req.units = [{ text: f.subject }];
      if (part.span !== undefined) req.source = part.span(f.from, f.to);
      out.push(req as Requirement);
    }
  }
  return out;
};

/**
 * {@link extractRequirements} 的选项。Options of {@link extractRequirements}.
 * @category Schedule
 * @example
 * const options: ExtractOptions = { year: 2024 };
 */
export interface ExtractOptions {
  /** 年度（默认为计划年度）。The year dated phrases fall in (default: the plan's year). */
  readonly year?: number;
}

/**
 * 从任务文字中读出工作要求：“X月底前”“X月X日前”“年底前/年内”“上半年/下半年”“第X季度”“X月份”“每月/每季度/每半年/每年……N次”
 * “N期以上/不少于N次/至少N次”“定期/常态化/经常性/持续”“及时”。每个要求带原文短语、动作、时间规则；
 * 短语点明了其他主体（如“各部门领导班子”）时记入 `units`。已有的 `requirements` 会被替换。
 * {@link parsePlanText} 已经做了这一步（并附带精确的原文位置）；本函数用于从 JSON 读入、没有要求的工作安排，
 * 其结果的 `source` 为空。
 *
 * Read the requirements out of each task's text: dated phrases, recurring and quota phrases,
 * ongoing work and on-event duties, each with its phrase, action and rule; `units` when the
 * phrase names its own subject (各部门领导班子). Existing requirements are replaced. Years come
 * from the plan; Chinese numerals (两、三、十二) are understood. {@link parsePlanText} already does
 * this, with exact source spans; use this for plans that came as JSON without requirements.
 *
 * @category Schedule
 * @example
 * const { plan: withRules } = extractRequirements(plan);
 * withRules.sections[4]!.tasks[2]!.requirements.map((r) => r.rule.kind);
 * //=> ["window", "deadline"]
 */
export const extractRequirements = (plan: Plan, options?: ExtractOptions): { plan: Plan; diagnostics: readonly Diagnostic[] } => {
  argument("extractRequirements", "plan", Plan, plan);
  const { year: given } = optionsOf("extractRequirements", options);
  if (given !== undefined && (!Number.isInteger(given) || given < 1949 || given > 2200)) {
    throw badArgument("extractRequirements", "options.year", "应为 1949–2200 之间的整数", "must be a whole number from 1949 to 2200");
  }
  const year = given ?? plan.year;
  let needsYear = false;
  const sections = plan.sections.map((section) => ({
    ...section,
    tasks: section.tasks.map((task) => {
      const texts: Array<{ clauseId?: string; text: string }> = task.clauses.length > 0 ? task.clauses.map((c) => ({ clauseId: c.id, text: c.text })) : [{ text: task.text }];
      const parts = texts.map(({ clauseId, text }) => {
        const r = findRequirements(text, year);
        needsYear ||= r.needsYear;
        return clauseId === undefined ? { found: r.found } : { clauseId, found: r.found };
      });
      return { ...task, requirements: toRequirements(task.id, parts) };
    }),
  }));
  const diagnostics = needsYear ? [yearMissing()] : [];
  return { plan: deepFreeze({ ...plan, sections }), diagnostics: deepFreeze(diagnostics) };
};

/** The diagnostic when dated phrases could not be read for want of a year. */
export const yearMissing = (): Diagnostic =>
  diag("requirements_undated", "warning", "未知计划年度，带日期的要求（如“6月底前”）未能读出", "The plan year is unknown, so dated requirements (like 6月底前) were not read", ["year"]);
