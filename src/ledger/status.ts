import { IsoDate, addDays, compareIsoDate, differenceInDays } from "../model/dates.js";
import { deepFreeze } from "../model/freeze.js";
import { EntryId, OccurrenceId, UnitId } from "../model/ids.js";
import * as z from "zod";
import { argument, badArgument, optionsOf } from "../model/guard.js";
import { type Ledger, Ledger as LedgerSchema, type WorkEntry } from "../model/ledger.js";
import { ResponsibilityMatrix } from "../model/matrix.js";
import { Occurrence } from "../model/schedule.js";
import { isWorkEntry } from "./ledger.js";

/**
 * 时间节点的状态：`upcoming` 未到期，`due_soon` 即将到期，`overdue` 逾期未完成，`done_on_time` 按时完成，
 * `done_late` 逾期完成，`undated` 没有日期（“及时”类，有记录则为完成）。
 * The status of an occurrence for a unit.
 *
 * @category Ledger
 * @example
 * const s: OccurrenceStatusKind = "overdue";
 */
export type OccurrenceStatusKind = "upcoming" | "due_soon" | "overdue" | "done_on_time" | "done_late" | "undated";

/**
 * 一个单位在一个时间节点上的状态，以及决定状态的台账记录。The status of one occurrence for one unit,
 * with the entries that settled it and how many completions were counted.
 *
 * @category Ledger
 * @example
 * const row: OccurrenceStatus = occurrenceStatus(occurrences, ledger, asOf)[0]!;
 * row.status;
 */
export interface OccurrenceStatus {
  readonly occurrenceId: OccurrenceId;
  /** 单位；时间节点没有绑定单位时缺省（任一单位的记录都算）。Absent when the occurrence has no bound units. */
  readonly unitId?: UnitId;
  readonly status: OccurrenceStatusKind;
  /** 计入的完成次数。Completions counted (held counts, done counts as the full number). */
  readonly done: number;
  readonly needed: number;
  /** 使状态成立的记录（完成时为达到次数的那条及之前的记录）。The entries that counted. */
  readonly entries: readonly EntryId[];
  /** 完成日期。When it was settled. */
  readonly settledOn?: IsoDate;
  /** 逾期天数（逾期未完成或逾期完成）。Days late, for overdue and late items. */
  readonly daysLate?: number;
}

/** The shape of {@link OccurrenceStatus}, for argument checks (internal: not exported from the index). */
export const OccurrenceStatusShape = z.object({
  occurrenceId: OccurrenceId,
  unitId: UnitId.optional(),
  status: z.enum(["upcoming", "due_soon", "overdue", "done_on_time", "done_late", "undated"]),
  done: z.number().int().nonnegative(),
  needed: z.number().int().nonnegative(),
  entries: z.array(EntryId),
  settledOn: IsoDate.optional(),
  daysLate: z.number().int().nonnegative().optional(),
});

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const Occurrences = z.array(Occurrence);

/**
 * {@link occurrenceStatus} 的选项。Options of {@link occurrenceStatus}.
 * @category Ledger
 * @example
 * const options: StatusOptions = { dueSoonDays: 14, matrix, jointLeads: "shared" };
 */
export interface StatusOptions {
  /** 截止前多少天算“即将到期”（默认 7）。How many days before the due date count as due soon (default 7). */
  readonly dueSoonDays?: number;
  /** 责任矩阵：给出时可知哪些单位是共同牵头单位。The matrix, which tells who the joint leads are. */
  readonly matrix?: ResponsibilityMatrix;
  /**
   * 共同牵头：`shared`（给出 matrix 时的默认）一家牵头单位完成即对全部牵头单位完成；`each` 各自报送。
   * Joint leads: one lead's completion completes the occurrence for every lead (`shared`, the
   * default with a matrix), or each lead reports for itself (`each`).
   */
  readonly jointLeads?: "shared" | "each";
}

const weight = (e: WorkEntry, needed: number): number => (e.kind === "progress" ? 0 : e.kind === "held" ? (e.count ?? 1) : (e.count ?? needed));
const byDateThenId = (a: WorkEntry, b: WorkEntry): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The entries that count (weight > 0), in (date, id) order, as far as `needed` completions: the
 * first one by a linear scan, a few by repeated scans, and only a long quota by a sort. An
 * occurrence with many reports costs what it holds, not a sort, in the common case.
 */
