import * as z from "zod";
import { IsoDate, compareIsoDate } from "../model/dates.js";
import { deepFreeze } from "../model/freeze.js";
import { argument, badArgument, optionsOf } from "../model/guard.js";
import { OccurrenceId, PlanId, UnitId } from "../model/ids.js";
import { Ledger } from "../model/ledger.js";
import { ResponsibilityMatrix } from "../model/matrix.js";
import { Plan } from "../model/plan.js";
import { Occurrence } from "../model/schedule.js";
import { Roster } from "../model/unit.js";
import { emptyGroupsOf } from "../units/matrix.js";
import { formatChineseNumeral } from "../text/numerals.js";
import { boundUnits } from "../schedule/expand.js";
import { type OccurrenceStatus, type OccurrenceStatusKind, occurrenceStatus } from "./status.js";

/**
 * 通报中的一项。One item of a bulletin.
 * @category Ledger
 * @example
 * const item: BulletinItem = bulletin.units[0]!.overdue[0]!;
 * item.taskNo;
 */
export interface BulletinItem {
  readonly occurrenceId: OccurrenceId;
  readonly taskNo: number;
  readonly taskTitle: string;
  readonly label: string;
  readonly action: string;
  readonly due?: IsoDate;
  readonly daysLate?: number;
  readonly done: number;
  readonly needed: number;
}

/**
 * 通报中一个单位的情况。A unit's part of a bulletin.
 * @category Ledger
 * @example
 * const u: BulletinUnit = bulletin.units[0]!;
 * u.overdue.length;
 */
export interface BulletinUnit {
  readonly unitId: UnitId;
  readonly name: string;
  readonly overdue: readonly BulletinItem[];
  readonly dueSoon: readonly BulletinItem[];
  readonly doneOnTime: readonly BulletinItem[];
  readonly doneLate: readonly BulletinItem[];
}

/**
 * 工作进展通报：截至某日，各单位逾期、完成、近期到期的时间节点。A bulletin (通报): per unit, what is
 * overdue, done on time, done late and due within the horizon, as of a date.
 *
 * @category Ledger
 * @example
 * const b: Bulletin = buildBulletin(plan, matrix, occurrences, ledger, asOf);
 * b.totals.overdue;
 */
export interface Bulletin {
  readonly planId: string;
  readonly title: string;
  readonly asOf: IsoDate;
  readonly horizonDays: number;
  readonly units: readonly BulletinUnit[];
  readonly totals: { readonly overdue: number; readonly dueSoon: number; readonly doneOnTime: number; readonly doneLate: number; readonly upcoming: number };
  /**
   * 责任单位组尚无成员的带日期时间节点（仅在给出 `roster` 选项时列出）：公文写明由该组负责，但名录中该组没有成员，
   * 无法计入任何单位。Dated items whose lead and responsible units are only groups with no members
   * in the roster (listed when the `roster` option is given): the document names the group, but no
   * unit can be held to them until the roster lists its members.
   */
  readonly emptyGroups?: readonly { readonly occurrenceId: OccurrenceId; readonly taskNo: number; readonly groups: readonly string[] }[];
}

const count = z.number().int().nonnegative();
const BulletinItemShape = z.object({
  occurrenceId: OccurrenceId,
  taskNo: count,
  taskTitle: z.string(),
  label: z.string(),
  action: z.string(),
  due: IsoDate.optional(),
  daysLate: count.optional(),
  done: count,
  needed: count,
});
const items = z.array(BulletinItemShape);
/** The shape of {@link Bulletin}, for argument checks (internal: not exported from the index). */
export const BulletinShape = z.object({
  planId: PlanId,
  title: z.string(),
  asOf: IsoDate,
  horizonDays: count,
  units: z.array(z.object({ unitId: UnitId, name: z.string(), overdue: items, dueSoon: items, doneOnTime: items, doneLate: items })),
  totals: z.object({ overdue: count, dueSoon: count, doneOnTime: count, doneLate: count, upcoming: count }),
  emptyGroups: z.array(z.object({ occurrenceId: OccurrenceId, taskNo: count, groups: z.array(z.string()) })).optional(),
});
const Occurrences = z.array(Occurrence);

/** Which list of a unit each status goes to (upcoming and undated items are only counted). */
const BUCKET: Readonly<Record<OccurrenceStatusKind, "overdue" | "dueSoon" | "doneOnTime" | "doneLate" | undefined>> = {
  overdue: "overdue",
  due_soon: "dueSoon",
  done_on_time: "doneOnTime",
  done_late: "doneLate",
  upcoming: undefined,
  undated: undefined,
};

