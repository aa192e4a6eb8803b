import { type IsoDate, compareIsoDate } from "../model/dates.js";
import { deepFreeze } from "../model/freeze.js";
import type { EntryId, UnitId } from "../model/ids.js";
import type { Ledger, ProgressEntry } from "../model/ledger.js";
import type { ResponsibilityMatrix } from "../model/matrix.js";
import type { Plan, Requirement } from "../model/plan.js";
import type { Roster } from "../model/unit.js";
import { planDate, unitExistsOn } from "../units/resolve.js";
import type { Occurrence } from "../model/schedule.js";
import type { Indicator, ScoreAdjustment, ScoreCard, ScoreLine, ScoringScheme } from "../model/scoring.js";
import { type OccurrenceStatus, occurrenceStatus } from "../ledger/status.js";
import { expandSchedule } from "../schedule/expand.js";
import { divRound, formatPoints, toHundredths } from "./points.js";

/**
 * {@link scoreUnits} 的输入。What scoring needs: the plan, its matrix, the scheme, the ledger, the
 * as-of date; `previous` is last year's ledger (for trend indicators); `occurrences` defaults to
 * `expandSchedule(plan, { matrix })`.
 *
 * @category Scoring
 * @example
 * const input: ScoreInput = { plan, matrix, scheme, ledger, asOf: IsoDate.parse("2024-12-31") };
 */
export interface ScoreInput {
  readonly plan: Plan;
  /** 单位名录：给出时，名录中（计划日期存续的）全部单位都参加评分；否则只评责任矩阵中的单位。With a roster, every unit in it (in existence at the plan date) is scored; otherwise the matrix's units. */
  readonly roster?: Roster;
  readonly matrix: ResponsibilityMatrix;
  readonly scheme: ScoringScheme;
  readonly ledger: Ledger;
  readonly asOf: IsoDate;
  readonly previous?: Ledger;
  readonly occurrences?: readonly Occurrence[];
}

type Adj = ScoreAdjustment;

/** Per-unit indexes of the facts in a ledger (first entry of each id wins; none after asOf). */
interface Facts {
  incidents: Map<string, ProgressEntry[]>;
  measures: Map<string, Extract<ProgressEntry, { kind: "measure" }>>;
  problems: Map<string, { problem?: Extract<ProgressEntry, { kind: "problem" }>; rectified?: Extract<ProgressEntry, { kind: "rectified" }> }>;
  awards: Map<string, Array<Extract<ProgressEntry, { kind: "award" }>>>;
  vetoes: Map<string, ProgressEntry[]>;
}

/** Append to the list under a key, creating it. */
const pushTo = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
};

/** Canonical order of entries: by date, then id. */
const before = (a: ProgressEntry, b: ProgressEntry): boolean => a.date < b.date || (a.date === b.date && a.id < b.id);
const canonical = <T extends ProgressEntry>(list: readonly T[]): T[] => [...list].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));

const emptyFacts = (): Facts => ({ incidents: new Map(), measures: new Map(), problems: new Map(), awards: new Map(), vetoes: new Map() });

/**
 * Index a ledger's facts per unit, in one pass: this year's (`from`..`asOf`; open problems from
 * earlier years too) into `current`, and measures dated in `lastYear` into `previous`.
 */