const inOrder = (entries: readonly WorkEntry[], needed: number): WorkEntry[] => {
  if (needed > 8) return entries.filter((e) => weight(e, needed) > 0).sort(byDateThenId);
  const out: WorkEntry[] = [];
  let have = 0;
  let after: WorkEntry | undefined;
  while (have < needed) {
    let next: WorkEntry | undefined;
    for (const e of entries) {
      if (weight(e, needed) === 0 || (after !== undefined && byDateThenId(after, e) >= 0)) continue;
      if (next === undefined || byDateThenId(e, next) < 0) next = e;
    }
    if (next === undefined) break;
    out.push(next);
    have += weight(next, needed);
    after = next;
  }
  return out;
};

/**
 * 截至某日，每个时间节点（按绑定的每个单位）的状态：按时完成、逾期完成、逾期未完成、即将到期、未到期，
 * 以及决定状态的台账记录。记录先按 `occurrenceId` 归入时间节点；没有 `occurrenceId` 的，归入日期所在时间段的
 * 那个节点；休息日使截止日期顺延到时间段之后（`dueOnRestDay: "next"`）时，时间段结束后、顺延的截止日前的记录先归入
 * 这个节点（按时完成），该单位已完成它时才归入日期所在时间段的节点；日期不在任何时间段内（如截止后补报）的，
 * 归入它之前已到期、尚未完成的最近一个节点（逾期完成）。
 * 共同牵头单位中一家完成，即对全部牵头单位完成（`jointLeads: "each"` 时各自报送）。晚于 `asOf` 的记录不计入；
 * 同一编号的记录只计一次。台账只扫描一遍，计算量与记录数和时间节点数成线性。
 *
 * The status of every occurrence, per bound unit, as of a date, with the entries that settled
 * it. An entry counts for the occurrence it names; without one, for the occurrence whose window
 * holds its date; dated after a window but by its due date, which a rest day moved past the
 * window's end (`dueOnRestDay: "next"`), for that occurrence (on time) unless the unit has done it,
 * and then for the window holding its date; dated outside every window (a late report), for the
 * latest occurrence already due before it that is still incomplete. With a matrix, one joint
 * lead's completion completes the occurrence for every lead unless `jointLeads` is `each`. Entries
 * after `asOf` are ignored; a repeated entry id counts once. One pass over the ledger: linear in entries and occurrences.
 *
 * @category Ledger
 * @example
 * occurrenceStatus(occurrences, ledger, IsoDate.parse("2024-07-15")).filter((s) => s.status === "overdue").length;
 */
export const occurrenceStatus = (occurrences: readonly Occurrence[], ledger: Ledger, asOf: IsoDate, options?: StatusOptions): OccurrenceStatus[] => {
  // Arguments are checked at the boundary (a frozen value once): a wrong one is a FazhiError.
  const fn = "occurrenceStatus";
  argument(fn, "occurrences", Occurrences, occurrences);
  argument(fn, "ledger", LedgerSchema, ledger);
  argument(fn, "asOf", IsoDate, asOf);
  const opts = optionsOf(fn, options);
  if (opts.matrix !== undefined) argument(fn, "options.matrix", ResponsibilityMatrix, opts.matrix);
  if (opts.dueSoonDays !== undefined && !(Number.isInteger(opts.dueSoonDays) && opts.dueSoonDays >= 0)) throw badArgument(fn, "options.dueSoonDays", "应为非负整数", "must be a non-negative integer");
  if (opts.jointLeads !== undefined && opts.jointLeads !== "shared" && opts.jointLeads !== "each") throw badArgument(fn, "options.jointLeads", "应为 shared 或 each", 'must be "shared" or "each"');
  // A repeated entry id counts once: the first entry with that id wins (as in scoring).
  const first = firstOfEachId(ledger.entries);
  const work: WorkEntry[] = [];
  ledger.entries.forEach((e, i) => {
    if (first(e.id, i) && isWorkEntry(e) && e.date <= asOf) work.push(e);
  });
  return statusOfWork(occurrences, work, asOf, opts);
};

/**
 * A check, entry by entry in ledger order, that an entry is the first with its id. An open-address
 * table of entry indexes sized once for the ledger (a string hash computed here, no rehashing as
 * it fills): about three times faster than a growing Set at a million entries. Internal.
 */
export const firstOfEachId = (entries: ReadonlyArray<{ readonly id: string }>): ((id: string, index: number) => boolean) => {
  let size = 16;
  while (size < entries.length * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  return (id, index) => {
    let h = 0x811c9dc5;
    for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 16777619);
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const t = table[j] as number;
      if (t === -1) {
        table[j] = index;
        return true;
      }
      if ((entries[t] as { id: string }).id === id) return t === index;
    }
  };
};

