import * as z from "zod";
import { IsoDate } from "../model/dates.js";
import { argument, badArgument } from "../model/guard.js";
import { deepFreeze } from "../model/freeze.js";
import type { EntryId, UnitId } from "../model/ids.js";
import { type Ledger, Ledger as LedgerSchema } from "../model/ledger.js";
import { ResponsibilityMatrix } from "../model/matrix.js";
import { type Plan, Plan as PlanSchema, type Requirement } from "../model/plan.js";
import { Occurrence } from "../model/schedule.js";
import { type Floor, type Indicator, type Rounding, type ScoreAdjustment, type ScoreCard, type ScoreLine, ScoringScheme as ScoringSchemeSchema, type ScoringScheme } from "../model/scoring.js";
import { type Roster, Roster as RosterSchema } from "../model/unit.js";
import { type OccurrenceStatus, statusOfWork } from "../ledger/status.js";
import { expandSchedule } from "../schedule/expand.js";
import { planDate, unitExistsOn } from "../units/resolve.js";
import { type AdjustmentLine, type AdjustmentScorer, compileAdjustments } from "./adjust.js";
import { type LedgerFacts, type Measure, type UnitFacts, emptyFacts, indexFacts, indexPrevious, pushTo } from "./facts.js";
import { type Unranked, rankAndGrade } from "./grades.js";
import { type Keyed, type Outcome, type UnitScorer, type UnitView, compileMethod } from "./methods.js";
import { divide, formatPoints, toHundredths } from "./points.js";

/**
 * {@link scoreUnits} 的输入。What scoring needs: the plan, its matrix, the scheme, the ledger, the
 * as-of date; `previous` is last year's ledger (for trends, and awards already credited);
 * `occurrences` defaults to `expandSchedule(plan, { matrix })`.
 *
 * @category Scoring
 * @example
 * const input: ScoreInput = { plan, matrix, scheme, ledger, asOf: IsoDate.parse("2024-12-31") };
 */
export interface ScoreInput {
  readonly plan: Plan;
  /** 单位名录：给出时，名录中（计划日期存续的）全部单位都列出（没有适用指标的为“未考核”）；否则只列责任矩阵中的单位。With a roster, every unit in it (in existence at the plan date) gets a card; otherwise the matrix's units. */
  readonly roster?: Roster;
  readonly matrix: ResponsibilityMatrix;
  readonly scheme: ScoringScheme;
  readonly ledger: Ledger;
  readonly asOf: IsoDate;
  readonly previous?: Ledger;
  readonly occurrences?: readonly Occurrence[];
}

const NO_MEASURES: ReadonlyMap<string, Measure> = new Map();
const NO_FACTS: UnitFacts = emptyFacts();

/** The lowest a level can go, in hundredths (−∞ without a floor). */
const floorValue = (floor: Floor | undefined, fallback: "zero" | "none", available: number, rounding: Rounding): number => {
  const f = floor ?? { kind: fallback };
  switch (f.kind) {
    case "zero":
      return 0;
    case "multiple":
      return available - Number(divide(BigInt(available) * BigInt(toHundredths(f.multiple)), 100n, rounding));
    case "deduction":
      return available - toHundredths(f.points);
    case "none":
      return Number.NEGATIVE_INFINITY;
    default: {
      const never: never = f;
      return never;
    }
  }
};

/** How to say that a floor bound. */
const floorText = (floor: Floor | undefined, value: number): { zh: string; en: string } => {
  switch (floor?.kind) {
    case "multiple":
      return { zh: `扣完标准分的${floor.multiple}倍为止（最低${formatPoints(value)}分）`, en: `deductions stop at ${floor.multiple} times the points (${formatPoints(value)})` };
    case "deduction":
      return { zh: `累计扣分不超过${formatPoints(toHundredths(floor.points))}分`, en: `at most ${formatPoints(toHundredths(floor.points))} deducted` };
    default:
      return { zh: "扣完为止", en: "deductions stop at zero" };
  }
};

