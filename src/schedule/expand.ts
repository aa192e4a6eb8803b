import * as z from "zod";
import { WorkdayCalendar } from "../model/calendar.js";
import { type IsoDate, compareIsoDate, daysInMonth, isoDate } from "../model/dates.js";
import { FazhiError } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import type { ClauseId, OccurrenceId, RequirementId, TaskId, UnitId } from "../model/ids.js";
import { argument, badArgument } from "../model/guard.js";
import { ResponsibilityMatrix } from "../model/matrix.js";
import { Plan } from "../model/plan.js";
import { type Occurrence, type Period, ScheduleRule } from "../model/schedule.js";
import { type RestDayPolicy, adjustToWorkday } from "./workdays.js";

/**
 * 规则在某年的一个周期：时间段、截止日期、标签、编号后缀。One period of a rule in a year.
 * @category Schedule
 * @example
 * const q1: RulePeriod = rulePeriods({ kind: "recurring", period: "quarter", times: 1 }, 2024)[0]!;
 * q1.label;
 * //=> "2024年第1季度"
 */
export interface RulePeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly due: IsoDate;
  readonly label: string;
  readonly suffix: string;
}

/** Period tables are the same for every rule of a period and year: computed once (bounded cache). */
const periodCache = new Map<string, readonly RulePeriod[]>();
const periodsOf = (period: Period, year: number): readonly RulePeriod[] => {
  const key = `${period}:${year}`;
  let cached = periodCache.get(key);
  if (cached === undefined) {
    if (periodCache.size > 4096) periodCache.clear();
    cached = deepFreeze(computePeriods(period, year));
    periodCache.set(key, cached);
  }
  return cached;
};

const computePeriods = (period: Period, year: number): RulePeriod[] => {
  const span = (m1: number, m2: number, label: string, suffix: string): RulePeriod => {
    const to = isoDate(year, m2, daysInMonth(year, m2));
    return { from: isoDate(year, m1, 1), to, due: to, label, suffix };
  };
  switch (period) {
    case "month":
      return Array.from({ length: 12 }, (_, i) => span(i + 1, i + 1, `${year}年${i + 1}月`, `-M${String(i + 1).padStart(2, "0")}`));
    case "quarter":
      return [1, 2, 3, 4].map((q) => span(q * 3 - 2, q * 3, `${year}年第${q}季度`, `-Q${q}`));
    case "half_year":
      return [span(1, 6, `${year}年上半年`, "-H1"), span(7, 12, `${year}年下半年`, "-H2")];
    case "year":
      return [span(1, 12, `${year}年`, "")];
    default: {
      const never: never = period;
      return never;
    }
  }
};

const md = (d: IsoDate): [number, number, number] => [Number(d.slice(0, 4)), Number(d.slice(5, 7)), Number(d.slice(8, 10))];
const isMonthEnd = (d: IsoDate): boolean => {
  const [y, m, day] = md(d);
  return day === daysInMonth(y, m);
};
const deadlineLabel = (due: IsoDate): string => {
  const [, m, d] = md(due);
  return m === 12 && d === 31 ? "年底前" : isMonthEnd(due) ? `${m}月底前` : `${m}月${d}日前`;
};
const windowLabel = (from: IsoDate, to: IsoDate): string => {
  const [fy, fm, fd] = md(from);
  const [ty, tm] = md(to);
  if (fy === ty && fd === 1 && isMonthEnd(to)) {
    if (fm === tm) return `${fm}月`;
    if (tm - fm === 2 && fm % 3 === 1) return `第${(fm + 2) / 3}季度`;
    if (fm === 1 && tm === 6) return "上半年";
    if (fm === 7 && tm === 12) return "下半年";
  }
  const [, , td] = md(to);
  return `${fm}月${fd}日至${tm}月${td}日`;
};

/**
 * 一条时间规则在某年的各个周期（截止型、时段型只在所属年份有一个；持续型为年底检查点；“及时”类没有日期，返回空）。
 * The periods of a rule in a year: deadlines and windows once, in their own year; recurring rules
 * and quotas once per period; ongoing work as a year-end checkpoint; on-event rules none.
 *
 * @category Schedule
 * @example
 * rulePeriods({ kind: "recurring", period: "quarter", times: 1 }, 2024).map((p) => p.due);
 * //=> ["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]
 */
export const rulePeriods = (rule: ScheduleRule, year: number): readonly RulePeriod[] => {
  argument("rulePeriods", "rule", ScheduleRule, rule);
  return periodsOfRule(rule, checkYear("rulePeriods", "year", year));
};

const checkYear = (fn: string, name: string, year: unknown): number => {
  if (!Number.isInteger(year) || (year as number) < 0 || (year as number) > 9999) throw badArgument(fn, name, "应为 0–9999 的整数年份", "must be a whole year 0–9999");
  return year as number;
};

