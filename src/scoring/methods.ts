// The scoring methods: one small named function per kind of clause, in a registry (like the
// parser's rules). Each compiles its clause once per scheme and returns a function that scores
// one unit. Adding a kind to ScoringMethod fails to compile until it has an entry here.
import type { IsoDate } from "../model/dates.js";
import type { EntryId } from "../model/ids.js";
import type { Requirement } from "../model/plan.js";
import type { Occurrence } from "../model/schedule.js";
import type { Rounding, ScoreAdjustment, ScoringMethod, ScoringMethodKind } from "../model/scoring.js";
import type { OccurrenceStatus } from "../ledger/status.js";
import type { Measure, ProblemFacts, UnitFacts } from "./facts.js";
import { type Ratio, decimalOf, divide, formatPoints, formatRatio, ratioCompare, ratioSub, toHundredths } from "./points.js";
import { dateZh } from "./wording.js";

/**
 * What identifies an entry's problem (for 同一问题不重复扣分): the problem it names, or else the entry
 * itself. The two kinds of key are kept apart, so an entry whose id happens to be spelled like
 * another entry's problem id is not that problem.
 */
const problemKey = (e: { readonly id: EntryId; readonly problemId?: string | undefined }): string =>
  e.problemId !== undefined ? `problem:${e.problemId}` : `entry:${e.id}`;

/** A deduction with what identifies its problem (for 同一问题不重复扣分). */
export interface Keyed {
  /** Separable: the amount of each problem (they add up to the adjustment). */
  readonly parts?: ReadonlyArray<{ readonly key: string; readonly entry: EntryId; readonly hundredths: number }>;
  /** Not separable (once for a tag): the problems behind the whole amount. */
  readonly keys?: readonly string[];
}

export interface Outcome {
  readonly adjustments: ScoreAdjustment[];
  /** Parallel to `adjustments` when problems are keyed. */
  readonly keyed?: Array<Keyed | undefined>;
  /** What data is missing, in words (the indicator then follows the scheme's onMissing). */
  readonly missing?: string;
}

/** Scheme-wide context a clause compiles against. */
export interface MethodEnv {
  readonly requirements: ReadonlyMap<string, Requirement & { taskId: string }>;
  readonly occurrences: ReadonlyMap<string, Occurrence>;
  readonly asOf: IsoDate;
  readonly rounding: Rounding;
  /** Whether deductions carry problem keys (the scheme's sameProblem is not "each"). */
  readonly keyed: boolean;
  /** Tags more than one indicator reads: an entry of such a tag can be the same problem twice even without a problemId. */
  readonly sharedTags: ReadonlySet<string>;
  /** The indicator's tasks (appliesTo.taskIds), which bound an occurrence clause. */
  readonly taskIds?: readonly string[];
  /** The indicator's points, in hundredths. */
  readonly points: number;
  /** This clause's index in the indicator's methods. */
  readonly clause: number;
}

/** One unit's view of the facts. */
export interface UnitView {
  readonly facts: UnitFacts;
  readonly lastYear: ReadonlyMap<string, Measure>;
  readonly statuses: readonly OccurrenceStatus[];
  readonly benchmarks: ReadonlyMap<string, Measure>;
}

export type UnitScorer = (u: UnitView) => Outcome;
type Compiler<K extends ScoringMethodKind> = (m: Extract<ScoringMethod, { kind: K }>, env: MethodEnv) => UnitScorer;

const NONE: Outcome = Object.freeze({ adjustments: [] }) as Outcome;
const pts = (h: number): string => formatPoints(h);

/**
 * An adjustment of this clause, written out as a literal (no spreads: they take a slow path in
 * Node 20). Its entry list is frozen here, so that freezing the card later does not walk it again.
 */
