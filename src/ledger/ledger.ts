import { type Patch, applyPatches, enablePatches, produceWithPatches } from "immer";
import * as z from "zod";
import { compareIsoDate, type IsoDate, toDayNumber } from "../model/dates.js";
import { type Diagnostic, type DiagnosticPath, type Result, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { argument, badArgument } from "../model/guard.js";
import { PlanId } from "../model/ids.js";
import { parseInput } from "../model/input.js";
import { Ledger, ProgressEntry, type WorkEntry } from "../model/ledger.js";
import { ResponsibilityMatrix } from "../model/matrix.js";
import { Plan } from "../model/plan.js";
import { type PlanRefs, foreignNotices, planRefs, taskHint, taskHintEn } from "../model/refs.js";
import { Occurrence } from "../model/schedule.js";
import { Roster, type Unit } from "../model/unit.js";
import { unitExistsOn } from "../units/resolve.js";

/**
 * 台账变更的校验依据：工作安排、责任矩阵、截至日期，以及（可选的）时间节点和单位名录。给出名录时，名录中没有任务的
 * 单位（只参加考核的单位）也可以报送考核事实（问题、指标数值、表彰、一票否决等）；工作进展记录仍须在该任务中有分工。
 * What ledger changes are checked against: the plan, the matrix, the as-of date, and optionally
 * the occurrences (to check `occurrenceId`) and the roster. With the roster, a unit that has no
 * task in the plan (assessed only) may report assessment facts (incidents, measures, awards,
 * vetoes …); work entries still need a role in their task.
 *
 * @category Ledger
 * @example
 * const context: LedgerContext = { plan, matrix, asOf: IsoDate.parse("2024-07-15"), occurrences, roster };
 */
export interface LedgerContext {
  readonly plan: Plan;
  readonly matrix: ResponsibilityMatrix;
  readonly asOf: IsoDate;
  readonly occurrences?: readonly Occurrence[];
  readonly roster?: Roster;
}

/**
 * 一次台账变更的结果：成功时为新台账和 immer 补丁（正向与反向，用于留痕和撤销）；失败时台账不变，附问题列表。
 * The result of a ledger change: the new ledger with its immer patches (forward and inverse: the
 * audit trail, and undo), or the unchanged ledger with the issues.
 *
 * @category Ledger
 * @example
 * const r: LedgerResult = recordProgress(ledger, entry, context);
 * if (r.ok) auditLog.push(r.patches);
 */
export type LedgerResult =
  | { readonly ok: true; readonly ledger: Ledger; readonly patches: readonly Patch[]; readonly inversePatches: readonly Patch[]; readonly issues: readonly Diagnostic[] }
  | { readonly ok: false; readonly ledger: Ledger; readonly issues: readonly Diagnostic[] };

/**
 * 空台账。An empty ledger for a plan.
 * @category Ledger
 * @example
 * emptyLedger(plan.id).entries.length;
 * //=> 0
 */
export const emptyLedger = (planId: PlanId): Ledger => deepFreeze({ planId: argument("emptyLedger", "planId", PlanId, planId), entries: [] });

/**
 * 是否为工作进展类记录（完成、进展、开展一次）。Whether an entry is work on a task.
 * @category Ledger
 * @example
 * isWorkEntry({ id: "m", unitId: "sfj", date: "2024-12-31", kind: "measure", metric: "x", value: 1 } as ProgressEntry);
 * //=> false
 */
export const isWorkEntry = (e: ProgressEntry): e is WorkEntry =>
  typeof e === "object" && e !== null && (e.kind === "done" || e.kind === "progress" || e.kind === "held");

/** The indexes a check needs: built once per (plan, matrix, occurrences) and kept while they are frozen. */
interface Checker {
  /** The entry with its task, requirement and occurrence written as the plan's own ids (the same object when they already are). */
  readonly portable: (entry: ProgressEntry, path: DiagnosticPath, note: (r: { id: string; foreign?: string }, written: string, path: DiagnosticPath) => void) => ProgressEntry;
  readonly check: (entry: ProgressEntry, path: DiagnosticPath, isTaken: (id: string) => boolean, asOf: IsoDate, roster: RosterUnits) => Diagnostic[];
  readonly planId: string;
}

/**
 * The roster's side of a check (when the context has one): the name of a roster unit by id. Looked
 * up only for a unit the matrix lacks, so the roster is read (and checked) only then, once per call.
 */
interface RosterUnits {
  readonly given: boolean;
  readonly unitOf: (unitId: string) => Unit | undefined;
}

/** Per matrix, plan and occurrences (or none): the checker of that context. */
const checkers = new WeakMap<object, WeakMap<object, WeakMap<object, Checker>>>();
const NONE = {};

const levelOf = <K extends object, V>(map: WeakMap<K, V>, key: K, make: () => V): V => {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
};

/** The checker of a context, from the cache when plan, matrix and occurrences are frozen (they cannot change). */
const checkerOf = (fn: string, ctx: LedgerContext): Checker => {
  if (typeof ctx !== "object" || ctx === null) throw badArgument(fn, "context", "应为 { plan, matrix, asOf, occurrences?, roster? }", "must be { plan, matrix, asOf, occurrences?, roster? }");
  toDayNumber(ctx.asOf, fn);
  // Object.isFrozen is true of undefined and every primitive, which cannot be WeakMap keys: those go to checker, which refuses them.
  const frozen = (v: unknown): boolean => typeof v === "object" && v !== null && Object.isFrozen(v);
  const optional = (v: unknown): boolean => v === undefined || frozen(v);
  if (!(frozen(ctx.plan) && frozen(ctx.matrix) && optional(ctx.occurrences))) return checker(fn, ctx);
  const byPlan = levelOf(checkers, ctx.matrix, () => new WeakMap());
  const byOcc = levelOf(byPlan, ctx.plan, () => new WeakMap());
  return levelOf(byOcc, ctx.occurrences ?? NONE, () => checker(fn, ctx));
};

/** The roster's units of a context, read on first need (a frozen roster is checked once, see argument). */
const rosterUnitsOf = (fn: string, ctx: LedgerContext): RosterUnits => {
  const roster: unknown = ctx.roster;
  // The shape at once (a wrong roster is refused even when no entry needs it); the whole roster on first need.
  if (roster !== undefined && (typeof roster !== "object" || roster === null || !Array.isArray((roster as { units?: unknown }).units))) {
    throw badArgument(fn, "context.roster", "应为单位名录（含 units）", "must be a roster (with units)");
  }
  let byId: Map<string, Unit> | undefined;
  return {
    given: ctx.roster !== undefined,
    unitOf: (unitId) => {
      if (ctx.roster === undefined) return undefined;
      byId ??= new Map(argument(fn, "context.roster", Roster, ctx.roster).units.map((u) => [u.id as string, u]));
      return byId.get(unitId);
    },
  };
};

const checker = (fn: string, ctx: LedgerContext): Checker => {
  argument(fn, "context.plan", Plan, ctx.plan);
  argument(fn, "context.matrix", ResponsibilityMatrix, ctx.matrix);
  if (ctx.occurrences !== undefined) argument(fn, "context.occurrences", Occurrences, ctx.occurrences);
  const units = new Map(ctx.matrix.units.map((u) => [u.id as string, u.name]));
  const refs = planRefs(ctx.plan);
  const tasks = new Map<string, { no: number; requirements: Set<string> }>();
  for (const s of ctx.plan.sections) for (const t of s.tasks) tasks.set(t.id, { no: t.no, requirements: new Set(t.requirements.map((r) => r.id)) });
  const roles = new Set(ctx.matrix.cells.map((c) => `${c.unitId}\u0000${c.taskId}`));
  const occurrences = ctx.occurrences === undefined ? undefined : new Map(ctx.occurrences.map((o) => [o.id as string, o]));
  return {
    planId: ctx.plan.id,
    portable: (e, path, note) => portableEntry(refs, e, path, note),
    check: (e, path, isTaken, asOf, roster) => {
      const out: Diagnostic[] = [];
      if (isTaken(e.id)) out.push(diag("duplicate_entry", "error", `台账记录编号“${e.id}”已存在`, `Ledger entry id "${e.id}" already exists`, [...path, "id"]));
      const work = isWorkEntry(e) ? e : undefined;
      // A unit the roster knows that no task names may report assessment facts, not work.
      const known = units.has(e.unitId) ? undefined : roster.unitOf(e.unitId);
      const only = known !== undefined && unitExistsOn(known, e.date) ? known.name : undefined;
      const unitName = units.get(e.unitId) ?? (work === undefined ? only : undefined);
      if (known !== undefined && only === undefined) {
        out.push(diag("unit_not_valid", "error", `“${known.name}”在${e.date}不存在（已撤销或尚未设立），不能报送`, `"${known.name}" did not exist on ${e.date} (dissolved or not yet established) and cannot report`, [...path, "unitId"]));
      } else if (unitName === undefined) {
        out.push(
          only !== undefined
            ? diag("no_role", "error", `“${only}”在工作安排中没有任务，只能报送考核事实（问题、指标数值、表彰等），不能报送工作进展`, `"${only}" has no task in the plan: it may report assessment facts (incidents, measures, awards …), not work`, [...path, "unitId"])
            : diag("unknown_unit", "error", `责任矩阵${roster.given ? "和单位名录" : ""}中没有单位“${e.unitId}”`, `Unit "${e.unitId}" is not in the matrix${roster.given ? " or the roster" : ""}`, [...path, "unitId"]),
        );
      }
      const task = e.taskId === undefined ? undefined : tasks.get(e.taskId);
      if (e.taskId !== undefined && task === undefined) out.push(diag("unknown_task", "error", `工作安排中没有任务“${e.taskId}”${taskHint(refs)}`, `Task "${e.taskId}" is not in the plan${taskHintEn(refs)}`, [...path, "taskId"]));
      if (task !== undefined && e.taskId !== undefined) {
        if (work?.requirementId !== undefined && !task.requirements.has(work.requirementId)) {
          out.push(diag("unknown_requirement", "error", `任务${task.no}没有工作要求“${work.requirementId}”`, `Task ${task.no} has no requirement "${work.requirementId}"`, [...path, "requirementId"]));
        }
        if (unitName !== undefined && !roles.has(`${e.unitId}\u0000${e.taskId}`)) {
          out.push(diag("no_role", "error", `“${unitName}”在任务${task.no}中没有分工，不能报送`, `"${unitName}" has no role in task ${task.no} and cannot report on it`, [...path, "unitId"]));
        }
      }
      if (work?.occurrenceId !== undefined && occurrences !== undefined) {
        const occ = occurrences.get(work.occurrenceId);
        if (occ === undefined || occ.taskId !== work.taskId || (work.requirementId !== undefined && occ.requirementId !== work.requirementId)) {
          out.push(diag("unknown_occurrence", "error", `时间节点“${work.occurrenceId}”不存在或不属于该任务/要求`, `Occurrence "${work.occurrenceId}" does not exist or belongs to another task or requirement`, [...path, "occurrenceId"]));
        }
      }
      if (compareIsoDate(e.date, asOf) > 0) {
        out.push(diag("future_date", "error", `记录日期 ${e.date} 晚于截至日期 ${asOf}`, `Entry date ${e.date} is after the as-of date ${asOf}`, [...path, "date"]));
      }
      return out;
    },
  };
};

/** An entry whose task, requirement and occurrence name the plan's own ids (unresolved ones are left for the check to report). */
const portableEntry = (refs: PlanRefs, e: ProgressEntry, path: DiagnosticPath, note: (r: { id: string; foreign?: string }, written: string, path: DiagnosticPath) => void): ProgressEntry => {
  const fix: Record<string, string> = {};
  const take = (field: string, written: string | undefined, r: { id: string; foreign?: string } | undefined) => {
    if (written === undefined || r === undefined || r.id === written) return;
    fix[field] = r.id;
    note(r, written, [...path, field]);
  };
  take("taskId", e.taskId, e.taskId === undefined ? undefined : refs.resolve("task", e.taskId));
  if (isWorkEntry(e)) {
    take("requirementId", e.requirementId, e.requirementId === undefined ? undefined : refs.resolve("requirement", e.requirementId));
    take("occurrenceId", e.occurrenceId, e.occurrenceId === undefined ? undefined : refs.resolveOccurrence(e.occurrenceId));
  }
  return Object.keys(fix).length === 0 ? e : ({ ...e, ...fix } as ProgressEntry);
};

/**
 * The entries behind the ledgers this module returns. Successive ledgers share one append-only
 * array (`entries`) with an id index; a ledger is a view of its first `length` entries. Appending to
 * the newest view pushes in place (O(1)); appending to an older one copies its entries first (a
 * branch). A view builds its frozen `entries` array the first time it is read. This keeps one append
 * from costing the whole ledger (immer copied, patched and freeze-walked the array on every call).
 */
interface Log {
  readonly entries: ProgressEntry[];
  /** Each id's first position. */
  readonly index: Map<string, number>;
}
interface View {
  readonly log: Log;
  readonly length: number;
}
const views = new WeakMap<Ledger, View>();

const logOf = (entries: readonly ProgressEntry[]): Log => {
  const index = new Map<string, number>();
  entries.forEach(({ id }, i) => {
    if (!index.has(id)) index.set(id, i);
  });
  return { entries: [...entries], index };
};

/** The view of a ledger: its own if this module made it, else an index of its entries (kept if frozen). */
const viewOf = (fn: string, ledger: Ledger): View => {
  const known = views.get(ledger);
  if (known !== undefined) return known;
  argument(fn, "ledger", Ledger, ledger);
  const view = { log: logOf(ledger.entries), length: ledger.entries.length };
  if (Object.isFrozen(ledger) && Object.isFrozen(ledger.entries)) views.set(ledger, view);
  return view;
};

const isTakenIn = (view: View): ((id: string) => boolean) => (id) => {
  const at = view.log.index.get(id);
  return at !== undefined && at < view.length;
};

/** A frozen ledger over the first `length` entries of a log; its entries array is built on first read. */
const ledgerView = (from: Ledger, log: Log, length: number): Ledger => {
  const ledger: Partial<Ledger> = from.description === undefined ? { planId: from.planId } : { planId: from.planId, description: from.description };
  let entries: ProgressEntry[] | undefined;
  Object.defineProperty(ledger, "entries", { enumerable: true, get: () => (entries ??= deepFreeze(log.entries.slice(0, length))) });
  const view = Object.freeze(ledger) as Ledger;
  views.set(view, { log, length });
  return view;
};

/** Append checked entries: the new ledger and the patches immer's produceWithPatches would give. */
const append = (ledger: Ledger, view: View, added: readonly ProgressEntry[]): Extract<LedgerResult, { ok: true }> => {
  const log = view.log.entries.length === view.length ? view.log : logOf(view.log.entries.slice(0, view.length));
  const patches: Patch[] = [];
  const inversePatches: Patch[] = [];
  for (const e of added) {
    patches.push({ op: "add", path: ["entries", log.entries.length], value: e });
    if (!log.index.has(e.id)) log.index.set(e.id, log.entries.length);
    log.entries.push(e);
  }
  for (let i = log.entries.length - 1; i >= view.length; i--) inversePatches.push({ op: "remove", path: ["entries", i] });
  return { ok: true, ledger: added.length === 0 ? ledger : ledgerView(ledger, log, log.entries.length), patches, inversePatches, issues: [] };
};

/**
 * 批量记录台账：每条记录先做模式校验，再检查单位、任务、工作要求、时间节点、分工、日期和编号；
 * 任何一条有问题则整批不记录，台账不变。成功时返回新台账（冻结）和 immer 补丁。任务、工作要求、时间节点可以写成
 * `t35`、`t13.r1`、`t23.r2.2024-Q1` 或任务序号，记录时改写为本工作安排的编号（见 {@link readLedger}）。
 * Record several entries at once, all or nothing: each is schema-checked, then checked for an
 * unknown unit, task, requirement or occurrence, a unit with no role in the task, a date after
 * `asOf`, and a duplicate id. Plan-relative references (`t35`, `t13.r1`) and task numbers are
 * recorded as the plan's own ids (see {@link readLedger}). On any error nothing is recorded and the ledger is returned as it
 * was. Linear in the batch: the ledger's ids and the context's indexes are built once and reused
 * — for the ledgers these functions return and frozen ones (as readLedger returns them), and
 * while the plan, matrix and occurrences are frozen — so appending one entry at a time costs the
 * same at any ledger size. The patches are those immer's `produceWithPatches` gives for the push.
 *
 * @category Ledger
 * @example
 * const r = recordMany(emptyLedger(plan.id), entries, { plan, matrix, asOf });
 * r.ok && r.ledger.entries.length;
 */
export const recordMany = (ledger: Ledger, entries: readonly unknown[], ctx: LedgerContext): LedgerResult => record("recordMany", ledger, entries, ctx);

const record = (fn: string, ledger: Ledger, entries: readonly unknown[], ctx: LedgerContext): LedgerResult => {
  const view = viewOf(fn, ledger);
  const isTaken = isTakenIn(view);
  if (!Array.isArray(entries)) throw badArgument(fn, "entries", "应为数组", "must be an array");
  const { check, portable, planId } = checkerOf(fn, ctx);
  const roster = rosterUnitsOf(fn, ctx);
  const issues: Diagnostic[] = [];
  const parsed: ProgressEntry[] = [];
  const batch = new Set<string>();
  const foreign = foreignNotices(planId, { zh: "台账", en: "The ledger" });
  entries.forEach((input, i) => {
    const path: DiagnosticPath = [i];
    const r = parseInput(ProgressEntry, input);
    if (!r.ok) {
      issues.push(...r.issues.map((d) => ({ ...d, path: [...path, ...d.path] })));
      return;
    }
    const entry = portable(r.value, path, foreign.note);
    issues.push(...check(entry, path, (id) => batch.has(id) || isTaken(id), ctx.asOf, roster));
    batch.add(entry.id);
    parsed.push(entry);
  });
  const notices = foreign.notices();
  if (issues.length > 0) return { ok: false, ledger, issues: deepFreeze([...issues, ...notices]) };
  return { ...append(ledger, view, parsed), issues: deepFreeze(notices) };
};

/**
 * 记录一条台账：输入不变，输出冻结，同时返回 immer 格式的补丁；台账再大，每次追加的开销也不变。规则见 {@link recordMany}。
 * Record one entry: the input is not changed, the output is frozen, and the change comes with its
 * immer patches; one append costs the same however large the ledger. Checks as in {@link recordMany}.
 *
 * @category Ledger
 * @example
 * const r = recordProgress(ledger, {
 *   id: "e1", unitId: "sfj", taskId: "wuzhi-2024.t13", requirementId: "wuzhi-2024.t13.r2",
 *   date: "2024-06-20", kind: "done",
 * }, { plan, matrix, asOf: IsoDate.parse("2024-07-01") });
 * r.ok;
 * //=> true
 */
export const recordProgress = (ledger: Ledger, entry: unknown, ctx: LedgerContext): LedgerResult => {
  const r = record("recordProgress", ledger, [entry], ctx);
  // One entry: paths start at the entry's own fields.
  return r.ok ? r : { ...r, issues: deepFreeze(r.issues.map((d) => ({ ...d, path: d.path.slice(1) }))) };
};

/**
 * 删除一条台账记录（撤回误报），同样返回补丁；编号不存在时失败。Remove an entry (a withdrawn
 * report), with its patches; an unknown id fails with `unknown_entry`.
 *
 * @category Ledger
 * @example
 * removeEntry(ledger, "e1").ok;
 */
export const removeEntry = (ledger: Ledger, id: string): LedgerResult => {
  viewOf("removeEntry", ledger);
  if (typeof id !== "string") throw badArgument("removeEntry", "id", "应为台账记录编号", "must be an entry id");
  const index = ledger.entries.findIndex((e) => e.id === id);
  if (index === -1) return { ok: false, ledger, issues: [diag("unknown_entry", "error", `台账中没有编号为“${id}”的记录`, `No ledger entry with id "${id}"`, ["id"])] };
  enablePatches();
  const [next, patches, inversePatches] = produceWithPatches(ledger, (draft) => {
    draft.entries.splice(index, 1);
  });
  return { ok: true, ledger: next, patches, inversePatches, issues: [] };
};

/**
 * 按顺序重放补丁，重建台账（全程留痕：保存每次变更的补丁即可还原任一时刻的台账）。
 * Replay patches in order to rebuild a ledger: keep every change's patches and any past state of
 * the ledger can be rebuilt (全程留痕).
 *
 * @category Ledger
 * @example
 * const rebuilt = replay(emptyLedger(plan.id), changes.map((c) => c.patches));
 */
export const replay = (base: Ledger, changes: ReadonlyArray<readonly Patch[]>): Ledger => {
  viewOf("replay", base);
  argument("replay", "changes", Changes, changes);
  enablePatches();
  let rebuilt: unknown;
  try {
    // All changes in one draft: applying them one produce at a time copied the entries every time.
    rebuilt = applyPatches(base, changes.flat() as Patch[]);
  } catch (e) {
    throw badArgument("replay", "changes", `补丁无法应用于该台账：${(e as Error).message}`, `the patches do not apply to this ledger: ${(e as Error).message}`);
  }
  return deepFreeze(argument("replay", "changes (the ledger they rebuild)", Ledger, rebuilt));
};

/** Changes as saved from LedgerResult.patches: lists of immer patches. */
const Changes = z.array(z.array(z.strictObject({ op: z.enum(["add", "remove", "replace"]), path: z.array(z.union([z.string(), z.number()])), value: z.unknown().optional() })));
const Occurrences = z.array(Occurrence);

/**
 * 读取不可信的台账 JSON：模式校验，记录编号唯一；给出 `context` 时，每条记录还按 {@link recordMany} 的规则检查，
 * 任务、工作要求和时间节点可以写成与计划编号无关的 `t35`、`t13.r1`、`t23.r2.2024-Q1` 或任务序号 `35`，读出的台账中
 * 一律改写为本工作安排的编号；为另一个计划编号写的完整编号（如文件改名后）按任务序号对应，并给出 info 提示
 * `foreign_plan_id`。
 * Read untrusted ledger JSON: the schema and unique entry ids; with a `context`, every entry is
 * also checked as {@link recordMany} does. Tasks, requirements and occurrences may be written
 * without the plan id (`t35`, `t13.r1`, `t23.r2.2024-Q1`) or as task numbers (`35`); the ledger
 * read names them by the plan's own ids (and takes the plan's id). Full ids written for a plan of
 * another id (a renamed file, standard input) are matched by task number, with an info notice
 * `foreign_plan_id`.
 *
 * @category Ledger
 * @example
 * const r = readLedger(JSON.parse(text), { plan, matrix, asOf });
 * if (!r.ok) r.issues.forEach((d) => console.log(d.path.join("."), d.message));
 */
export const readLedger = (input: unknown, context?: LedgerContext): Result<Ledger> => {
  const parsed = parseInput(Ledger, input);
  if (!parsed.ok) return parsed;
  const ledger = parsed.value;
  if (context !== undefined) {
    const planId = checkerOf("readLedger", context).planId as PlanId;
    const base: Ledger = deepFreeze(ledger.description === undefined ? { planId, entries: [] } : { planId, description: ledger.description, entries: [] });
    const r = record("readLedger", base, ledger.entries, context);
    const issues = r.issues.map((d) => ({ ...d, path: ["entries", ...d.path] }));
    if (ledger.planId !== planId && !issues.some((d) => d.code === "foreign_plan_id")) {
      issues.push(diag("foreign_plan_id", "info", `台账的计划编号“${ledger.planId}”与工作安排编号“${planId}”不同，已按本工作安排读取`, `The ledger's planId "${ledger.planId}" is not this plan's id "${planId}"; it was read against this plan`, ["planId"]));
    }
    return r.ok ? { ok: true, value: r.ledger, issues: deepFreeze(issues) } : { ok: false, issues: deepFreeze(issues) };
  }
  const seen = new Set<string>();
  const issues: Diagnostic[] = [];
  ledger.entries.forEach((e, i) => {
    if (seen.has(e.id)) issues.push(diag("duplicate_entry", "error", `台账记录编号“${e.id}”重复`, `Duplicate ledger entry id "${e.id}"`, ["entries", i, "id"]));
    seen.add(e.id);
  });
  return issues.length > 0 ? { ok: false, issues: deepFreeze(issues) } : { ok: true, value: ledger, issues: [] };
};
