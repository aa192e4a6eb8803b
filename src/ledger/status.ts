import { type IsoDate, addDays, compareIsoDate, differenceInDays } from "../model/dates.js";
import { deepFreeze } from "../model/freeze.js";
import type { EntryId, OccurrenceId, UnitId } from "../model/ids.js";
import type { Ledger, WorkEntry } from "../model/ledger.js";
import { isWorkEntry } from "./ledger.js";
import type { Occurrence } from "../model/schedule.js";

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

/**
 * {@link occurrenceStatus} 的选项。Options of {@link occurrenceStatus}.
 * @category Ledger
 * @example
 * const options: StatusOptions = { dueSoonDays: 14 };
 */
export interface StatusOptions {
  /** 截止前多少天算“即将到期”（默认 7）。How many days before the due date count as due soon (default 7). */
  readonly dueSoonDays?: number;
}

/** Whether an entry counts for an occurrence (and unit). */
const counts = (e: WorkEntry, o: Occurrence, unitId: UnitId | undefined, asOf: IsoDate): boolean => {
  if (compareIsoDate(e.date, asOf) > 0) return false;
  if (unitId !== undefined && e.unitId !== unitId) return false;
  if (e.taskId !== o.taskId) return false;
  if (e.occurrenceId !== undefined) return e.occurrenceId === o.id;
  if (e.requirementId !== o.requirementId) return false;
  // Without an explicit occurrence, an entry counts for the occurrence whose window holds its date.
  return o.window === undefined || (compareIsoDate(o.window.from, e.date) <= 0 && compareIsoDate(e.date, o.window.to) <= 0);
};

const weight = (e: WorkEntry, needed: number): number => (e.kind === "progress" ? 0 : e.kind === "held" ? (e.count ?? 1) : (e.count ?? needed));

/**
 * 截至某日，每个时间节点（按绑定的每个单位）的状态：按时完成、逾期完成、逾期未完成、即将到期、未到期，
 * 以及决定状态的台账记录。没有 `occurrenceId` 的记录计入日期所在时间段的那个节点；逾期补报请注明 `occurrenceId`。
 * 晚于 `asOf` 的记录不计入。同一编号的记录只计一次。
 *
 * The status of every occurrence, per bound unit, as of a date, with the entries that settled it.
 * An entry without `occurrenceId` counts for the occurrence whose window holds its date; a late
 * report names its `occurrenceId`. Entries after `asOf` are ignored; a repeated entry id counts once.
 *
 * @category Ledger
 * @example
 * occurrenceStatus(occurrences, ledger, IsoDate.parse("2024-07-15")).filter((s) => s.status === "overdue").length;
 */
export const occurrenceStatus = (occurrences: readonly Occurrence[], ledger: Ledger, asOf: IsoDate, options: StatusOptions = {}): OccurrenceStatus[] => {
  const soon = options.dueSoonDays ?? 7;
  // A repeated entry id counts once: the first entry with that id wins (as in scoring).
  const seen = new Set<string>();
  const unique = ledger.entries.filter((e) => !seen.has(e.id) && seen.add(e.id) !== undefined).filter(isWorkEntry);
  const byTask = new Map<string, WorkEntry[]>();
  for (const e of unique) {
    const list = byTask.get(e.taskId);
    if (list === undefined) byTask.set(e.taskId, [e]);
    else list.push(e);
  }
  const out: OccurrenceStatus[] = [];
  for (const o of occurrences) {
    const units: Array<UnitId | undefined> = o.unitIds.length > 0 ? [...o.unitIds] : [undefined];
    const candidates = byTask.get(o.taskId) ?? [];
    for (const unitId of units) {
      const entries = candidates.filter((e) => counts(e, o, unitId, asOf)).sort((a, b) => compareIsoDate(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let done = 0;
      let settledOn: IsoDate | undefined;
      const used: EntryId[] = [];
      for (const e of entries) {
        const w = weight(e, o.count);
        if (w === 0) continue;
        used.push(e.id);
        done += w;
        if (done >= o.count) {
          settledOn = e.date;
          break;
        }
      }
      const base = { occurrenceId: o.id, ...(unitId !== undefined ? { unitId } : {}), done: Math.min(done, o.count), needed: o.count, entries: used };
      if (settledOn !== undefined) {
        const late = o.due === undefined ? 0 : differenceInDays(settledOn, o.due);
        out.push(late > 0 ? { ...base, status: "done_late", settledOn, daysLate: late } : { ...base, status: "done_on_time", settledOn });
      } else if (o.due === undefined) out.push({ ...base, status: "undated" });
      else if (compareIsoDate(asOf, o.due) > 0) out.push({ ...base, status: "overdue", daysLate: differenceInDays(asOf, o.due) });
      else if (compareIsoDate(addDays(asOf, soon), o.due) >= 0) out.push({ ...base, status: "due_soon" });
      else out.push({ ...base, status: "upcoming" });
    }
  }
  return deepFreeze(out);
};