const adjust = (env: MethodEnv, reason: string, reasonEn: string, hundredths: number, entries: readonly EntryId[], occurrence?: { id: Occurrence["id"]; requirement?: Requirement }): ScoreAdjustment => {
  const a: ScoreAdjustment = { reason, reasonEn, hundredths, entries: Object.freeze(entries) as EntryId[], clause: env.clause };
  if (occurrence !== undefined) {
    a.occurrenceId = occurrence.id;
    const req = occurrence.requirement;
    if (req !== undefined) {
      a.requirement = { id: req.id, phrase: req.phrase };
      if (req.source !== undefined) a.requirement.source = req.source;
    }
  }
  return a;
};

const DAYS: Readonly<Record<"day" | "week" | "month", number>> = { day: 1, week: 7, month: 30 };
const UNIT_ZH: Readonly<Record<"day" | "week" | "month", string>> = { day: "天", week: "周", month: "个月" };

/** 时间节点：逾期未完成、逾期完成、数量不足（依据工作安排的时间节点）。 */
const occurrences: Compiler<"occurrences"> = (m, env) => {
  const kinds = m.ruleKinds === undefined ? undefined : new Set<string>(m.ruleKinds);
  const named = m.requirementIds === undefined ? undefined : new Set<string>(m.requirementIds);
  const tasks = env.taskIds === undefined ? undefined : new Set<string>(env.taskIds);
  const scope = new Set<string>();
  for (const r of env.requirements.values()) {
    if ((named !== undefined ? named.has(r.id) : tasks === undefined || tasks.has(r.taskId)) && (kinds === undefined || kinds.has(r.rule.kind))) scope.add(r.id);
  }
  const perMissing = toHundredths(m.perMissing);
  const perShort = m.perShort === undefined ? undefined : toHundredths(m.perShort);
  const perLate = toHundredths(m.perLate ?? 0);
  const latePer = m.latePer === undefined ? undefined : { days: DAYS[m.latePer.unit], zh: UNIT_ZH[m.latePer.unit], unit: m.latePer.unit, points: toHundredths(m.latePer.points) };
  return (u) => {
    const out: ScoreAdjustment[] = [];
    for (const s of u.statuses) {
      const o = env.occurrences.get(s.occurrenceId);
      if (o === undefined || !scope.has(o.requirementId)) continue;
      const req = env.requirements.get(o.requirementId);
      const extra = req === undefined ? { id: o.id } : { id: o.id, requirement: req };
      const what = `任务${o.taskNo}“${o.action}”${o.label}的节点`;
      const whatEn = `task ${o.taskNo} (${o.label})`;
      if (s.status === "overdue") {
        if (o.count > 1 && perShort !== undefined) {
          const short = s.needed - s.done;
          out.push(adjust(env, `${what}应完成${s.needed}次，完成${s.done}次，少${short}次，每少一次扣${pts(perShort)}分`, `${whatEn}: ${s.done} of ${s.needed} done, ${short} short at ${pts(perShort)} each`, short * perShort, s.entries, extra));
        } else out.push(adjust(env, `${what}逾期未完成（截止${dateZh(o.due as IsoDate)}）`, `${whatEn} overdue (due ${o.due})`, perMissing, s.entries, extra));
      } else if (s.status === "done_late") {
        const days = s.daysLate ?? 0;
        const steps = latePer === undefined ? 0 : Math.ceil(days / latePer.days);
        const amount = perLate + steps * (latePer?.points ?? 0);
        if (amount > 0) {
          const how = latePer === undefined ? "" : `，逾期${steps}${latePer.zh}，每${latePer.zh}扣${pts(latePer.points)}分`;
          out.push(adjust(env, `${what}逾期${days}天完成${perLate > 0 ? `，逾期完成扣${pts(perLate)}分` : ""}${how}`, `${whatEn} done ${days} days late`, amount, s.entries, extra));
        }
      }
    }
    if (m.allOrNothing === true && out.length > 0) {
      return { adjustments: [adjust(env, `${out.length}项未按时完成，本项不得分`, `${out.length} item(s) not done on time: no points`, env.points, out.flatMap((d) => d.entries))] };
    }
    return { adjustments: out };
  };
};