/** How a unit stands towards an indicator: assessed or not, and its share of deductions (percent). */
const assessment = (ind: Indicator, matrix: ResponsibilityMatrix, unitKinds: ReadonlyMap<string, string>) => {
  const a = ind.appliesTo;
  const roles = new Set(a.roles ?? ["lead", "responsible"]);
  // Units reached through the indicator's tasks: true when the unit leads one of them.
  const viaTasks = new Map<string, boolean>();
  if (a.taskIds !== undefined) {
    const tasks = new Set<string>(a.taskIds);
    for (const c of matrix.cells) {
      if (!tasks.has(c.taskId) || !roles.has(c.role) || (c.certainty === "candidate" && a.includeCandidates !== true)) continue;
      viaTasks.set(c.unitId, viaTasks.get(c.unitId) === true || c.role === "lead");
    }
  }
  const named = new Set<string>(a.units ?? []);
  const kinds = new Set<string>(a.kinds ?? []);
  const everyone = a.taskIds === undefined && a.units === undefined && a.kinds === undefined;
  return (unitId: string): number | undefined => {
    if (everyone || named.has(unitId) || kinds.has(unitKinds.get(unitId) ?? "")) return 100;
    const lead = viaTasks.get(unitId);
    if (lead === undefined) return undefined;
    return lead ? 100 : (a.responsibleShare ?? 100);
  };
};

interface CompiledIndicator {
  readonly ind: Indicator;
  readonly points: number;
  /** The floor, worked out once (an indicator's points do not change from unit to unit). */
  readonly floor: number;
  /** Each clause's own cap (累计扣分不超过), in hundredths. */
  readonly caps: ReadonlyArray<number | undefined>;
  readonly office?: string;
  readonly applies: (unitId: string) => number | undefined;
  readonly scorers: readonly UnitScorer[];
}

interface Node {
  readonly id: string;
  readonly name: string;
  readonly parent?: string;
  readonly floor?: Floor;
  readonly cap?: number;
  readonly areas: number[];
  readonly indicators: number[];
}

/** Per unit, after the dedupe pass: an indicator's found deductions. */
interface Found {
  readonly k: number;
  readonly adjustments: ScoreAdjustment[];
  readonly keyed?: Array<Keyed | undefined>;
}

/** The indicator other than k that a problem is deducted in, if any. */
const otherOwner = (owner: ReadonlyMap<string, number>, key: string, k: number): number | undefined => {
  const o = owner.get(key);
  return o !== undefined && o !== k ? o : undefined;
};

/** The indicators a problem was already deducted under, in words: each once, in scheme order (not the ledger's). */
const deductedUnder = (ks: readonly number[], names: readonly string[]): string =>
  [...new Set([...ks].sort((x, y) => x - y).map((k) => names[k]))].map((n) => `“${n}”`).join("、");

/**
 * 同一问题不重复扣分：同一问题（`problemId`，没有时为台账记录本身）涉及多个指标时，只在方案中第一个指标扣分
 * （`first`），或只扣较多的一处（`larger`，相同时取在前的）。Remove a problem's deduction from every indicator
 * but one: the first in scheme order, or the one that deducts more (the earlier on a tie).
 */
const dedupeProblems = (found: Found[], policy: "first" | "larger", names: readonly string[]): void => {
  // The indicator each problem is deducted in. "larger": the one whose deductions for it add up
  // to most (the earlier on a tie), decided before anything is removed. "first": claimed as the
  // indicators come, in scheme order.
  const owner = new Map<string, number>();
  if (policy === "larger") {
    const amounts = new Map<string, Map<number, number>>();
    const add = (key: string, k: number, h: number) => {
      let m = amounts.get(key);
      if (m === undefined) amounts.set(key, (m = new Map()));
      m.set(k, (m.get(k) ?? 0) + h);
    };
    for (const f of found) f.keyed?.forEach((kd, j) => {
      for (const p of kd?.parts ?? []) add(p.key, f.k, p.hundredths);
      for (const key of kd?.keys ?? []) add(key, f.k, (f.adjustments[j] as ScoreAdjustment).hundredths);
    });
    for (const [key, m] of amounts) {
      let best: [number, number] | undefined;
      for (const [k, h] of m) if (best === undefined || h > best[1] || (h === best[1] && k < best[0])) best = [k, h];
      owner.set(key, (best as [number, number])[0]);
    }
  }
  for (const f of found) {
    if (f.keyed === undefined || f.keyed.every((kd) => kd === undefined)) continue;
    const elsewhere = (key: string): number | undefined => otherOwner(owner, key, f.k);
    const extra: ScoreAdjustment[] = [];
    f.keyed.forEach((kd, j) => {
      if (kd === undefined) return;
      const a = f.adjustments[j] as ScoreAdjustment;
      if (kd.parts !== undefined) {
        const gone = kd.parts.filter((p) => elsewhere(p.key) !== undefined);
        if (policy === "first") for (const p of kd.parts) if (!owner.has(p.key)) owner.set(p.key, f.k);
        if (gone.length === 0) return;
        const cut = gone.reduce((s, p) => s + p.hundredths, 0);
        const goneIds = new Set<string>(gone.map((p) => p.entry));
        f.adjustments[j] = { ...a, hundredths: a.hundredths - cut, entries: a.entries.filter((id) => !goneIds.has(id)) };
        const where = deductedUnder(gone.map((p) => elsewhere(p.key) as number), names);
        extra.push({ reason: `其中${gone.length}项是同一问题，已在${where}中扣分，不重复扣分（少扣${formatPoints(cut)}分）`, reasonEn: `${gone.length} of them already deducted under ${where}`, hundredths: 0, entries: [...goneIds].sort(), ...(a.clause !== undefined ? { clause: a.clause } : {}) });
      } else if (kd.keys !== undefined && kd.keys.length > 0) {
        const others = kd.keys.map(elsewhere);
        if (policy === "first") for (const key of kd.keys) if (!owner.has(key)) owner.set(key, f.k);
        if (others.some((o) => o === undefined)) return;
        const where = deductedUnder(others as number[], names);
        f.adjustments[j] = { ...a, hundredths: 0, reason: `${a.reason}（同一问题已在${where}中扣分，不重复扣分）`, reasonEn: `${a.reasonEn} (already deducted under ${where})` };
      }
    });
    f.adjustments.push(...extra);
  }
};