const indexFacts = (ledger: Ledger | undefined, from: IsoDate | undefined, asOf: IsoDate | undefined, lastYear?: string): { current: Map<string, Facts>; previous: Map<string, Facts> } => {
  const out = new Map<string, Facts>();
  const previous = new Map<string, Facts>();
  if (ledger === undefined) return { current: out, previous };
  // A repeated id counts once (the first reported wins). Nothing below depends on the order the
  // entries arrived in: single picks compare (date, id), and listed entries are sorted on output.
  const seen = new Set<string>();
  for (const e of ledger.entries) {
    const size = seen.size;
    if (seen.add(e.id).size === size) continue; // one hash operation per entry
    if (lastYear !== undefined && e.kind === "measure" && e.date.startsWith(lastYear)) {
      let p = previous.get(e.unitId);
      if (p === undefined) previous.set(e.unitId, (p = emptyFacts()));
      const prev = p.measures.get(e.metric);
      if (prev === undefined || before(prev, e)) p.measures.set(e.metric, e);
      continue;
    }
    if ((asOf !== undefined && e.date > asOf) || (from !== undefined && e.date < from && e.kind !== "problem" && e.kind !== "rectified")) continue;
    let f = out.get(e.unitId);
    if (f === undefined) {
      f = emptyFacts();
      out.set(e.unitId, f);
    }
    switch (e.kind) {
      case "incident": {
        pushTo(f.incidents, e.tag, e);
        break;
      }
      case "measure": {
        const prev = f.measures.get(e.metric);
        if (prev === undefined || before(prev, e)) f.measures.set(e.metric, e);
        break;
      }
      case "problem":
      case "rectified": {
        const p = f.problems.get(e.problemId) ?? {};
        if (e.kind === "problem") {
          if (p.problem === undefined || before(e, p.problem)) p.problem = e;
        } else if (p.rectified === undefined || before(e, p.rectified)) p.rectified = e;
        f.problems.set(e.problemId, p);
        break;
      }
      case "award": {
        pushTo(f.awards, e.category, e);
        break;
      }
      case "veto": {
        pushTo(f.vetoes, e.vetoId, e);
        break;
      }
      case "done":
      case "progress":
      case "held":
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  }
  return { current: out, previous };
};

/** How a unit stands towards an indicator: assessed or not, and its share of deductions (percent). */
const assessment = (ind: Indicator, matrix: ResponsibilityMatrix, unitKinds: ReadonlyMap<string, string>) => {
  const a = ind.appliesTo;
  const roles = new Set(a.roles ?? ["lead", "responsible"]);
  const viaTasks = new Map<string, { lead: boolean; other: boolean }>();
  if (a.taskIds !== undefined) {
    const tasks = new Set<string>(a.taskIds);
    for (const c of matrix.cells) {
      if (!tasks.has(c.taskId) || !roles.has(c.role) || (c.certainty === "candidate" && a.includeCandidates !== true)) continue;
      const r = viaTasks.get(c.unitId) ?? { lead: false, other: false };
      if (c.role === "lead") r.lead = true;
      else r.other = true;
      viaTasks.set(c.unitId, r);
    }
  }
  const named = new Set<string>(a.units ?? []);
  const kinds = new Set<string>(a.kinds ?? []);
  const everyone = a.taskIds === undefined && a.units === undefined && a.kinds === undefined;
  return (unitId: string): number | undefined => {
    if (everyone || named.has(unitId) || kinds.has(unitKinds.get(unitId) ?? "")) return 100;
    const r = viaTasks.get(unitId);
    if (r === undefined) return undefined;
    return r.lead ? 100 : (a.responsibleShare ?? 100);
  };
};

const DAYS: Readonly<Record<"day" | "week" | "month", number>> = { day: 1, week: 7, month: 30 };

const adj = (reason: string, reasonEn: string, hundredths: number, entries: EntryId[], extra: Partial<Adj> = {}): Adj => ({ reason, reasonEn, hundredths, entries, ...extra });

/**
 * 按考核方案为每个单位评分：每张评分卡有总分、等次、名次，以及每一行的来历——指标、可得分、实得分、
 * 每一项扣分或加分的中文理由、所依据的台账记录和工作要求（附原文位置）。分值以百分之一分的整数精确计算，
 * 一张卡各行之和恰好等于总分；数据缺失在行上明确标出。单位按名次排列，分数相同名次相同。
 *
 * Score every unit of the matrix by the scheme. Each card has its total, grade and rank and every
 * line that made it: indicator, points available and earned, each deduction or bonus with its
 * Chinese reason, the ledger entries and requirement (with its place in the document) behind it.
 * Exact arithmetic in integer hundredths: a card's lines add up to its total exactly; missing
 * data is an explicit state. Cards come in rank order; equal totals share a rank.
 *
 * @category Scoring
 * @example
 * const cards = scoreUnits({ plan, matrix, scheme, ledger, asOf: IsoDate.parse("2024-12-31") });
 * cards.map((c) => `${c.rank} ${c.name} ${formatPoints(c.total)} ${c.grade}`);
 */
export const scoreUnits = (input: ScoreInput): ScoreCard[] => {
  const { plan, matrix, scheme, ledger, asOf } = input;
  // Occurrence status is only needed when an indicator scores occurrences.
  const needsStatus = scheme.indicators.some((i) => i.method.kind === "occurrences");
  const occurrences = needsStatus ? (input.occurrences ?? expandSchedule(plan, { matrix })) : [];
  const statuses = needsStatus ? occurrenceStatus(occurrences, ledger, asOf) : [];
  const statusOf = new Map<string, OccurrenceStatus[]>();
  for (const s of statuses) {
    if (s.unitId === undefined) continue;
    const list = statusOf.get(s.unitId);
    if (list === undefined) statusOf.set(s.unitId, [s]);
    else list.push(s);
  }
  const occById = new Map(occurrences.map((o) => [o.id as string, o]));
  const requirements = new Map<string, Requirement & { taskId: string }>();
  for (const s of plan.sections) for (const t of s.tasks) for (const r of t.requirements) requirements.set(r.id, { ...r, taskId: t.id });
  // This year's facts: dated in the as-of year, up to asOf. Last year's measures: the previous
  // ledger when given, else this ledger's measures dated in the year before.
  const year = plan.year ?? Number(asOf.slice(0, 4));
  const yearStart = `${year}-01-01` as IsoDate;
  const indexed = indexFacts(ledger, yearStart, asOf, input.previous === undefined ? `${year - 1}-` : undefined);
  const facts = indexed.current;
  const lastYear = input.previous !== undefined ? indexFacts(input.previous, undefined, undefined).current : indexed.previous;
  const date = planDate(plan, {});
  const units: ReadonlyArray<{ id: string; name: string; kind: string }> =
    input.roster === undefined ? matrix.units : input.roster.units.filter((u) => unitExistsOn(u, date));
  const unitKinds = new Map(units.map((u) => [u.id, u.kind]));
  const T = toHundredths(scheme.total);
  const onMissing = scheme.onMissing ?? "zero";
  const assessors = scheme.indicators.map((ind) => assessment(ind, matrix, unitKinds));
  const scopes = scheme.indicators.map((ind) => {
    if (ind.method.kind !== "occurrences") return undefined;
    const kinds = ind.method.ruleKinds === undefined ? undefined : new Set<string>(ind.method.ruleKinds);
    const named = ind.method.requirementIds === undefined ? undefined : new Set<string>(ind.method.requirementIds);
    const tasks = ind.appliesTo.taskIds === undefined ? undefined : new Set<string>(ind.appliesTo.taskIds);
    return new Set(
      [...requirements.values()]
        .filter((r) => (named !== undefined ? named.has(r.id) : tasks === undefined || tasks.has(r.taskId)) && (kinds === undefined || kinds.has(r.rule.kind)))
        .map((r) => r.id as string),
    );
  });
  const componentOf = new Map<string, string>();
  for (const c of scheme.components ?? []) for (const a of c.areas) componentOf.set(a, c.id);

  const cards: Array<Omit<ScoreCard, "rank" | "grade"> & { order: number }> = [];
  units.forEach((unit, order) => {
    const f = facts.get(unit.id) ?? emptyFacts();
    const prev = lastYear.get(unit.id) ?? emptyFacts();
    const lines: ScoreLine[] = [];
    scheme.indicators.forEach((ind, k) => {
      const share = (assessors[k] as (u: string) => number | undefined)(unit.id);
      if (share === undefined) return;
      const points = toHundredths(ind.points);
      const found = deductions(ind, unit.id, f, prev, statusOf.get(unit.id) ?? [], scopes[k], occById, requirements, asOf);
      const base = { kind: "indicator" as const, id: ind.id, name: ind.name, area: ind.area };
      if (found === "missing") {
        const note = onMissing === "zero" ? "缺少数据，按0分计 / data missing, scored 0" : onMissing === "full" ? "缺少数据，按满分计 / data missing, full marks" : "缺少数据，不计入可得分 / data missing, left out";
        lines.push({
          ...base,
          available: onMissing === "exclude" ? 0 : points,
          earned: onMissing === "full" ? points : 0,
          state: "missing_data",
          adjustments: onMissing === "zero" ? [adj("缺少数据，按0分计", "Data missing: scored 0", points, [])] : [],
          note,
        });
        return;
      }
      const scaled = share === 100 ? found : found.map((d) => ({ ...d, hundredths: Number(divRound(BigInt(d.hundredths) * BigInt(share), 100n)) }));
      const floor = ind.floor?.kind === "multiple" ? points - Math.round(points * ind.floor.multiple) : 0;
      const deducted = scaled.reduce((s, d) => s + d.hundredths, 0);
      const earned = Math.max(points - deducted, floor);
      const notes = [share === 100 ? "" : `责任单位按${share}%承担扣分`, earned === floor && points - deducted < floor ? (floor === 0 ? "扣完为止" : `扣至${formatPoints(floor)}分为止`) : ""].filter((x) => x !== "");
      lines.push({ ...base, available: points, earned, state: "scored", adjustments: scaled, ...(notes.length > 0 ? { note: notes.join("；") } : {}) });
    });

    const raw = lines.reduce((s, l) => s + l.earned, 0);
    const available = lines.reduce((s, l) => s + l.available, 0);
    const score = normalised(scheme, lines, raw, available, T, componentOf);
    if (score !== raw) {
      const parts =
        scheme.components === undefined
          ? `${formatPoints(raw)}/${formatPoints(available)}×${formatPoints(T)}`
          : scheme.components
              .map((c) => {
                const ls = lines.filter((l) => l.area !== undefined && componentOf.get(l.area) === c.id);
                const a = ls.reduce((x, l) => x + l.available, 0);
                return a > 0 ? `${c.name}${formatPoints(ls.reduce((x, l) => x + l.earned, 0))}/${formatPoints(a)}×${c.weight}%` : `${c.name}不适用`;
              })
              .join("，");
      lines.push({ kind: "normalisation", id: "normalisation", name: scheme.components !== undefined ? "按权重折算" : "折算成百分制", available: 0, earned: score - raw, state: "scored", adjustments: [], note: `${parts} → ${formatPoints(score)}` });
    }
    let bonusLeft = scheme.bonus === undefined ? 0 : toHundredths(scheme.bonus.cap);
    for (const cat of scheme.bonus?.categories ?? []) {
      const awards = f.awards.get(cat.id) ?? [];
      if (awards.length === 0) continue;
      // One award reported twice (same awardId) counts once: the earliest report stands.
      const byAward = new Map<string, (typeof awards)[number]>();
      for (const a of canonical(awards)) if (!byAward.has(a.awardId ?? a.id)) byAward.set(a.awardId ?? a.id, a);
      const distinct = [...byAward.values()];
      const amount = Math.min(distinct.length * toHundredths(cat.per), toHundredths(cat.cap), bonusLeft);
      bonusLeft -= amount;
      lines.push({
        kind: "bonus",
        id: cat.id,
        name: cat.name,
        available: 0,
        earned: amount,
        state: "scored",
        adjustments: distinct.map((a) => adj(`加分：${cat.name}`, `Bonus: ${cat.name}`, -toHundredths(cat.per), [a.id])),
        note: `${distinct.length}项，每项${formatPoints(toHundredths(cat.per))}分，本类最多${cat.cap}分${amount < distinct.length * toHundredths(cat.per) ? "（已封顶）" : ""}`,
      });
    }
    let vetoed = false;
    for (const v of scheme.vetoes ?? []) {
      const hits = f.vetoes.get(v.id) ?? [];
      if (hits.length === 0) continue;
      vetoed = true;
      lines.push({ kind: "veto", id: v.id, name: v.name, available: 0, earned: 0, state: "scored", adjustments: [adj(`一票否决：${v.name}`, `Veto: ${v.name}`, 0, hits.map((h) => h.id).sort())], note: "直接定为最低等次 / lowest grade" });
    }
    const total = lines.reduce((s, l) => s + l.earned, 0);
    cards.push({ unitId: unit.id as UnitId, name: unit.name, total, available, vetoed, lines, order });
  });

  return deepFreeze(rankAndGrade(cards, scheme, T));
};

/** The score before bonuses: weighted components, or earned/available × total, or the raw sum. */
const normalised = (scheme: ScoringScheme, lines: readonly ScoreLine[], raw: number, available: number, T: number, componentOf: ReadonlyMap<string, string>): number => {
  if (scheme.components !== undefined) {
    // Σ w_c × e_c / a_c × T / Σ w, over components with points available, as one exact fraction.
    let num = 0n;
    let den = 1n;
    let weights = 0n;
    for (const c of scheme.components) {
      let e = 0;
      let a = 0;
      for (const l of lines) if (l.area !== undefined && componentOf.get(l.area) === c.id) (e += l.earned), (a += l.available);
      if (a <= 0) continue;
      weights += BigInt(c.weight);
      num = num * BigInt(a) + BigInt(c.weight) * BigInt(e) * den;
      den *= BigInt(a);
    }
    return weights === 0n ? 0 : Number(divRound(num * BigInt(T), den * weights));
  }
  if (scheme.normalise === false) return raw;
  return available <= 0 ? 0 : Number(divRound(BigInt(raw) * BigInt(T), BigInt(available)));
};

/** The deductions of one indicator for one unit, or "missing" when its data is missing. */
const deductions = (
  ind: Indicator,
  unitId: string,
  f: Facts,
  prev: Facts,
  statuses: readonly OccurrenceStatus[],
  scope: ReadonlySet<string> | undefined,
  occById: ReadonlyMap<string, Occurrence>,
  requirements: ReadonlyMap<string, Requirement>,
  asOf: IsoDate,
): Adj[] | "missing" => {
  const m = ind.method;
  switch (m.kind) {
    case "occurrences": {
      const out: Adj[] = [];
      for (const s of statuses) {
        const o = occById.get(s.occurrenceId);
        if (o === undefined || !(scope as ReadonlySet<string>).has(o.requirementId)) continue;
        const req = requirements.get(o.requirementId);
        const extra: Partial<Adj> = { occurrenceId: o.id, ...(req !== undefined ? { requirement: { id: req.id, phrase: req.phrase, ...(req.source !== undefined ? { source: req.source } : {}) } } : {}) };
        const what = `任务${o.taskNo} ${o.label}：${o.action}`;
        if (s.status === "overdue") {
          if (o.count > 1 && m.perShort !== undefined) {
            const short = s.needed - s.done;
            out.push(adj(`少${short}次（完成${s.done}/${s.needed}）：${what}`, `${short} short (${s.done}/${s.needed}): task ${o.taskNo} ${o.label}`, short * toHundredths(m.perShort), [...s.entries], extra));
          } else out.push(adj(`逾期未完成（截止${o.due}）：${what}`, `Overdue (due ${o.due}): task ${o.taskNo} ${o.label}`, toHundredths(m.perMissing), [...s.entries], extra));
        } else if (s.status === "done_late") {
          const days = s.daysLate ?? 0;
          const steps = m.latePer === undefined ? 0 : Math.ceil(days / DAYS[m.latePer.unit]);
          const amount = toHundredths(m.perLate ?? 0) + steps * toHundredths(m.latePer?.points ?? 0);
          if (amount > 0) out.push(adj(`逾期${days}天完成：${what}`, `Done ${days} days late: task ${o.taskNo} ${o.label}`, amount, [...s.entries], extra));
        }
      }
      if (m.allOrNothing === true && out.length > 0) {
        return [adj(`未全部按时完成，不得分（${out.length}项）`, `Not all done on time: no points (${out.length} items)`, toHundredths(ind.points), out.flatMap((d) => d.entries))];
      }
      return out;
    }
    case "incidents": {
      // One adjustment per tag, listing every entry behind it (sorted by id: a native string
      // sort, so that neither the ledger's order nor a slow comparator shows).
      const hits = f.incidents.get(m.tag) ?? [];
      if (hits.length === 0) return [];
      let count = 0;
      const ids: EntryId[] = new Array(hits.length);
      hits.forEach((e, i) => {
        count += e.kind === "incident" ? (e.count ?? 1) : 1;
        ids[i] = e.id;
      });
      ids.sort();
      return [adj(`发现${count}宗“${m.tag}”，每宗扣${formatPoints(toHundredths(m.per))}分`, `${count} incident(s) "${m.tag}", ${formatPoints(toHundredths(m.per))} each`, count * toHundredths(m.per), ids)];
    }
    case "rate": {
      const v = f.measures.get(m.metric);
      if (v === undefined) return "missing";
      if (v.value >= m.target) return [];
      const below = m.target - v.value;
      return [adj(`“${m.metric}”为${v.value}%，低于${m.target}%共${Math.round(below * 100) / 100}个百分点`, `"${m.metric}" is ${v.value}%, ${Math.round(below * 100) / 100} points below ${m.target}%`, Math.round(toHundredths(m.perPoint) * below), [v.id])];
    }
    case "tier": {
      let worst: { tag: string; name: string; deduct: number; ids: EntryId[] } | undefined;
      for (const t of m.tiers) {
        const hits = f.incidents.get(t.tag) ?? [];
        if (hits.length > 0 && (worst === undefined || toHundredths(t.deduct) > worst.deduct)) worst = { tag: t.tag, name: t.name, deduct: toHundredths(t.deduct), ids: hits.map((h) => h.id) };
      }
      return worst === undefined ? [] : [adj(`${worst.name}`, `Tier: ${worst.name}`, worst.deduct, [...worst.ids].sort())];
    }
    case "trend": {
      const out: Adj[] = [];
      for (const metric of m.metrics) {
        const now = f.measures.get(metric);
        const last = prev.measures.get(metric);
        if (now === undefined || last === undefined) return "missing";
        if (now.value >= last.value) out.push(adj(`“${metric}”未下降：本年${now.value}，上年${last.value}`, `"${metric}" did not fall: ${now.value} this year, ${last.value} last year`, toHundredths(m.perMetric), [now.id, last.id]));
      }
      return out;
    }
    case "rectification": {
      const out: Adj[] = [];
      for (const [problemId, p] of [...f.problems].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (p.problem === undefined) continue;
        const due = p.problem.dueBy;
        if (p.rectified === undefined) {
          if (compareIsoDate(due, asOf) < 0) out.push(adj(`问题“${problemId}”逾期未整改（期限${due}）`, `Problem "${problemId}" not rectified by ${due}`, toHundredths(m.perOpen), [p.problem.id]));
        } else if (compareIsoDate(p.rectified.date, due) > 0) {
          out.push(adj(`问题“${problemId}”逾期整改（期限${due}，${p.rectified.date}整改）`, `Problem "${problemId}" rectified late (${p.rectified.date}, due ${due})`, toHundredths(m.perLate), [p.problem.id, p.rectified.id]));
        }
      }
      return out;
    }
    default: {
      const never: never = m;
      return never;
    }
  }
};

/** Competition ranking (equal totals share a rank), grade bands with quotas, vetoes to the lowest grade. */
const rankAndGrade = (cards: Array<Omit<ScoreCard, "rank" | "grade"> & { order: number }>, scheme: ScoringScheme, T: number): ScoreCard[] => {
  const sorted = [...cards].sort((a, b) => b.total - a.total || a.order - b.order);
  const ranks = new Map<string, number>();
  sorted.forEach((c, i) => ranks.set(c.unitId, i > 0 && (sorted[i - 1] as { total: number }).total === c.total ? (ranks.get((sorted[i - 1] as { unitId: string }).unitId) as number) : i + 1));
  const bands = scheme.grades;
  // The first band whose minimum the score (on a 100-point scale) reaches: total/T × 100 ≥ min.
  const bandOf = (total: number): number => bands.findIndex((b) => BigInt(total) * 10000n >= BigInt(toHundredths(b.min)) * BigInt(T));
  const grade = new Map<string, number>();
  for (const c of sorted) grade.set(c.unitId, c.vetoed ? -1 : bandOf(c.total));
  // Quotas: walk the bands from the top; tie groups that would overflow a band's quota move down.
  bands.forEach((band, b) => {
    if (band.maxShare === undefined) return;
    const limit = Math.floor((cards.length * band.maxShare) / 100);
    const inBand = sorted.filter((c) => grade.get(c.unitId) === b);
    let taken = 0;
    let i = 0;
    while (i < inBand.length) {
      let j = i;
      while (j < inBand.length && (inBand[j] as { total: number }).total === (inBand[i] as { total: number }).total) j += 1;
      const group = inBand.slice(i, j);
      if (taken + group.length > limit) {
        for (const c of inBand.slice(i)) grade.set(c.unitId, b + 1 < bands.length ? b + 1 : -1);
        break;
      }
      taken += group.length;
      i = j;
    }
  });
  return sorted.map(({ order: _order, ...c }) => {
    const g = grade.get(c.unitId) as number;
    return { ...c, rank: ranks.get(c.unitId) as number, grade: g === -1 ? scheme.lowestGrade : (bands[g] as { name: string }).name };
  });
};