/**
 * The statuses from work entries already filtered (first of each id, not after asOf): what
 * {@link occurrenceStatus} computes, for callers that have scanned the ledger themselves.
 */
export const statusOfWork = (occurrences: readonly Occurrence[], work: readonly WorkEntry[], asOf: IsoDate, options: StatusOptions = {}): OccurrenceStatus[] => {
  const soon = options.dueSoonDays ?? 7;
  // Occurrences by position; the reports of each occurrence by reporting unit.
  const index = new Map<string, number>();
  const byRequirement = new Map<string, number[]>(); // windowed ones in window order
  occurrences.forEach((o, k) => {
    index.set(o.id, k);
    const list = byRequirement.get(o.requirementId);
    if (list === undefined) byRequirement.set(o.requirementId, [k]);
    else list.push(k);
  });
  const from = (k: number): string => (occurrences[k] as Occurrence).window?.from ?? "";
  for (const list of byRequirement.values()) list.sort((a, b) => compareIsoDate(from(a), from(b)));
  const buckets: Array<Map<string, WorkEntry[]> | undefined> = new Array(occurrences.length);
  const put = (k: number, unitId: string, e: WorkEntry): void => {
    let perUnit = buckets[k];
    if (perUnit === undefined) buckets[k] = perUnit = new Map();
    const list = perUnit.get(unitId);
    if (list === undefined) perUnit.set(unitId, [e]);
    else list.push(e);
  };

  // What a unit has done towards an occurrence, summed once from its bucket and kept up to date
  // as the passes below add to it, so that they stay linear.
  const done = new Map<number, Map<string, number>>();
  const doneOf = (k: number, unitId: string): number => {
    let perUnit = done.get(k);
    if (perUnit === undefined) done.set(k, (perUnit = new Map()));
    let d = perUnit.get(unitId);
    if (d === undefined) {
      d = 0;
      for (const x of buckets[k]?.get(unitId) ?? []) d += weight(x, (occurrences[k] as Occurrence).count);
      perUnit.set(unitId, d);
    }
    return d;
  };
  const credit = (k: number, e: WorkEntry): void => {
    const before = doneOf(k, e.unitId);
    put(k, e.unitId, e);
    (done.get(k) as Map<string, number>).set(e.unitId, before + weight(e, (occurrences[k] as Occurrence).count));
  };

  // One pass: each work entry goes to its occurrence(s).
  const unmatched = new Map<string, WorkEntry[]>(); // by requirement + unit: reports dated outside every window
  const addLate = (e: WorkEntry & { requirementId: string }): void => {
    const key = `${e.requirementId}\u0000${e.unitId}`;
    const list = unmatched.get(key);
    if (list === undefined) unmatched.set(key, [e]);
    else list.push(e);
  };
  // Reports dated after an occurrence's window but not after its due date, which a rest day moved
  // past the window's end (dueOnRestDay: "next"; 2024-06-30 was a Sunday, so Q2 is due 07-01): the
  // occurrence whose deadline they meet, and the ones whose windows hold their date.
  const graced: Array<{ e: WorkEntry & { requirementId: string }; k: number; inWindow: number[] }> = [];
  const inWindow: number[] = [];
  for (const e of work) {
    if (e.occurrenceId !== undefined) {
      const k = index.get(e.occurrenceId);
      if (k !== undefined && (occurrences[k] as Occurrence).taskId === e.taskId) put(k, e.unitId, e);
      continue;
    }
    if (e.requirementId === undefined) continue;
    const list = byRequirement.get(e.requirementId);
    if (list === undefined) continue;
    // An undated (on-event) occurrence takes every report of its requirement; a dated one, the
    // reports dated in its window.
    let dated = false;
    let grace = -1;
    inWindow.length = 0;
    for (const k of list) {
      const o = occurrences[k] as Occurrence;
      if (o.taskId !== e.taskId) continue;
      if (o.due !== undefined) dated = true;
      if (o.window !== undefined && (o.window.from > e.date || e.date > o.window.to)) {
        if (o.window.to < e.date && o.due !== undefined && e.date <= o.due) grace = k;
        continue;
      }
      inWindow.push(k);
    }
    const withRequirement = e as WorkEntry & { requirementId: string };
    if (grace >= 0) graced.push({ e: withRequirement, k: grace, inWindow: [...inWindow] });
    else if (inWindow.length > 0) for (const k of inWindow) put(k, e.unitId, e);
    else if (dated) addLate(withRequirement);
  }
  // A report after the window, by the moved due date, meets that deadline: it completes that
  // occurrence if the unit has not completed it yet (on time), and otherwise counts as the reports
  // of its date's own window do. In date order, after every report dated inside the window.
  graced.sort((a, b) => byDateThenId(a.e, b.e));
  for (const { e, k, inWindow: ks } of graced) {
    if (doneOf(k, e.unitId) < (occurrences[k] as Occurrence).count) credit(k, e);
    else if (ks.length > 0) for (const j of ks) credit(j, e);
    else addLate(e);
  }
  // A report dated outside every window completes the latest occurrence due before it that the
  // unit has not completed yet (a late completion that names no occurrence).
  for (const [key, reports] of unmatched) {
    const [requirementId = "", unitId = ""] = key.split("\u0000");
    const list = (byRequirement.get(requirementId) ?? []).filter((k) => (occurrences[k] as Occurrence).due !== undefined);
    reports.sort(byDateThenId);
    for (const e of reports) {
      for (let j = list.length - 1; j >= 0; j--) {
        const k = list[j] as number;
        const o = occurrences[k] as Occurrence;
        if (o.taskId !== e.taskId || (o.due as IsoDate) >= e.date || doneOf(k, unitId) >= o.count) continue;
        credit(k, e);
        break;
      }
    }
  }

  // Joint leads: the definite lead units of each task (and clause).
  const shared = options.matrix !== undefined && (options.jointLeads ?? "shared") === "shared";
  const leads = new Map<string, Set<string>>();
  if (shared) {
    for (const c of (options.matrix as ResponsibilityMatrix).cells) {
      if (c.role !== "lead" || c.certainty !== "definite") continue;
      for (const key of [c.taskId, `${c.taskId}\u0000${c.clauseId}`]) {
        const set = leads.get(key);
        if (set === undefined) leads.set(key, new Set([c.unitId]));
        else set.add(c.unitId);
      }
    }
  }

  const out: OccurrenceStatus[] = [];
  occurrences.forEach((o, k) => {
    const perUnit = buckets[k];
    const units: Array<UnitId | undefined> = o.unitIds.length > 0 ? [...o.unitIds] : [undefined];
    const leadSet = shared ? leads.get(o.clauseId === undefined ? o.taskId : `${o.taskId}\u0000${o.clauseId}`) : undefined;
    const jointLeads = leadSet === undefined ? [] : o.unitIds.filter((u) => leadSet.has(u));
    for (const unitId of units) {
      let entries: readonly WorkEntry[];
      if (perUnit === undefined) entries = [];
      else if (unitId === undefined) entries = [...perUnit.values()].flat();
      else if (jointLeads.length > 1 && jointLeads.includes(unitId)) entries = jointLeads.flatMap((u) => perUnit.get(u) ?? []);
      else entries = perUnit.get(unitId) ?? [];
      let done = 0;
      let settledOn: IsoDate | undefined;
      const used: EntryId[] = [];
      for (const e of inOrder(entries, o.count)) {
        const w = weight(e, o.count);
        used.push(e.id);
        done += w;
        if (done >= o.count) {
          settledOn = e.date;
          break;
        }
      }
      // Written out as literals (spreading a base object into each takes a slow path in Node 20).
      let status: OccurrenceStatusKind;
      let daysLate: number | undefined;
      if (settledOn !== undefined) {
        const late = o.due === undefined ? 0 : differenceInDays(settledOn, o.due);
        status = late > 0 ? "done_late" : "done_on_time";
        if (late > 0) daysLate = late;
      } else if (o.due === undefined) status = "undated";
      else if (compareIsoDate(asOf, o.due) > 0) {
        status = "overdue";
        daysLate = differenceInDays(asOf, o.due);
      } else status = compareIsoDate(addDays(asOf, soon), o.due) >= 0 ? "due_soon" : "upcoming";
      const row: Mutable<OccurrenceStatus> = { occurrenceId: o.id, status, done: Math.min(done, o.count), needed: o.count, entries: used };
      if (unitId !== undefined) row.unitId = unitId;
      if (settledOn !== undefined) row.settledOn = settledOn;
      if (daysLate !== undefined) row.daysLate = daysLate;
      out.push(row);
    }
  });
  return deepFreeze(out);
};