/**
 * {@link buildBulletin} 的选项。Options of {@link buildBulletin}.
 * @category Ledger
 * @example
 * const options: BulletinOptions = { horizonDays: 30 };
 */
export interface BulletinOptions {
  /** 列出多少天内到期的节点（默认 14）。List items due within this many days (default 14). */
  readonly horizonDays?: number;
  /**
   * 名录（构建矩阵所用）：给出时，列出责任单位组尚无成员的时间节点（见 {@link Bulletin.emptyGroups}）。The
   * roster the matrix was built with: when given, the dated items charged to groups with no members
   * are listed (see {@link Bulletin.emptyGroups}).
   */
  readonly roster?: Roster;
}

/**
 * 生成工作进展通报：按单位列出逾期未完成、逾期完成、按时完成和即将到期（`horizonDays` 天内）的时间节点。
 * 单位为时间节点绑定的单位（段落确定的牵头和责任单位）；时间节点没有绑定单位时，从责任矩阵中补上。
 * 单位按逾期项数从多到少排列。
 *
 * Build a bulletin: per unit, what is overdue, done late, done on time, and due within
 * `horizonDays`. The units are those bound to each occurrence (taken from the matrix when an
 * occurrence has none). Units with the most overdue items come first.
 *
 * @category Ledger
 * @example
 * const bulletin = buildBulletin(plan, matrix, occurrences, ledger, IsoDate.parse("2024-07-15"));
 * bulletinToText(bulletin);
 */