const Occurrences = z.array(Occurrence);

/**
 * The arguments, checked at the boundary (a frozen value once, as readers return them): a wrong
 * one is a FazhiError naming it, never a TypeError from deep inside or a score made of garbage.
 */
const checkInput = (input: ScoreInput): void => {
  const fn = "scoreUnits";
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw badArgument(fn, "input", "应为对象", "must be an object");
  argument(fn, "input.plan", PlanSchema, input.plan);
  argument(fn, "input.matrix", ResponsibilityMatrix, input.matrix);
  argument(fn, "input.scheme", ScoringSchemeSchema, input.scheme);
  argument(fn, "input.ledger", LedgerSchema, input.ledger);
  argument(fn, "input.asOf", IsoDate, input.asOf);
  if (input.roster !== undefined) argument(fn, "input.roster", RosterSchema, input.roster);
  if (input.previous !== undefined) argument(fn, "input.previous", LedgerSchema, input.previous);
  if (input.occurrences !== undefined) argument(fn, "input.occurrences", Occurrences, input.occurrences);
};

/**
 * 按考核方案为每个单位评分：每张评分卡有总分、等次、名次，以及每一行的来历——指标、可得分、实得分、
 * 每一项扣分或加分的中文理由、所依据的台账记录和工作要求（附原文位置），各级考核内容的小计与封顶保底、折算、
 * 加减分、一票否决。分值以百分之一分的整数精确计算，一张卡各行之和恰好等于总分；数据缺失在行上明确标出。
 * 单位按名次排列，分数相同名次相同；没有任何指标适用的单位为“未考核”，排在最后。
 *
 * Score every unit by the scheme. Each card has its total, grade and rank and every line that
 * made it: indicators with each deduction's Chinese reason and the ledger entries and
 * requirement behind it, the floors and caps of every level, normalisation, adjustments and
 * vetoes. Exact arithmetic in integer hundredths: a card's lines add up to its total exactly;
 * missing data is an explicit state. Cards come in rank order (equal totals share a rank); units
 * no indicator applies to are "not assessed" and come last, without a rank.
 *
 * @category Scoring
 * @example
 * const cards = scoreUnits({ plan, matrix, scheme, ledger, asOf: IsoDate.parse("2024-12-31") });
 * cards.map((c) => `${c.rank ?? "-"} ${c.name} ${formatPoints(c.total)} ${c.grade}`);
 */
