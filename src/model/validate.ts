import type * as z from "zod";
import { compareIsoDate, type IsoDate } from "./dates.js";
import { type Diagnostic, type DiagnosticPath, type Result, type SourceSpan, diag } from "./diagnostic.js";
import { diagnosticsFromZod, parseAndValidate } from "./input.js";
import { Plan, Role, type UnitRef } from "./plan.js";
import type { ScheduleRule } from "./schedule.js";
import { Roster } from "./unit.js";

/** Records the first path of each key and reports later repeats. */
const uniqueness = (out: Diagnostic[], code: string, what: string, whatEn: string) => {
  const seen = new Map<string, DiagnosticPath>();
  return (key: string, path: DiagnosticPath): void => {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, path);
      return;
    }
    out.push(
      diag(code, "error", `${what}重复：“${key}”（首次出现在 ${first.join(".")}）`, `Duplicate ${whatEn}: "${key}" (first at ${first.join(".")})`, path),
    );
  };
};

const checkSpan = (out: Diagnostic[], span: SourceSpan | undefined, path: DiagnosticPath): void => {
  if (span !== undefined && span.end < span.start) {
    out.push(diag("invalid_source_span", "error", "原文位置不正确：end 小于 start", "Invalid source span: end is before start", [...path, "source"]));
  }
};

const checkRef = (out: Diagnostic[], ref: UnitRef, path: DiagnosticPath): void => {
  if (ref.unitId !== undefined && ref.groupId !== undefined) {
    out.push(
      diag("ambiguous_ref", "error", `单位引用“${ref.text}”同时指向单位和单位组`, `Unit reference "${ref.text}" points at both a unit and a group`, path),
    );
  }
  checkSpan(out, ref.source, path);
};

const ruleDates = (rule: ScheduleRule): Array<[string, IsoDate]> => {
  switch (rule.kind) {
    case "deadline":
      return [["due", rule.due]];
    case "window":
      return [
        ["from", rule.from],
        ["to", rule.to],
      ];
    case "recurring":
    case "quota":
    case "ongoing":
    case "on_event":
      return [];
    default: {
      const never: never = rule;
      return never;
    }
  }
};

/** The diagnostic for a number that is not the expected next one (a gap, or a repeat/step back). */
export const numberingDiagnostic = (what: string, whatEn: string, expected: number, got: number, path: DiagnosticPath, source?: SourceSpan): Diagnostic => {
  const repeat = got < expected;
  return diag(
    repeat ? "numbering_repeat" : "numbering_gap",
    "warning",
    repeat ? `${what}编号重复或倒退：应为${expected}，实际为${got}` : `${what}编号不连续：应为${expected}，实际为${got}`,
    repeat ? `${whatEn} number repeats or goes back: expected ${expected}, got ${got}` : `${whatEn} number skips: expected ${expected}, got ${got}`,
    path,
    source,
  );
};

/** Reports numbers that do not run 1, 2, 3, … */
const checkNumbering = (out: Diagnostic[], items: ReadonlyArray<{ no: number; path: DiagnosticPath }>, what: string, whatEn: string): void => {
  let expected = 1;
  for (const { no, path } of items) {
    if (no !== expected) out.push(numberingDiagnostic(what, whatEn, expected, no, [...path, "no"]));
    expected = no + 1;
  }
};

/**
 * 工作安排的跨字段校验：编号唯一、编号连续、工作要求所属段落存在、时间规则日期在计划年度（或年度区间）内、
 * 时间段起止顺序、年度区间顺序、任务分组只列本部分的任务、单位引用不同时指向单位和单位组、原文位置合理。
 * Cross-field checks of a plan that a schema cannot express: unique ids, consecutive numbering
 * (a warning), requirements pointing at clauses of their own task, rule dates inside the plan
 * year or year range (a warning: some plans set a January deadline for the next year), windows in
 * order, `endYear` not before `year`, task groups listing tasks of their own section, unit
 * references pointing at a unit or a group but not both, sane source spans.
 *
 * 传入的值不符合 `Plan` 模式时（如其他系统发来的 JSON），返回模式校验的诊断，不抛出。
 * Given a value that does not match the `Plan` schema (JSON from elsewhere, say), it returns the
 * schema's diagnostics instead of throwing.
 *
 * @category Validation
 * @example
 * const issues = validatePlan(plan);
 * issues.filter((d) => d.severity === "error").length;
 * //=> 0
 */
export const validatePlan = (plan: Plan): Diagnostic[] => schemaFirst(Plan, plan, checkPlan);

/** The schema's diagnostics for a value that does not match it; else the cross-field checks. */
const schemaFirst = <T>(schema: z.ZodType<T>, value: T, check: (value: T) => Diagnostic[]): Diagnostic[] => {
  const parsed = schema.safeParse(value);
  return parsed.success ? check(value) : diagnosticsFromZod(parsed.error);
};