/** 每发现一起扣N分：incident 记录按起数（`count`）累计。 */
const incidents: Compiler<"incidents"> = (m, env) => {
  const per = toHundredths(m.per);
  return (u) => {
    const hits = u.facts.incidents.get(m.tag);
    if (hits === undefined || hits.length === 0) return NONE;
    let count = 0;
    const ids: EntryId[] = new Array(hits.length);
    for (let i = 0; i < hits.length; i++) {
      const e = hits[i] as (typeof hits)[number];
      count += e.count ?? 1;
      ids[i] = e.id;
    }
    ids.sort(); // a native sort: neither the ledger's order nor a slow comparator shows
    const a = adjust(env, `发现“${m.tag}”${count}起，每起扣${pts(per)}分`, `${count} "${m.tag}", ${pts(per)} each`, count * per, ids);
    if (!env.keyed) return { adjustments: [a] };
    // Only an entry that names a problem, or whose tag another indicator reads too, can be a repeat.
    const shared = env.sharedTags.has(m.tag);
    const parts = [];
    for (const e of hits) if (shared || e.problemId !== undefined) parts.push({ key: problemKey(e), entry: e.id, hundredths: (e.count ?? 1) * per });
    return parts.length === 0 ? { adjustments: [a] } : { adjustments: [a], keyed: [{ parts }] };
  };
};

/** …的扣N分：有此情形即扣一次。 */
const condition: Compiler<"condition"> = (m, env) => {
  const points = toHundredths(m.points);
  return (u) => {
    const hits = u.facts.incidents.get(m.tag);
    if (hits === undefined || hits.length === 0) return NONE;
    const a = adjust(env, `存在“${m.tag}”的情形`, `Found: "${m.tag}"`, points, hits.map((e) => e.id).sort());
    return { adjustments: [a], ...keysOf(env, [m.tag], hits) };
  };
};

/** The problems behind a once-for-a-tag deduction, when one of them can be a repeat. */
const keysOf = (env: MethodEnv, tags: readonly string[], hits: ReadonlyArray<{ id: EntryId; problemId?: string | undefined }>): { keyed?: Keyed[] } => {
  if (!env.keyed || (!tags.some((t) => env.sharedTags.has(t)) && hits.every((e) => e.problemId === undefined))) return {};
  return { keyed: [{ keys: hits.map(problemKey) }] };
};

/** 按最重的一种情形扣分；其余情形也列出。 */
const tier: Compiler<"tier"> = (m, env) => {
  const tiers = m.tiers.map((t) => ({ ...t, h: toHundredths(t.deduct) }));
  return (u) => {
    const found = tiers.filter((t) => (u.facts.incidents.get(t.tag)?.length ?? 0) > 0);
    if (found.length === 0) return NONE;
    const worst = found.reduce((a, b) => (b.h > a.h ? b : a));
    const hits = found.flatMap((t) => u.facts.incidents.get(t.tag) ?? []);
    const names = found.map((t) => `“${t.name}”`).join("");
    const reason = found.length === 1 ? `存在${names}的情形` : `存在${names}等情形，按最重的“${worst.name}”扣分`;
    const a = adjust(env, reason, `Found ${found.map((t) => `"${t.name}"`).join(", ")}; the worst, "${worst.name}", counts`, worst.h, hits.map((e) => e.id).sort());
    return { adjustments: [a], ...keysOf(env, found.map((t) => t.tag), hits) };
  };
};