export const scoreUnits = (input: ScoreInput): ScoreCard[] => {
  checkInput(input);
  const { plan, matrix, scheme, ledger, asOf } = input;
  const rounding = scheme.rounding ?? "half_up";
  const methods = scheme.indicators.flatMap((i) => i.methods);

  // This year's facts: from the year's start to asOf. Last year's measures: the previous ledger
  // when given, else this ledger's measures dated in the year before. One pass over the ledger,
  // which also collects the work entries for occurrence status when a clause scores occurrences.
  const needsStatus = methods.some((m) => m.kind === "occurrences");
  const year = plan.year ?? Number(asOf.slice(0, 4));
  const benchmarks = new Set<string>();
  for (const m of methods) if (m.kind === "rate" && typeof m.target !== "number") benchmarks.add(m.target.benchmark);
  const facts: LedgerFacts = indexFacts(ledger, {
    from: `${year}-01-01` as IsoDate,
    asOf,
    ...(input.previous === undefined ? { lastYear: `${year - 1}-` } : {}),
    benchmarks,
    counted: new Set(methods.flatMap((m) => (m.kind === "count" ? [...(m.taskIds ?? []), ...(m.requirementIds ?? [])] : []))),
    status: needsStatus,
  });
  const occurrences = needsStatus ? (input.occurrences ?? expandSchedule(plan, { matrix })) : [];
  const statusOf = new Map<string, OccurrenceStatus[]>();
  if (needsStatus) {
    for (const s of statusOfWork(occurrences, facts.work, asOf, { matrix, jointLeads: scheme.jointLeads ?? "shared" })) {
      if (s.unitId === undefined) continue;
      const list = statusOf.get(s.unitId);
      if (list === undefined) statusOf.set(s.unitId, [s]);
      else list.push(s);
    }
  }
  const occById = new Map(occurrences.map((o) => [o.id as string, o]));
  const requirements = new Map<string, Requirement & { taskId: string }>();
  for (const s of plan.sections) for (const t of s.tasks) for (const r of t.requirements) requirements.set(r.id, { ...r, taskId: t.id });
  const previous = input.previous === undefined ? undefined : indexPrevious(input.previous);
  const lastYear = previous?.lastYear ?? facts.lastYear;
  const credited = previous === undefined ? facts.credited : new Set([...facts.credited, ...previous.credited]);

  const date = planDate(plan, {});
  const units: ReadonlyArray<{ id: string; name: string; kind: string }> = input.roster === undefined ? matrix.units : input.roster.units.filter((u) => unitExistsOn(u, date));
  const unitKinds = new Map(units.map((u) => [u.id, u.kind]));
  const T = toHundredths(scheme.total);
  const onMissing = scheme.onMissing ?? "zero";
  const keyed = (scheme.sameProblem ?? "each") !== "each";

  // The area tree: every area's child areas and indicators; children before parents.
  const areaIndex = new Map(scheme.areas.map((a, i) => [a.id, i]));
  const nodes: Node[] = scheme.areas.map((a) => ({ id: a.id, name: a.name, ...(a.parent !== undefined ? { parent: a.parent } : {}), ...(a.floor !== undefined ? { floor: a.floor } : {}), ...(a.cap !== undefined ? { cap: toHundredths(a.cap) } : {}), areas: [], indicators: [] }));
  const roots: number[] = [];
  nodes.forEach((n, i) => {
    const p = n.parent === undefined ? undefined : areaIndex.get(n.parent);
    if (p === undefined || p === i) roots.push(i);
    else (nodes[p] as Node).areas.push(i);
  });
  const orphans: number[] = [];
  scheme.indicators.forEach((ind, k) => {
    const a = areaIndex.get(ind.area);
    if (a === undefined) orphans.push(k);
    else (nodes[a] as Node).indicators.push(k);
  });
  // Visit order from the roots (an area in a cycle is never reached: validateScheme reports it).
  const preorder: number[] = [];
  const visit = (i: number, depth: number) => {
    if (depth > nodes.length) return;
    preorder.push(i);
    for (const c of (nodes[i] as Node).areas) visit(c, depth + 1);
  };
  for (const r of roots) visit(r, 0);
  const officeOfArea = new Map<number, string>();
  for (const i of preorder) {
    const a = scheme.areas[i] as ScoringScheme["areas"][number];
    const p = a.parent === undefined ? undefined : areaIndex.get(a.parent);
    const office = a.office ?? (p === undefined ? undefined : officeOfArea.get(p));
    if (office !== undefined) officeOfArea.set(i, office);
  }

  // Tags that more than one indicator reads (an entry of such a tag can count twice).
  const readers = new Map<string, number[]>();
  scheme.indicators.forEach((ind, k) => {
    for (const m of ind.methods) for (const tag of m.kind === "incidents" || m.kind === "condition" ? [m.tag] : m.kind === "tier" ? m.tiers.map((t) => t.tag) : []) pushTo(readers, tag, k);
  });
  const sharedTags = new Set([...readers].filter(([, ks]) => new Set(ks).size > 1).map(([tag]) => tag));
  const compiled: CompiledIndicator[] = scheme.indicators.map((ind) => {
    const points = toHundredths(ind.points);
    const a = areaIndex.get(ind.area);
    const office = ind.office ?? (a === undefined ? undefined : officeOfArea.get(a));
    return {
      ind,
      points,
      floor: floorValue(ind.floor, "zero", points, rounding),
      caps: ind.methods.map((m) => ("cap" in m && m.cap !== undefined ? toHundredths(m.cap) : undefined)),
      ...(office !== undefined ? { office } : {}),
      applies: assessment(ind, matrix, unitKinds),
      scorers: ind.methods.map((m, clause) =>
        compileMethod(m, { requirements, occurrences: occById, asOf, rounding, keyed, sharedTags, points, clause, ...(ind.appliesTo.taskIds !== undefined ? { taskIds: ind.appliesTo.taskIds } : {}) }),
      ),
    };
  });
  const names = scheme.indicators.map((i) => i.name);
  const scoreAdjustments = compileAdjustments(scheme, rounding);
  const vetoes: CompiledVeto[] = (scheme.vetoes ?? []).map((v) => ({ id: v.id, name: v.name, below: v.below === undefined ? -1 : scheme.grades.findIndex((g) => g.name === v.below) }));
  const componentOf = new Map<string, string>();
  for (const c of scheme.components ?? []) for (const a of c.areas) componentOf.set(a, c.id);

  const ctx: Compiled = { scheme, compiled, nodes, roots, orphans, preorder, officeOfArea, areaIndex, componentOf, vetoes, names, rounding, onMissing, keyed, T, scoreAdjustments, credited };
  const cards: Unranked[] = [];
  for (let order = 0; order < units.length; order++) {
    const unit = units[order] as { id: string; name: string };
    const f = facts.units.get(unit.id) ?? NO_FACTS;
    const view: UnitView = { facts: f, lastYear: lastYear.get(unit.id) ?? NO_MEASURES, statuses: statusOf.get(unit.id) ?? [], benchmarks: facts.benchmarks };
    cards.push(scoreUnit(ctx, unit, order, f, view));
  }

  return deepFreeze(rankAndGrade(cards, scheme, T));
};