const checkPlan = (plan: Plan): Diagnostic[] => {
  const out: Diagnostic[] = [];
  const ids = uniqueness(out, "duplicate_id", "编号", "id");
  const taskNos = uniqueness(out, "duplicate_task_no", "任务序号", "task number");
  checkNumbering(out, plan.sections.map((s, i) => ({ no: s.no, path: ["sections", i] })), "部分", "Section");
  const allTasks = plan.sections.flatMap((s, i) => s.tasks.map((t, j) => ({ task: t, path: ["sections", i, "tasks", j] as DiagnosticPath })));
  checkNumbering(out, allTasks.map(({ task, path }) => ({ no: task.no, path })), "任务", "Task");

  if (plan.endYear !== undefined && plan.year !== undefined && plan.endYear < plan.year) {
    out.push(diag("year_range_reversed", "error", `年度区间颠倒：${plan.year}—${plan.endYear}`, `The year range runs backwards: ${plan.year}–${plan.endYear}`, ["endYear"]));
  }
  plan.sections.forEach((section, i) => {
    checkSpan(out, section.source, ["sections", i]);
    const own = new Set<string>(section.tasks.map((t) => t.id));
    section.groups?.forEach((group, g) => {
      const gp: DiagnosticPath = ["sections", i, "groups", g];
      checkSpan(out, group.source, gp);
      group.tasks.forEach((id, k) => {
        if (!own.has(id)) out.push(diag("unknown_group_task", "error", `任务分组列出了本部分没有的任务“${id}”`, `The group lists task "${id}", which is not in its section`, [...gp, "tasks", k]));
      });
      for (const role of Role.options) group.assignment?.[role].forEach((ref, r) => checkRef(out, ref, [...gp, "assignment", role, r]));
    });
  });
  for (const { task, path } of allTasks) {
    ids(task.id, [...path, "id"]);
    taskNos(String(task.no), [...path, "no"]);
    checkSpan(out, task.source, path);
    const clauseIds = new Set<string>();
    task.clauses.forEach((clause, c) => {
      const cp = [...path, "clauses", c];
      ids(clause.id, [...cp, "id"]);
      clauseIds.add(clause.id);
      checkSpan(out, clause.source, cp);
      for (const role of Role.options) {
        clause.assignment[role].forEach((ref, r) => checkRef(out, ref, [...cp, "assignment", role, r]));
      }
    });
    task.requirements.forEach((req, r) => {
      const rp = [...path, "requirements", r];
      ids(req.id, [...rp, "id"]);
      checkSpan(out, req.source, rp);
      req.units?.forEach((ref, u) => checkRef(out, ref, [...rp, "units", u]));
      if (req.clauseId !== undefined && !clauseIds.has(req.clauseId)) {
        out.push(
          diag("unknown_clause", "error", `工作要求指向本任务中不存在的段落“${req.clauseId}”`, `Requirement points at clause "${req.clauseId}", which this task does not have`, [...rp, "clauseId"]),
        );
      }
      const rule = req.rule;
      if (rule.kind === "window" && compareIsoDate(rule.from, rule.to) > 0) {
        out.push(diag("window_reversed", "error", `时间段起止颠倒：${rule.from} 晚于 ${rule.to}`, `Window ends before it starts: ${rule.from} is after ${rule.to}`, [...rp, "rule"]));
      }
      for (const [field, date] of ruleDates(rule)) {
        const y = Number(date.slice(0, 4));
        if (plan.year !== undefined && (y < plan.year || y > (plan.endYear ?? plan.year))) {
          const years = plan.endYear === undefined ? `${plan.year}` : `${plan.year}—${plan.endYear}`;
          out.push(diag("date_outside_plan_year", "warning", `日期 ${date} 不在计划年度 ${years} 内`, `Date ${date} is outside the plan year ${years}`, [...rp, "rule", field]));
        }
      }
    });
  }
  return out;
};

/**
 * Whether following parents from an id ever repeats an id. Each id is walked once and remembered,
 * so checking every unit is linear (walking each chain afresh was O(n²) on one long chain).
 */
const cycleFinder = (parentOf: ReadonlyMap<string, string | undefined>): ((id: string) => boolean) => {
  const ON_PATH = 0;
  const known = new Map<string, typeof ON_PATH | boolean>();
  return (start) => {
    const path: string[] = [];
    let found = false;
    for (let id: string | undefined = start; id !== undefined; id = parentOf.get(id)) {
      const state = known.get(id);
      if (state !== undefined) {
        found = state !== false; // back on this walk's own path, or joining a chain known to cycle
        break;
      }
      known.set(id, ON_PATH);
      path.push(id);
    }
    for (const id of path) known.set(id, found);
    return found;
  };
};

const inOrder = (out: Diagnostic[], from: IsoDate | undefined, to: IsoDate | undefined, path: DiagnosticPath): void => {
  if (from !== undefined && to !== undefined && compareIsoDate(from, to) > 0) {
    out.push(diag("invalid_range", "error", `有效期不正确：开始 ${from} 晚于结束 ${to}`, `Invalid validity range: ${from} is after ${to}`, path));
  }
};