/** 不少于N次，每少一次扣M分；少于N次的扣M分。次数由 measure 报送，或数 held/done 记录（与日期无关）。 */
const count: Compiler<"count"> = (m, env) => {
  const perShort = m.perShort === undefined ? 0 : toHundredths(m.perShort);
  const below = m.below === undefined ? 0 : toHundredths(m.below);
  const sources = [...(m.taskIds ?? []), ...(m.requirementIds ?? [])];
  const label = m.metric !== undefined ? `“${m.metric}”` : "完成次数";
  return (u) => {
    let n: number;
    let ids: EntryId[];
    if (m.metric !== undefined) {
      const v = u.facts.measures.get(m.metric);
      if (v === undefined) return { adjustments: [], missing: `“${m.metric}”` };
      n = Math.max(0, Math.floor(v.value));
      ids = [v.id];
    } else {
      const seen = new Set<string>();
      n = 0;
      ids = [];
      for (const key of sources) {
        for (const e of u.facts.work.get(key) ?? []) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          n += e.count ?? 1;
          ids.push(e.id);
        }
      }
      ids.sort();
    }
    if (n >= m.atLeast) return NONE;
    const short = m.atLeast - n;
    const parts = [perShort > 0 ? `每少一次扣${pts(perShort)}分` : "", below > 0 ? `少于${m.atLeast}次扣${pts(below)}分` : ""].filter((x) => x !== "").join("，");
    return { adjustments: [adjust(env, `${label}为${n}次，少于${m.atLeast}次，少${short}次${parts !== "" ? `，${parts}` : ""}`, `${n} times, ${short} short of ${m.atLeast}`, short * perShort + below, ids)] };
  };
};

/** 比率：不低于（不高于）目标值或基准值，每差一个步长扣分，按声明的方式舍入，精确计算。 */
const rate: Compiler<"rate"> = (m, env) => {
  const per = toHundredths(m.per);
  const step = decimalOf(m.step ?? 1);
  const mode = m.rounding ?? env.rounding;
  const percent = m.percent !== false;
  const unit = percent ? "%" : "";
  const gapUnit = percent ? "个百分点" : "";
  const name = m.metric ?? (m.ratio !== undefined ? `${m.ratio.numerator}/${m.ratio.denominator}` : "");
  const stepText = ratioCompare(step, { n: 1n, d: 1n }) === 0 ? `每${m.bound === "at_least" ? "低" : "高"}1${gapUnit || "个单位"}` : `每${m.bound === "at_least" ? "低" : "高"}${formatRatio(step)}${gapUnit || "个单位"}`;
  return (u) => {
    // The value: a reported rate, or numerator/denominator × 100 from two reported numbers.
    let value: Ratio;
    let ids: EntryId[];
    if (m.ratio !== undefined) {
      const num = u.facts.measures.get(m.ratio.numerator);
      const den = u.facts.measures.get(m.ratio.denominator);
      if (num === undefined || den === undefined) return { adjustments: [], missing: `“${num === undefined ? m.ratio.numerator : m.ratio.denominator}”` };
      const d = decimalOf(den.value);
      if (d.n <= 0n) return { adjustments: [], missing: `“${m.ratio.denominator}”（为0）` };
      const n = decimalOf(num.value);
      value = { n: n.n * d.d * 100n, d: n.d * d.n };
      ids = [num.id, den.id].sort();
    } else {
      const v = u.facts.measures.get(m.metric ?? "");
      if (v === undefined) return { adjustments: [], missing: `“${m.metric ?? ""}”` };
      value = decimalOf(v.value);
      ids = [v.id];
    }
    let target: Ratio;
    let targetText: string;
    if (typeof m.target === "number") {
      target = decimalOf(m.target);
      targetText = `要求的${formatRatio(target)}${unit}`;
    } else {
      const b = u.benchmarks.get(m.target.benchmark);
      if (b === undefined) return { adjustments: [], missing: `基准“${m.target.benchmark}”` };
      target = decimalOf(b.value);
      targetText = `“${m.target.benchmark}”（${formatRatio(target)}${unit}）`;
      ids = [...ids, b.id].sort();
    }
    const gap = m.bound === "at_least" ? ratioSub(target, value) : ratioSub(value, target);
    if (gap.n <= 0n) return NONE;
    // amount = per × gap / step, with partial steps as declared.
    const den = gap.d * step.n;
    const steps = m.steps ?? "exact";
    const amount =
      steps === "once"
        ? per
        : steps === "whole"
          ? Number(divide(gap.n * step.d, den, "down")) * per
          : steps === "started"
            ? Number(divide(gap.n * step.d, den, "up")) * per
            : Number(divide(BigInt(per) * gap.n * step.d, den, mode));
    if (amount === 0) return NONE;
    const side = m.bound === "at_least" ? "低" : "高";
    const how = steps === "once" ? "" : `，${stepText}扣${pts(per)}分${steps === "whole" ? "（不足一档不扣）" : steps === "started" ? "（不足一档按一档）" : ""}`;
    return {
      adjustments: [
        adjust(env, `“${name}”为${formatRatio(value)}${unit}，比${targetText}${side}${formatRatio(gap)}${gapUnit || ""}${how}`, `"${name}" is ${formatRatio(value)}${unit}, ${formatRatio(gap)} ${m.bound === "at_least" ? "below" : "above"} ${formatRatio(target)}${unit}`, amount, ids),
      ],
    };
  };
};