/** Everything about a scheme that scoring one unit needs, compiled once. */
interface Compiled {
  readonly scheme: ScoringScheme;
  readonly compiled: readonly CompiledIndicator[];
  readonly nodes: readonly Node[];
  readonly roots: readonly number[];
  readonly orphans: readonly number[];
  readonly preorder: readonly number[];
  readonly officeOfArea: ReadonlyMap<number, string>;
  readonly areaIndex: ReadonlyMap<string, number>;
  readonly componentOf: ReadonlyMap<string, string>;
  readonly vetoes: readonly CompiledVeto[];
  readonly names: readonly string[];
  readonly rounding: Rounding;
  readonly onMissing: "zero" | "full" | "exclude";
  readonly keyed: boolean;
  readonly T: number;
  readonly scoreAdjustments: AdjustmentScorer;
  readonly credited: ReadonlySet<string>;
}
interface CompiledVeto {
  readonly id: string;
  readonly name: string;
  /** The index of the grade it stops at, or −1 for the lowest grade. */
  readonly below: number;
}

const MISSING: Readonly<Record<"zero" | "full" | "exclude", readonly [string, string]>> = {
  zero: ["，按0分计", "data missing: scored 0"],
  full: ["，按满分计", "data missing: full marks"],
  exclude: ["，不计入可得分", "data missing: left out"],
};

/**
 * An indicator's line for a unit: shares, clause caps, the floor, missing data. Lines are written
 * out as literals, optional fields assigned after: spreading a conditional object into a literal
 * (`{ ...base, ...(x ? { x } : {}) }`) takes a slow path in Node 20, several times slower here.
 */