const periodsOfRule = (rule: ScheduleRule, year: number): readonly RulePeriod[] => {
  switch (rule.kind) {
    case "deadline":
      return Number(rule.due.slice(0, 4)) === year ? [{ from: isoDate(year, 1, 1), to: rule.due, due: rule.due, label: deadlineLabel(rule.due), suffix: "" }] : [];
    case "window":
      return Number(rule.to.slice(0, 4)) === year ? [{ from: rule.from, to: rule.to, due: rule.to, label: windowLabel(rule.from, rule.to), suffix: "" }] : [];
    case "recurring":
    case "quota":
      return periodsOf(rule.period, year);
    case "ongoing":
      return [{ from: isoDate(year, 1, 1), to: isoDate(year, 12, 31), due: isoDate(year, 12, 31), label: `${year}年（持续，年底检查）`, suffix: "" }];
    case "on_event":
      return [];
    default: {
      const never: never = rule;
      return never;
    }
  }
};

/**
 * {@link expandSchedule} 的选项。Options of {@link expandSchedule}.
 * @category Schedule
 * @example
 * const options: ExpandOptions = { year: 2024, matrix, calendar: chinaWorkdayCalendar(), dueOnRestDay: "next" };
 */
export interface ExpandOptions {
  /** 年度（默认为计划年度）。The year (default: the plan's). */
  readonly year?: number;
  /** 给出责任矩阵时，每个时间节点带上负有义务的单位。With a matrix, occurrences carry their bound units. */
  readonly matrix?: ResponsibilityMatrix;
  /** 工作日历，用于调整落在休息日的截止日期。The calendar for due dates on rest days. */
  readonly calendar?: WorkdayCalendar;
  /** 截止日落在休息日时：`keep`（默认）、`next`、`previous`。Due dates on rest days (default `keep`). */
  readonly dueOnRestDay?: RestDayPolicy;
}

/**
 * 某段落（或没有段落的任务）确定的牵头和责任单位：它们负有时间节点的义务。“有关单位”（候选）不计入。
 * The units bound by a clause's obligations: its definite lead and responsible units (candidates
 * from 有关 groups are not bound). Without a clause, those of the whole task.
 *
 * @category Schedule
 * @example
 * boundUnits(matrix, "wuzhi-2024.t13", "wuzhi-2024.t13.c1");
 * //=> ["sfj"]
 */
export const boundUnits = (matrix: ResponsibilityMatrix, taskId: string, clauseId?: string): UnitId[] => {
  argument("boundUnits", "matrix", ResponsibilityMatrix, matrix);
  if (typeof taskId !== "string") throw badArgument("boundUnits", "taskId", "应为任务编号", "must be a task id");
  if (clauseId !== undefined && typeof clauseId !== "string") throw badArgument("boundUnits", "clauseId", "应为段落编号", "must be a clause id");
  return [...boundIndex(matrix)(taskId, clauseId)];
};

/** The key of a task's bound units (no clause) or a clause's. */
const boundKey = (taskId: string, clauseId: string | undefined): string => (clauseId === undefined ? taskId : `${taskId}\u0000${clauseId}`);

const boundIndexes = new WeakMap<ResponsibilityMatrix, (taskId: string, clauseId?: string) => readonly UnitId[]>();

/**
 * The bound units of every task and clause of a matrix, in the matrix's unit order: one pass over
 * the cells instead of one per requirement (10k requirements took 13 s). Kept per matrix while the
 * matrix is frozen (as buildMatrix returns it).
 */
const boundIndex = (matrix: ResponsibilityMatrix): ((taskId: string, clauseId?: string) => readonly UnitId[]) => {
  let lookup = boundIndexes.get(matrix);
  if (lookup !== undefined) return lookup;
  const position = new Map<string, number>(matrix.units.map((u, i) => [u.id, i]));
  const sets = new Map<string, Set<UnitId>>();
  const add = (k: string, unitId: UnitId) => {
    const set = sets.get(k);
    if (set === undefined) sets.set(k, new Set([unitId]));
    else set.add(unitId);
  };
  for (const c of matrix.cells) {
    if (c.certainty !== "definite" || (c.role !== "lead" && c.role !== "responsible") || !position.has(c.unitId)) continue;
    add(boundKey(c.taskId, undefined), c.unitId);
    add(boundKey(c.taskId, c.clauseId), c.unitId);
  }
  const lists = new Map<string, readonly UnitId[]>();
  for (const [k, set] of sets) lists.set(k, Object.freeze([...set].sort((a, b) => (position.get(a) as number) - (position.get(b) as number))));
  const none: readonly UnitId[] = Object.freeze([]);
  lookup = (taskId, clauseId) => lists.get(boundKey(taskId, clauseId)) ?? none;
  if (Object.isFrozen(matrix) && Object.isFrozen(matrix.cells) && Object.isFrozen(matrix.units)) boundIndexes.set(matrix, lookup); // kept only while it cannot change
  return lookup;
};

