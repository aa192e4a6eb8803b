import * as z from "zod";
import { IsoDate } from "../model/dates.js";
import { type Diagnostic, type DiagnosticPath, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import type { ClauseId, TaskId, UnitId } from "../model/ids.js";
import { argument, badArgument } from "../model/guard.js";
import { type CellOrigin, Certainty, type MatrixCell, type MatrixTask, type MatrixUnit, ResponsibilityMatrix } from "../model/matrix.js";
import { type Plan, Role } from "../model/plan.js";
import { Roster, type Unit, UnitGroup } from "../model/unit.js";
import { type ResolveOptions, indexRoster, planDate, resolveArguments, resolveWithIndex, unitExistsOn } from "./resolve.js";

const ROLES: readonly Role[] = Role.options;

/**
 * 单位组在名录中的成员（按名录顺序），不含 `exclude` 和已撤销的单位。The roster units a group
 * selects, in roster order, without its exclusions and units not in existence at `date`.
 *
 * @category Responsibility
 * @example
 * groupMembers(roster, roster.groups[0]!).map((u) => u.name);
 */
export const groupMembers = (roster: Roster, group: UnitGroup, date?: IsoDate): Unit[] => {
  argument("groupMembers", "roster", Roster, roster);
  argument("groupMembers", "group", UnitGroup, group);
  if (date !== undefined) argument("groupMembers", "date", IsoDate, date);
  return selectMembers(roster, group, date);
};

const selectMembers = (roster: Roster, group: UnitGroup, date: IsoDate | undefined): Unit[] => {
  const kinds = new Set(group.select.kinds ?? []);
  const members = new Set<string>(group.select.members ?? []);
  const exclude = new Set<string>(group.select.exclude ?? []);
  return roster.units.filter((u) => (kinds.has(u.kind) || members.has(u.id)) && !exclude.has(u.id) && unitExistsOn(u, date));
};

/**
 * 由工作安排和单位名录生成责任分工表：每个（单位、任务、段落、角色）一个单元格，记录来源（直接点名或经由哪个单位组）
 * 和确定性（definite / candidate）。单位引用先经 {@link resolveUnits} 匹配。
 *
 * Build the responsibility matrix: one cell per (unit, task, clause, role), with how it got
 * there (named directly, or through which group) and its certainty. References are matched
 * with {@link resolveUnits} first.
 *
 * 规则 Rules:
 * - 同一段落中已直接点名的单位，不再经由单位组重复计入（“县直有关单位”指其他单位）。
 *   A unit named directly in a clause is not added again through a group in that clause.
 * - “有关”单位组（scope `relevant`）的成员为候选（candidate）；“各……”（`all`）为确定（definite）。
 * - 诊断：名录中没有的单位、已撤销的单位（error）；有单位但没有牵头单位的段落、同一段落重复的单位、
 *   名录中没有成员的单位组（warning）。
 *   Diagnostics: unknown and dissolved units (errors); a clause with units but no lead, a unit
 *   twice in a clause, a group the roster cannot expand (warnings).
 *
 * @category Responsibility
 * @example
 * const matrix = buildMatrix(plan, roster);
 * tasksLedBy(matrix, "县司法局").length;
 * //=> 18
 */
export const buildMatrix = (plan: Plan, roster: Roster, options: ResolveOptions = {}): ResponsibilityMatrix => {
  [plan, roster, options] = resolveArguments("buildMatrix", plan, roster, options);
  const date = planDate(plan, options);
  const index = indexRoster(roster, date, options.defaultGroups ?? true);
  const { plan: resolved, diagnostics: resolveDiagnostics } = resolveWithIndex(plan, index, date);
  const diagnostics: Diagnostic[] = [...resolveDiagnostics];
  const memberCache = new Map<string, Unit[]>();
  const membersOf = (g: UnitGroup) => {
    let m = memberCache.get(g.id);
    if (m === undefined) {
      m = selectMembers(roster, g, date);
      memberCache.set(g.id, m);
    }
    return m;
  };
  const unexpanded = new Map<string, { group: UnitGroup; count: number; path: DiagnosticPath; ref: { source?: MatrixCell["source"] } }>();
  const cells: MatrixCell[] = [];
  const tasks: MatrixTask[] = [];
  const used = new Set<string>();

  resolved.sections.forEach((section, si) =>
    section.tasks.forEach((task, ti) => {
      tasks.push({ id: task.id, no: task.no, title: task.title });
      task.clauses.forEach((clause, ci) => {
        const path: DiagnosticPath = ["sections", si, "tasks", ti, "clauses", ci];
        const a = clause.assignment;
        const named = new Map<string, Role>();
        const cellAt = new Map<string, MatrixCell>();
        const put = (unitId: UnitId, role: Role, certainty: Certainty, origin: CellOrigin, source: MatrixCell["source"]) => {
          const k = `${unitId}\u0000${role}`;
          const existing = cellAt.get(k);
          if (existing !== undefined) {
            if (certainty === "definite" && existing.certainty === "candidate") (existing as { certainty: Certainty }).certainty = "definite";
            return;
          }
          const cell: MatrixCell = source === undefined
            ? { unitId, taskId: task.id as TaskId, clauseId: clause.id as ClauseId, role, certainty, origin }
            : { unitId, taskId: task.id as TaskId, clauseId: clause.id as ClauseId, role, certainty, origin, source };
          cellAt.set(k, cell);
          cells.push(cell);
          used.add(unitId);
        };
        // Direct names first, so that groups can leave them out.
        for (const role of ROLES) {
          a[role].forEach((ref, ri) => {
            if (ref.unitId === undefined || !index.unitById.has(ref.unitId)) return;
            const before = named.get(ref.unitId);
            if (before !== undefined) {
              const unit = index.unitById.get(ref.unitId) as Unit;
              diagnostics.push(diag("duplicate_unit_in_clause", "warning", `“${unit.name}”在同一段落中出现两次`, `"${unit.name}" appears twice in one clause`, [...path, "assignment", role, ri], ref.source));
            } else named.set(ref.unitId, role);
            put(ref.unitId, role, "definite", { kind: "direct", text: ref.text }, ref.source);
          });
        }
        for (const role of ROLES) {
          a[role].forEach((ref, ri) => {
            if (ref.groupId === undefined) return;
            const group = index.groupById.get(ref.groupId);
            if (group === undefined) return;
            const members = membersOf(group);
            const origin: CellOrigin = { kind: "group", groupId: group.id, text: ref.text };
            const certainty: Certainty = group.scope === "all" ? "definite" : "candidate";
            for (const u of members) {
              if (named.has(u.id)) continue;
              put(u.id, role, certainty, origin, ref.source);
            }
            if (members.length === 0) {
              const seen = unexpanded.get(group.id);
              if (seen === undefined) unexpanded.set(group.id, { group, count: 1, path: [...path, "assignment", role, ri], ref });
              else seen.count += 1;
            }
          });
        }
        const any = a.lead.length + a.responsible.length + a.support.length > 0;
        if (any && a.lead.length === 0) {
          diagnostics.push(diag("no_lead", "warning", `任务${task.no}的这一段落没有牵头单位`, `This clause of task ${task.no} has no lead unit`, path, clause.source));
        }
      });
    }),
  );

  for (const { group, count, path, ref } of unexpanded.values()) {
    const kinds = (group.select.kinds ?? []).join("、");
    diagnostics.push(
      diag(
        "group_unexpanded",
        "warning",
        `单位组“${group.name}”在名录中没有成员（共${count}处引用），无法展开；请在名录中补充${kinds ? `类别为 ${kinds} 的` : ""}单位`,
        `Group "${group.name}" has no members in the roster (${count} references) and cannot be expanded; add ${kinds ? `units of kind ${kinds} ` : "its units "}to the roster`,
        path,
        ref.source,
      ),
    );
  }

  const units: MatrixUnit[] = roster.units.filter((u) => used.has(u.id)).map((u) => ({ id: u.id, name: u.name, kind: u.kind }));
  return deepFreeze({ planId: plan.id, units, tasks, cells, diagnostics });
};

/**
 * The groups with no members in the roster that a clause names as lead or responsible (by name, in
 * the document's order), for each clause and, without a clause, for the whole task: whom the
 * document charges with the clause's dated obligations although the matrix can bind no unit of
 * theirs (see group_unexpanded). Read as {@link buildMatrix} reads the plan. Internal.
 */
export const emptyGroupsOf = (plan: Plan, roster: Roster): ((taskId: string, clauseId?: string) => readonly string[]) => {
  const date = planDate(plan, {});
  const index = indexRoster(roster, date, true);
  const { plan: resolved } = resolveWithIndex(plan, index, date);
  const names = new Map<string, string[]>();
  const add = (k: string, name: string) => {
    const list = names.get(k);
    if (list === undefined) names.set(k, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const section of resolved.sections)
    for (const task of section.tasks)
      for (const clause of task.clauses)
        for (const role of ["lead", "responsible"] as const)
          for (const ref of clause.assignment[role]) {
            const group = ref.groupId === undefined ? undefined : index.groupById.get(ref.groupId);
            if (group === undefined || selectMembers(roster, group, date).length > 0) continue;
            add(task.id, group.name);
            add(`${task.id}\u0000${clause.id}`, group.name);
          }
  return (taskId, clauseId) => names.get(clauseId === undefined ? taskId : `${taskId}\u0000${clauseId}`) ?? [];
};

const CellFilterSchema = z.strictObject({ role: Role.optional(), includeGroups: z.boolean().optional(), certainty: Certainty.optional() });

/** The matrix, the unit (or task) a query names, and its filter, checked at the boundary. */
const queryArguments = (fn: string, matrix: unknown, which: "unit" | "taskId", name: unknown, filter?: unknown): void => {
  argument(fn, "matrix", ResponsibilityMatrix, matrix);
  if (typeof name !== "string") throw badArgument(fn, which, which === "unit" ? "应为单位编号或名称" : "应为任务编号", which === "unit" ? "must be a unit id or name" : "must be a task id");
  argument(fn, "filter", CellFilterSchema, filter ?? {});
};

/** Find a unit of the matrix by id or by name. */
const unitOf = (matrix: ResponsibilityMatrix, unit: string): MatrixUnit | undefined =>
  matrix.units.find((u) => u.id === unit) ?? matrix.units.find((u) => u.name === unit);

/**
 * 查询选项。Which cells a query counts.
 * @category Responsibility
 * @example
 * const options: CellFilter = { role: "responsible", includeGroups: false };
 */
export interface CellFilter {
  /** 只看某一角色（默认全部）。Only this role (default: all). */
  readonly role?: Role;
  /** 是否计入经由单位组得到的单元格（默认 true）。Count group-derived cells (default true). */
  readonly includeGroups?: boolean;
  /** 只看某种确定性（默认全部）。Only this certainty (default: both). */
  readonly certainty?: Certainty;
}

const matches = (cell: MatrixCell, f: CellFilter): boolean =>
  (f.role === undefined || cell.role === f.role) && (f.includeGroups !== false || cell.origin.kind === "direct") && (f.certainty === undefined || cell.certainty === f.certainty);

const taskOrder = (matrix: ResponsibilityMatrix, ids: ReadonlySet<string>): TaskId[] => matrix.tasks.filter((t) => ids.has(t.id)).map((t) => t.id);

/**
 * 某单位参与的任务（按计划顺序），可按角色、来源、确定性筛选。单位可用编号或名称。
 * The tasks a unit has a role in, in plan order; `unit` is an id or a name.
 *
 * @category Responsibility
 * @example
 * tasksOf(matrix, "县司法局", { role: "responsible", includeGroups: false }).length;
 * //=> 1
 */
export const tasksOf = (matrix: ResponsibilityMatrix, unit: string, filter: CellFilter = {}): TaskId[] => {
  queryArguments("tasksOf", matrix, "unit", unit, filter);
  return tasksWith(matrix, unit, filter);
};

const tasksWith = (matrix: ResponsibilityMatrix, unit: string, filter: CellFilter): TaskId[] => {
  const u = unitOf(matrix, unit);
  if (u === undefined) return [];
  return taskOrder(matrix, new Set(matrix.cells.filter((c) => c.unitId === u.id && matches(c, filter)).map((c) => c.taskId)));
};

/**
 * 某单位牵头的任务（按计划顺序）。The tasks a unit leads.
 *
 * @category Responsibility
 * @example
 * tasksLedBy(matrix, "县司法局").length;
 * //=> 18
 */
export const tasksLedBy = (matrix: ResponsibilityMatrix, unit: string): TaskId[] => {
  queryArguments("tasksLedBy", matrix, "unit", unit);
  return tasksWith(matrix, unit, { role: "lead" });
};

/**
 * 某任务涉及的单位（按名录顺序），可按角色、来源、确定性筛选。The units with a role in a task,
 * in roster order.
 *
 * @category Responsibility
 * @example
 * unitsFor(matrix, "wuzhi-2024.t21", { role: "lead" }).length;
 * //=> 4
 */
export const unitsFor = (matrix: ResponsibilityMatrix, taskId: string, filter: CellFilter = {}): UnitId[] => {
  queryArguments("unitsFor", matrix, "taskId", taskId, filter);
  const ids = new Set<string>(matrix.cells.filter((c) => c.taskId === taskId && matches(c, filter)).map((c) => c.unitId));
  return matrix.units.filter((u) => ids.has(u.id)).map((u) => u.id);
};

/**
 * 没有牵头单位的任务（按计划顺序）。The tasks no unit leads.
 *
 * @category Responsibility
 * @example
 * tasksWithoutLead(matrix);
 * //=> ["wuzhi-2024.t01", "wuzhi-2024.t02", "wuzhi-2024.t12"]
 */
export const tasksWithoutLead = (matrix: ResponsibilityMatrix): TaskId[] => {
  argument("tasksWithoutLead", "matrix", ResponsibilityMatrix, matrix);
  const led = new Set<string>(matrix.cells.filter((c) => c.role === "lead").map((c) => c.taskId));
  return matrix.tasks.filter((t) => !led.has(t.id)).map((t) => t.id);
};

/**
 * 一个单位的工作量：各角色的任务数（确定 / 候选）。A unit's load: tasks per role, definite and candidate.
 * @category Responsibility
 * @example
 * const row: WorkloadRow = workload(matrix)[0]!;
 * row.lead.definite;
 */
export interface WorkloadRow {
  readonly unitId: UnitId;
  readonly name: string;
  readonly lead: { readonly definite: number; readonly candidate: number };
  readonly responsible: { readonly definite: number; readonly candidate: number };
  readonly support: { readonly definite: number; readonly candidate: number };
  /** 有任一角色的任务数（确定的）。Tasks with any definite role. */
  readonly tasks: number;
}

/**
 * 每个单位的工作量（按确定任务数从多到少，再按名录顺序）。Task counts per unit and role, definite and
 * candidate; a task counts once per role however many clauses name the unit.
 *
 * @category Responsibility
 * @example
 * workload(matrix).find((r) => r.name === "县司法局")?.lead.definite;
 * //=> 18
 */
export const workload = (matrix: ResponsibilityMatrix): WorkloadRow[] => {
  argument("workload", "matrix", ResponsibilityMatrix, matrix);
  const sets = new Map<string, Record<Role, { definite: Set<string>; candidate: Set<string> }> & { any: Set<string> }>();
  for (const u of matrix.units) {
    sets.set(u.id, {
      lead: { definite: new Set(), candidate: new Set() },
      responsible: { definite: new Set(), candidate: new Set() },
      support: { definite: new Set(), candidate: new Set() },
      any: new Set(),
    });
  }
  for (const c of matrix.cells) {
    const s = sets.get(c.unitId);
    if (s === undefined) continue;
    s[c.role][c.certainty].add(c.taskId);
    if (c.certainty === "definite") s.any.add(c.taskId);
  }
  const count = (r: { definite: Set<string>; candidate: Set<string> }) => ({ definite: r.definite.size, candidate: [...r.candidate].filter((t) => !r.definite.has(t)).length });
  const rows = matrix.units.map((u) => {
    const s = sets.get(u.id) as NonNullable<ReturnType<typeof sets.get>>;
    return { unitId: u.id, name: u.name, lead: count(s.lead), responsible: count(s.responsible), support: count(s.support), tasks: s.any.size };
  });
  // Array.prototype.sort is stable: units with as many tasks stay in roster order.
  return rows.sort((a, b) => b.tasks - a.tasks);
};