const TREND_ZH: Readonly<Record<"rose" | "not_fell" | "fell" | "not_rose", string>> = { rose: "上升", not_fell: "未下降", fell: "下降", not_rose: "未上升" };

/** 趋势：本年与上年比较，上升（或未下降、下降、未上升）的每项扣分。 */
const trend: Compiler<"trend"> = (m, env) => {
  const per = toHundredths(m.per);
  const hit = (now: number, last: number): boolean => (m.when === "rose" ? now > last : m.when === "not_fell" ? now >= last : m.when === "fell" ? now < last : now <= last);
  return (u) => {
    const out: ScoreAdjustment[] = [];
    for (const metric of m.metrics) {
      const now = u.facts.measures.get(metric);
      const last = u.lastYear.get(metric);
      if (now === undefined || last === undefined) return { adjustments: [], missing: `“${metric}”${now === undefined ? "本年" : "上年"}` };
      if (!hit(now.value, last.value)) continue;
      const moved = now.value > last.value ? "上升" : now.value < last.value ? "下降" : "持平";
      out.push(adjust(env, `“${metric}”本年为${now.value}，上年为${last.value}，${moved}（${TREND_ZH[m.when]}的扣${pts(per)}分）`, `"${metric}" ${now.value} this year, ${last.value} last year`, per, [now.id, last.id].sort()));
    }
    return { adjustments: out };
  };
};

/** 督察问题整改：期限已过仍未整改的每个扣分，逾期整改的每个扣分。 */
const rectification: Compiler<"rectification"> = (m, env) => {
  const perOpen = toHundredths(m.perOpen);
  const perLate = toHundredths(m.perLate);
  return (u) => {
    const out: ScoreAdjustment[] = [];
    const keyed: Keyed[] = [];
    for (const problemId of [...u.facts.problems.keys()].sort()) {
      const p = u.facts.problems.get(problemId) as ProblemFacts; // one of the Map's own keys
      if (p.problem === undefined) continue;
      const due = p.problem.dueBy;
      if (p.rectified === undefined) {
        if (due >= env.asOf) continue;
        out.push(adjust(env, `督察发现的问题逾期未整改（整改期限${dateZh(due)}）`, `Problem not rectified by ${due}`, perOpen, [p.problem.id]));
      } else if (p.rectified.date > due) {
        out.push(adjust(env, `督察发现的问题逾期整改（整改期限${dateZh(due)}，${dateZh(p.rectified.date)}整改）`, `Problem rectified late (${p.rectified.date}, due ${due})`, perLate, [p.problem.id, p.rectified.id].sort()));
      } else continue;
      const last = out[out.length - 1] as ScoreAdjustment;
      keyed.push({ parts: [{ key: problemKey({ id: p.problem.id, problemId }), entry: p.problem.id, hundredths: last.hundredths }] });
    }
    return env.keyed ? { adjustments: out, keyed } : { adjustments: out };
  };
};

/** The registry: one compiler per kind of clause. */
export const METHODS: { readonly [K in ScoringMethodKind]: Compiler<K> } = { occurrences, incidents, condition, tier, count, rate, trend, rectification };

/** Compile one clause of an indicator. */
export const compileMethod = (m: ScoringMethod, env: MethodEnv): UnitScorer => (METHODS[m.kind] as Compiler<ScoringMethodKind>)(m as never, env);