const indicatorLine = (ctx: Compiled, c: CompiledIndicator, share: number, adjustments: readonly ScoreAdjustment[] | undefined, gaps: readonly string[]): ScoreLine => {
  let line: ScoreLine;
  if (adjustments === undefined) {
    const [zh, en] = MISSING[ctx.onMissing];
    line = { kind: "indicator", id: c.ind.id, name: c.ind.name, area: c.ind.area, available: ctx.onMissing === "exclude" ? 0 : c.points, earned: ctx.onMissing === "full" ? c.points : 0, state: "missing_data", adjustments: [], note: `缺少${gaps.join("、")}的数据${zh}`, noteEn: en };
  } else {
    const scaled: ScoreAdjustment[] = [];
    for (const d of adjustments) {
      if (share === 100) scaled.push(d);
      else {
        const part = Object.assign({}, d);
        part.hundredths = Number(divide(BigInt(d.hundredths) * BigInt(share), 100n, ctx.rounding));
        scaled.push(part);
      }
    }
    // A clause that caps its own total (累计扣分不超过N分): what it deducts beyond the cap is given back.
    for (let clause = 0; clause < c.caps.length; clause++) {
      const cap = c.caps[clause];
      if (cap === undefined) continue;
      let sum = 0;
      for (const d of scaled) if (d.clause === clause) sum += d.hundredths;
      if (sum > cap) scaled.push({ reason: `本条累计扣分不超过${formatPoints(cap)}分，超出的${formatPoints(sum - cap)}分不扣`, reasonEn: `this clause deducts at most ${formatPoints(cap)}`, hundredths: cap - sum, entries: [], clause });
    }
    let deducted = 0;
    for (const d of scaled) deducted += d.hundredths;
    line = { kind: "indicator", id: c.ind.id, name: c.ind.name, area: c.ind.area, available: c.points, earned: Math.max(c.points - deducted, c.floor), state: "scored", adjustments: scaled };
    const notes: string[] = [];
    const notesEn: string[] = [];
    if (share !== 100 && deducted > 0) {
      notes.push(`责任单位按${share}%承担扣分`);
      notesEn.push(`a responsible unit bears ${share}% of deductions`);
    }
    if (c.points - deducted < c.floor) {
      const { zh, en } = floorText(c.ind.floor, c.floor);
      notes.push(zh);
      notesEn.push(en);
    }
    if (notes.length > 0) {
      line.note = notes.join("；");
      line.noteEn = notesEn.join("; ");
    }
  }
  if (c.office !== undefined) line.office = c.office;
  return line;
};

/** A level's floor and cap applied to its sum: the bounded sum, and the line that says so when it binds. */
const limit = (rounding: Rounding, id: string, name: string, area: string | undefined, sum: number, available: number, floor: Floor | undefined, cap: number | undefined): { earned: number; line?: ScoreLine } => {
  const fl = floorValue(floor, "none", available, rounding);
  let earned = Math.max(sum, fl);
  let { zh, en } = sum < fl ? floorText(floor, fl) : { zh: "", en: "" };
  if (cap !== undefined && earned > cap) {
    earned = cap;
    zh = `最多得${formatPoints(cap)}分`;
    en = `at most ${formatPoints(cap)}`;
  }
  if (earned === sum) return { earned };
  const line: ScoreLine = { kind: "limit", id, name, available: 0, earned: earned - sum, state: "scored", adjustments: [], note: zh, noteEn: en };
  if (area !== undefined) line.area = area;
  return { earned, line };
};

interface Tree {
  readonly lines: ScoreLine[];
  readonly subtotals: Array<{ available: number; earned: number } | undefined>;
  readonly indicatorLines: ReadonlyMap<number, ScoreLine>;
  readonly insideOf: ReadonlyMap<string, AdjustmentLine[]>;
}

/** An area's subtotal, bottom up, with its lines in reading order; undefined when nothing in it applies. */
const evaluateArea = (ctx: Compiled, t: Tree, i: number, depth: number): { available: number; earned: number } | undefined => {
  const n = ctx.nodes[i] as Node;
  if (depth > ctx.nodes.length) return undefined;
  const start = t.lines.length;
  let available = 0;
  let sum = 0;
  let applies = false;
  for (const k of n.indicators) {
    const l = t.indicatorLines.get(k);
    if (l === undefined) continue;
    t.lines.push(l);
    available += l.available;
    sum += l.earned;
    applies = true;
  }
  for (const c of n.areas) {
    const r = evaluateArea(ctx, t, c, depth + 1);
    if (r === undefined) continue;
    available += r.available;
    sum += r.earned;
    applies = true;
  }
  for (const a of t.insideOf.get(n.id) ?? []) {
    t.lines.push(a.line);
    sum += a.line.earned;
    applies = true;
  }
  if (!applies) {
    t.lines.length = start;
    return undefined;
  }
  const { earned, line } = limit(ctx.rounding, n.id, n.name, n.id, sum, available, n.floor, n.cap);
  if (line !== undefined) t.lines.push(line);
  const r = { available, earned };
  t.subtotals[i] = r;
  return r;
};