/** One occurrence, written out in full (the same key order as ever; a literal is faster than spreading a base object). */
const occurrence = (
  req: { readonly id: string; readonly clauseId?: string | undefined; readonly action: string },
  task: { readonly id: string; readonly no: number },
  kind: Occurrence["kind"],
  count: number,
  unitIds: readonly UnitId[],
  id: string,
  label: string,
  period?: { readonly from: IsoDate; readonly to: IsoDate; readonly due: IsoDate },
): Occurrence => {
  const requirementId = req.id as RequirementId;
  const taskId = task.id as TaskId;
  const ids = unitIds as UnitId[];
  const occId = id as OccurrenceId;
  if (req.clauseId !== undefined) {
    const clauseId = req.clauseId as ClauseId;
    return period === undefined
      ? { requirementId, taskId, taskNo: task.no, clauseId, kind, action: req.action, count, unitIds: ids, id: occId, label }
      : { requirementId, taskId, taskNo: task.no, clauseId, kind, action: req.action, count, unitIds: ids, id: occId, label, window: { from: period.from, to: period.to }, due: period.due };
  }
  return period === undefined
    ? { requirementId, taskId, taskNo: task.no, kind, action: req.action, count, unitIds: ids, id: occId, label }
    : { requirementId, taskId, taskNo: task.no, kind, action: req.action, count, unitIds: ids, id: occId, label, window: { from: period.from, to: period.to }, due: period.due };
};

/** The shape of ExpandOptions; the matrix and the calendar are checked on their own (once each, while frozen). */
const ExpandOptionsSchema = z.strictObject({
  year: z.int().min(0).max(9999).optional(),
  matrix: z.unknown().optional(),
  calendar: z.unknown().optional(),
  dueOnRestDay: z.enum(["keep", "next", "previous"]).optional(),
});

/**
 * 把工作安排的工作要求展开为某年度的时间节点，按截止日期排序（没有日期的“及时”类排在最后），编号稳定。
 * 数量型和持续型要求在周期末（年底）检查。给出工作日历和 `dueOnRestDay` 时，落在休息日的截止日期被调整；
 * 日历不覆盖该年度时抛出 `FazhiError`（code `not_covered`）。
 *
 * Expand a plan's requirements into the occurrences of a year, sorted by due date (undated
 * on-event items last), with stable ids. Quotas and ongoing work are checked at the end of their
 * period. With a calendar and `dueOnRestDay`, due dates on rest days move; a year the calendar
 * does not cover throws a `FazhiError` (code `not_covered`).
 *
 * @category Schedule
 * @example
 * const occurrences = expandSchedule(plan, { matrix });
 * occurrences.filter((o) => o.taskNo === 23 && o.kind === "recurring").length;
 * //=> 6
 */
export const expandSchedule = (plan: Plan, options: ExpandOptions = {}): Occurrence[] => {
  argument("expandSchedule", "plan", Plan, plan);
  argument("expandSchedule", "options", ExpandOptionsSchema, options);
  if (options.matrix !== undefined) argument("expandSchedule", "options.matrix", ResponsibilityMatrix, options.matrix);
  if (options.calendar !== undefined) argument("expandSchedule", "options.calendar", WorkdayCalendar, options.calendar);
  const year = options.year ?? plan.year;
  if (year === undefined) throw new FazhiError("invalid_argument", "expandSchedule：计划没有年度，请在选项中给出 year", "expandSchedule: the plan has no year; pass the year option");
  const policy = options.dueOnRestDay ?? "keep";
  if (policy !== "keep" && options.calendar === undefined) {
    throw new FazhiError("invalid_argument", "expandSchedule：调整截止日期需要工作日历（calendar）", "expandSchedule: dueOnRestDay needs a calendar");
  }
  const bound = options.matrix === undefined ? undefined : boundIndex(options.matrix);
  const none: readonly UnitId[] = [];
  const out: Occurrence[] = [];
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      for (const req of task.requirements) {
        const rule = req.rule;
        const count = rule.kind === "recurring" ? rule.times : rule.kind === "quota" ? rule.atLeast : 1;
        const unitIds = bound === undefined ? none : bound(task.id, req.clauseId);
        if (rule.kind === "on_event") {
          out.push(occurrence(req, task, rule.kind, count, unitIds, `${req.id}.${year}-event`, "及时（随事件）"));
          continue;
        }
        for (const p of periodsOfRule(rule, year)) {
          const due = options.calendar === undefined ? p.due : adjustToWorkday(options.calendar, p.due, policy); // "keep" returns p.due as it is
          out.push(occurrence(req, task, rule.kind, count, unitIds, `${req.id}.${year}${p.suffix}`, p.label, { from: p.from, to: p.to, due }));
        }
      }
    }
  }
  out.sort((a, b) => (a.due === undefined ? (b.due === undefined ? 0 : 1) : b.due === undefined ? -1 : compareIsoDate(a.due, b.due)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return deepFreeze(out);
};