/**
 * 单位名录的跨字段校验：单位、单位组编号唯一，名称唯一，别名不与其他单位的名称或别名冲突，
 * 上级单位存在且无循环，有效期起止顺序，单位组成员存在，集合称谓不重复。
 * Cross-field checks of a roster: unique unit and group ids, unique names, aliases that do not
 * collide with another unit's name or alias, parents that exist without cycles, validity ranges
 * in order, group members that exist, phrases claimed by one group only.
 *
 * 传入的值不符合 `Roster` 模式时，返回模式校验的诊断，不抛出。Given a value that does not match
 * the `Roster` schema, it returns the schema's diagnostics instead of throwing.
 *
 * @category Validation
 * @example
 * validateRoster(roster).map((d) => d.code);
 * //=> []
 */
export const validateRoster = (roster: Roster): Diagnostic[] => schemaFirst(Roster, roster, checkRoster);

const checkRoster = (roster: Roster): Diagnostic[] => {
  const out: Diagnostic[] = [];
  const unitIds = uniqueness(out, "duplicate_id", "单位编号", "unit id");
  const groupIds = uniqueness(out, "duplicate_id", "单位组编号", "group id");
  const names = uniqueness(out, "duplicate_name", "单位名称", "unit name");
  const phrases = uniqueness(out, "duplicate_phrase", "单位组称谓", "group phrase");
  const known = new Set(roster.units.map((u) => u.id));
  const owner = new Map<string, string>();

  roster.units.forEach((unit, i) => {
    const path = ["units", i];
    unitIds(unit.id, [...path, "id"]);
    names(unit.name, [...path, "name"]);
    inOrder(out, unit.validFrom, unit.validTo, [...path, "validTo"]);
    unit.formerNames?.forEach((f, j) => inOrder(out, f.validFrom, f.validTo, [...path, "formerNames", j, "validTo"]));
    if (unit.parent !== undefined && !known.has(unit.parent)) {
      out.push(diag("unknown_parent", "error", `上级单位“${unit.parent}”不在名录中`, `Parent unit "${unit.parent}" is not in the roster`, [...path, "parent"]));
    }
  });
  roster.units.forEach((unit) => owner.set(unit.name, unit.id));
  roster.units.forEach((unit, i) => {
    unit.aliases?.forEach((alias, j) => {
      const other = owner.get(alias);
      if (other !== undefined && other !== unit.id) {
        out.push(
          diag("alias_collision", "error", `别名“${alias}”已被单位“${other}”使用`, `Alias "${alias}" is already used by unit "${other}"`, ["units", i, "aliases", j]),
        );
      } else owner.set(alias, unit.id);
    });
  });

  const runsIntoCycle = cycleFinder(new Map(roster.units.map((u) => [u.id as string, u.parent as string | undefined])));
  roster.units.forEach((unit, i) => {
    if (unit.parent !== undefined && runsIntoCycle(unit.parent)) {
      out.push(diag("parent_cycle", "error", `上级单位关系成环：${unit.id}`, `Parent chain of "${unit.id}" is a cycle`, ["units", i, "parent"]));
    }
  });

  roster.groups.forEach((group, i) => {
    const path = ["groups", i];
    groupIds(group.id, [...path, "id"]);
    group.phrases?.forEach((phrase, j) => phrases(phrase, [...path, "phrases", j]));
    for (const field of ["members", "exclude"] as const) {
      group.select[field]?.forEach((id, j) => {
        if (!known.has(id)) {
          out.push(diag("unknown_unit", "error", `单位组引用了名录中没有的单位“${id}”`, `Group refers to unit "${id}", which is not in the roster`, [...path, "select", field, j]));
        }
      });
    }
    if ((group.select.kinds ?? []).length === 0 && (group.select.members ?? []).length === 0) {
      out.push(diag("empty_group_selector", "warning", `单位组“${group.name}”没有选择任何类别或成员`, `Group "${group.name}" selects no kinds and no members`, [...path, "select"]));
    }
  });
  return out;
};

/**
 * 读取不可信的工作安排 JSON：模式校验加 {@link validatePlan}。Read untrusted plan JSON.
 *
 * @category Validation
 * @example
 * const r = readPlan(JSON.parse(text));
 * if (!r.ok) console.log(r.issues.map((d) => d.message).join("\n"));
 */
export const readPlan = (input: unknown): Result<Plan> => parseAndValidate(Plan, input, checkPlan);

/**
 * 读取不可信的单位名录 JSON：模式校验加 {@link validateRoster}。Read untrusted roster JSON.
 *
 * @category Validation
 * @example
 * const r = readRoster(JSON.parse(text));
 * r.ok;
 */
export const readRoster = (input: unknown): Result<Roster> => parseAndValidate(Roster, input, checkRoster);