/** One unit's card, before ranks and grades. */
const scoreUnit = (ctx: Compiled, unit: { id: string; name: string }, order: number, f: UnitFacts, view: UnitView): Unranked => {
  const { scheme, compiled } = ctx;
  // 1. Each applicable indicator's deductions (before shares and floors).
  const shares: Array<number | undefined> = new Array(compiled.length);
  const found: Found[] = [];
  const missing = new Map<number, string[]>();
  for (let k = 0; k < compiled.length; k++) {
    const c = compiled[k] as CompiledIndicator;
    const share = c.applies(unit.id);
    shares[k] = share;
    if (share === undefined) continue;
    const adjustments: ScoreAdjustment[] = [];
    const keyedParts: Array<Keyed | undefined> = [];
    let gaps: string[] | undefined;
    for (const score of c.scorers) {
      const o: Outcome = score(view);
      if (o.missing !== undefined) (gaps ??= []).push(o.missing);
      for (let j = 0; j < o.adjustments.length; j++) {
        adjustments.push(o.adjustments[j] as ScoreAdjustment);
        if (ctx.keyed) keyedParts.push(o.keyed?.[j]);
      }
    }
    if (gaps !== undefined) missing.set(k, gaps);
    else found.push(ctx.keyed ? { k, adjustments, keyed: keyedParts } : { k, adjustments });
  }
  if (ctx.keyed) dedupeProblems(found, scheme.sameProblem as "first" | "larger", ctx.names);

  // 2. Indicator lines.
  const indicatorLines = new Map<number, ScoreLine>();
  for (const [k, gaps] of missing) indicatorLines.set(k, indicatorLine(ctx, compiled[k] as CompiledIndicator, 100, undefined, gaps));
  for (const { k, adjustments } of found) indicatorLines.set(k, indicatorLine(ctx, compiled[k] as CompiledIndicator, shares[k] as number, adjustments, []));
  if (indicatorLines.size === 0) return { unitId: unit.id as UnitId, name: unit.name, total: 0, available: 0, assessed: false, vetoed: false, lines: [], order };

  // 3. Adjustments: inside ones go into their area (or the whole) before normalisation.
  const adjusted = ctx.scoreAdjustments(f, ctx.credited);
  const insideOf = new Map<string, AdjustmentLine[]>();
  for (const a of adjusted) {
    if (!a.inside) continue;
    const key = a.area !== undefined && ctx.areaIndex.has(a.area) ? a.area : "";
    const list = insideOf.get(key);
    if (list === undefined) insideOf.set(key, [a]);
    else list.push(a);
  }

  // 4. The area tree, bottom up: subtotals, floors and caps at every level.
  const t: Tree = { lines: [], subtotals: new Array(ctx.nodes.length), indicatorLines, insideOf };
  let available = 0;
  let raw = 0;
  for (const r of ctx.roots) {
    const res = evaluateArea(ctx, t, r, 0);
    if (res === undefined) continue;
    available += res.available;
    raw += res.earned;
  }
  for (const k of ctx.orphans) {
    const l = indicatorLines.get(k);
    if (l === undefined) continue;
    t.lines.push(l);
    available += l.available;
    raw += l.earned;
  }
  for (const a of insideOf.get("") ?? []) {
    t.lines.push(a.line);
    raw += a.line.earned;
  }
  const whole = limit(ctx.rounding, "total", "总分", undefined, raw, available, scheme.floor, scheme.cap === undefined ? undefined : toHundredths(scheme.cap));
  if (whole.line !== undefined) t.lines.push(whole.line);
  raw = whole.earned;
  const areaRows: NonNullable<ScoreCard["areas"]> = [];
  for (const i of ctx.preorder) {
    const s = t.subtotals[i];
    if (s === undefined) continue;
    const a = scheme.areas[i] as ScoringScheme["areas"][number];
    const office = ctx.officeOfArea.get(i);
    const row: NonNullable<ScoreCard["areas"]>[number] = { id: a.id, name: a.name, available: s.available, earned: s.earned };
    if (a.parent !== undefined) row.parent = a.parent;
    if (office !== undefined) row.office = office;
    areaRows.push(row);
  }

  // 5. Normalisation (折算), in words.
  const lines = t.lines;
  const norm = normalised(scheme, t.subtotals, raw, available, ctx.T, ctx.componentOf, ctx.areaIndex, ctx.rounding);
  if (norm.score !== raw) lines.push({ kind: "normalisation", id: "normalisation", name: scheme.components !== undefined ? "按权重折算" : "折算成百分制", available: 0, earned: norm.score - raw, state: "scored", adjustments: [], note: norm.zh, noteEn: norm.en });

  // 6. Adjustments after normalisation, then vetoes (the strictest one decides).
  for (const a of adjusted) if (!a.inside) lines.push(a.line);
  let below: number | undefined;
  for (const v of ctx.vetoes) {
    const hits = f.vetoes.get(v.id);
    if (hits === undefined || hits.length === 0) continue;
    below = below === undefined ? v.below : below < 0 || v.below < 0 ? -1 : Math.max(below, v.below);
    const grade = v.below < 0 ? undefined : (scheme.grades[v.below] as { name: string }).name;
    const effect = grade === undefined ? `直接定为${scheme.lowestGrade}` : `不得评为${grade}${v.below > 0 ? "及以上等次" : ""}`;
    const ids: EntryId[] = [];
    for (const h of hits) ids.push(h.id);
    lines.push({
      kind: "veto",
      id: v.id,
      name: v.name,
      available: 0,
      earned: 0,
      state: "scored",
      adjustments: [{ reason: `一票否决：${v.name}，${effect}`, reasonEn: `Veto: ${v.name}`, hundredths: 0, entries: ids.sort() }],
      note: effect,
      noteEn: grade === undefined ? "lowest grade" : `below ${grade}`,
    });
  }
  let total = 0;
  for (const l of lines) total += l.earned;
  return below === undefined
    ? { unitId: unit.id as UnitId, name: unit.name, total, available, assessed: true, vetoed: false, lines, areas: areaRows, order }
    : { unitId: unit.id as UnitId, name: unit.name, total, available, assessed: true, vetoed: true, lines, areas: areaRows, order, below };
};