export const buildBulletin = (
  plan: Plan,
  matrix: ResponsibilityMatrix,
  occurrences: readonly Occurrence[],
  ledger: Ledger,
  asOf: IsoDate,
  options?: BulletinOptions,
): Bulletin => {
  // Arguments are checked at the boundary (a frozen value once): a wrong one is a FazhiError.
  const fn = "buildBulletin";
  argument(fn, "plan", Plan, plan);
  argument(fn, "matrix", ResponsibilityMatrix, matrix);
  argument(fn, "occurrences", Occurrences, occurrences);
  argument(fn, "ledger", Ledger, ledger);
  argument(fn, "asOf", IsoDate, asOf);
  const horizon = optionsOf(fn, options).horizonDays ?? 14;
  if (!Number.isInteger(horizon) || horizon < 0) throw badArgument(fn, "options.horizonDays", "应为非负整数", "must be a non-negative integer");
  const roster = options?.roster;
  if (roster !== undefined) argument(fn, "options.roster", Roster, roster);
  const bound = occurrences.map((o) => (o.unitIds.length > 0 ? o : { ...o, unitIds: boundUnits(matrix, o.taskId, o.clauseId) }));
  const statuses = occurrenceStatus(bound, ledger, asOf, { dueSoonDays: horizon });
  const occById = new Map(bound.map((o) => [o.id as string, o]));
  const titles = new Map(plan.sections.flatMap((s) => s.tasks.map((t) => [t.id as string, t.title])));
  const perUnit = new Map<string, { overdue: BulletinItem[]; dueSoon: BulletinItem[]; doneOnTime: BulletinItem[]; doneLate: BulletinItem[] }>();
  const totals = { overdue: 0, dueSoon: 0, doneOnTime: 0, doneLate: 0, upcoming: 0 };
  const item = (s: OccurrenceStatus, o: Occurrence): BulletinItem => ({
    occurrenceId: o.id,
    taskNo: o.taskNo,
    taskTitle: titles.get(o.taskId) ?? "",
    label: o.label,
    action: o.action,
    ...(o.due !== undefined ? { due: o.due } : {}),
    ...(s.daysLate !== undefined ? { daysLate: s.daysLate } : {}),
    done: s.done,
    needed: s.needed,
  });
  for (const s of statuses) {
    if (s.unitId === undefined) continue;
    const o = occById.get(s.occurrenceId) as Occurrence;
    const bucket = perUnit.get(s.unitId) ?? { overdue: [], dueSoon: [], doneOnTime: [], doneLate: [] };
    perUnit.set(s.unitId, bucket);
    const key = BUCKET[s.status];
    if (key !== undefined) {
      bucket[key].push(item(s, o));
      totals[key] += 1;
    } else if (s.status === "upcoming") totals.upcoming += 1;
  }
  const order = new Map(matrix.units.map((u, i) => [u.id as string, i]));
  const units: BulletinUnit[] = matrix.units
    .filter((u) => perUnit.has(u.id))
    .map((u) => ({ unitId: u.id, name: u.name, ...(perUnit.get(u.id) as NonNullable<ReturnType<typeof perUnit.get>>) }))
    .sort((a, b) => b.overdue.length - a.overdue.length || (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
  const emptyOf = roster === undefined ? undefined : emptyGroupsOf(plan, roster);
  const emptyGroups =
    emptyOf === undefined
      ? undefined
      : bound.flatMap((o) => {
          const groups = o.due === undefined || o.unitIds.length > 0 ? [] : emptyOf(o.taskId, o.clauseId);
          return groups.length === 0 ? [] : [{ occurrenceId: o.id, taskNo: o.taskNo, groups }];
        });
  return deepFreeze({ planId: plan.id, title: plan.title, asOf, horizonDays: horizon, units, totals, ...(emptyGroups !== undefined ? { emptyGroups } : {}) });
};

const dateZh = (d: IsoDate): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
const itemZh = (i: BulletinItem, n: number, extra: string): string =>
  `${n}. 任务${i.taskNo}“${i.taskTitle}”：${i.action}（${i.label}${i.due !== undefined ? `，截止${dateZh(i.due)}` : ""}${i.needed > 1 ? `，已完成${i.done}/${i.needed}次` : ""}${extra}）`;

/**
 * 把通报写成中文文字，可直接发送：总体情况、逾期未完成（按单位）、近期到期、逾期完成、按时完成。
 * 没有近期到期的节点时不写“另有0项”；有逾期未完成时才在结尾督促逾期单位。
 * Render a bulletin as Chinese text a clerk can send as it is. Nothing due soon: no "另有0项"; the
 * closing call on overdue units only when some are overdue.
 *
 * @category Ledger
 * @example
 * console.log(bulletinToText(buildBulletin(plan, matrix, occurrences, ledger, asOf)));
 */
export const bulletinToText = (bulletin: Bulletin): string => {
  argument("bulletinToText", "bulletin", BulletinShape, bulletin);
  const t = bulletin.totals;
  const lines: string[] = [];
  lines.push(`${bulletin.title}`, `工作进展通报（截至${dateZh(bulletin.asOf)}）`, "");
  lines.push("一、总体情况");
  lines.push(
    `截至${dateZh(bulletin.asOf)}，各单位已到期或已完成的工作节点中：按时完成${t.doneOnTime}项，逾期完成${t.doneLate}项，逾期未完成${t.overdue}项${t.dueSoon > 0 ? `；另有${t.dueSoon}项将在${bulletin.horizonDays}日内到期` : ""}。`,
    ...(bulletin.emptyGroups !== undefined && bulletin.emptyGroups.length > 0
      ? [`另有${bulletin.emptyGroups.length}个时间节点的责任单位组（${[...new Set(bulletin.emptyGroups.flatMap((g) => g.groups))].join("、")}）尚无成员，未计入任何单位，请在名录中补充。`]
      : []),
    "",
  );
  const section = (no: number, heading: string, pick: (u: BulletinUnit) => readonly BulletinItem[], extra: (i: BulletinItem) => string) => {
    lines.push(`${formatChineseNumeral(no)}、${heading}`);
    const units = bulletin.units.filter((u) => pick(u).length > 0);
    if (units.length === 0) lines.push("无。");
    units.forEach((u, k) => {
      lines.push(`（${formatChineseNumeral(k + 1)}）${u.name}（${pick(u).length}项）`);
      [...pick(u)].sort((a, b) => compareIsoDate(a.due ?? "9999-12-31", b.due ?? "9999-12-31") || a.taskNo - b.taskNo).forEach((i, n) => lines.push(itemZh(i, n + 1, extra(i))));
    });
    lines.push("");
  };
  section(2, "逾期未完成", (u) => u.overdue, (i) => (i.daysLate !== undefined ? `，已逾期${i.daysLate}天` : ""));
  section(3, `近期到期（${bulletin.horizonDays}日内）`, (u) => u.dueSoon, () => "");
  section(4, "逾期完成", (u) => u.doneLate, (i) => (i.daysLate !== undefined ? `，逾期${i.daysLate}天完成` : ""));
  lines.push("五、按时完成");
  const onTime = bulletin.units.filter((u) => u.doneOnTime.length > 0);
  lines.push(onTime.length === 0 ? "无。" : `${onTime.map((u) => `${u.name}${u.doneOnTime.length}项`).join("，")}。`);
  if (t.overdue > 0) lines.push("", "请逾期单位抓紧落实，并于完成后在工作台账中报送佐证材料。");
  return `${lines.join("\n")}\n`;
};