/** The score before outside adjustments: weighted components, or earned/available × total, or the raw sum; with the step in words. */
const normalised = (
  scheme: ScoringScheme,
  subtotals: ReadonlyArray<{ available: number; earned: number } | undefined>,
  raw: number,
  available: number,
  T: number,
  componentOf: ReadonlyMap<string, string>,
  areaIndex: ReadonlyMap<string, number>,
  rounding: Rounding,
): { score: number; zh: string; en: string } => {
  const p = formatPoints;
  if (scheme.components !== undefined) {
    // Σ w_c × e_c / a_c × T / Σ w, over components with points available, as one exact fraction.
    let num = 0n;
    let den = 1n;
    let weights = 0n;
    const parts: string[] = [];
    for (const c of scheme.components) {
      let e = 0;
      let a = 0;
      for (const id of c.areas) {
        const s = subtotals[areaIndex.get(id) ?? -1];
        if (s === undefined || componentOf.get(id) !== c.id) continue;
        e += s.earned;
        a += s.available;
      }
      if (a <= 0) {
        parts.push(`“${c.name}”不适用`);
        continue;
      }
      parts.push(`“${c.name}”实得${p(e)}分（满分${p(a)}分，权重${c.weight}%）`);
      weights += BigInt(c.weight);
      num = num * BigInt(a) + BigInt(c.weight) * BigInt(e) * den;
      den *= BigInt(a);
    }
    const score = weights === 0n ? 0 : Number(divide(num * BigInt(T), den * weights, rounding));
    return { score, zh: `按权重折算：${parts.join("，")}；各部分按实得分与满分之比乘以权重，合计${p(score)}分`, en: `weighted by component: ${p(score)}` };
  }
  if (scheme.normalise === false) return { score: raw, zh: "", en: "" };
  const score = available <= 0 ? 0 : Number(divide(BigInt(raw) * BigInt(T), BigInt(available), rounding));
  return {
    score,
    zh: `折算成${p(T)}分制：本单位适用的指标满分${p(available)}分，实得${p(raw)}分，按${p(raw)}÷${p(available)}×${p(T)}折算为${p(score)}分`,
    en: `normalised to ${p(T)}: ${p(raw)} of ${p(available)} available → ${p(score)}`,
  };
};
