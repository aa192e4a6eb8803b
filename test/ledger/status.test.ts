import { describe, expect, it } from "vitest";
import { buildBulletin, bulletinToText } from "../../src/ledger/bulletin.js";
import { emptyLedger, recordMany } from "../../src/ledger/ledger.js";
import { OccurrenceStatusShape, occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate, addDays } from "../../src/model/dates.js";
import type { Ledger } from "../../src/model/ledger.js";
import { Occurrence } from "../../src/model/schedule.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { chinaWorkdayCalendar } from "../../src/schedule/workdays.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedContext } from "../support/context.js";
import { lazy } from "../support/lazy.js";

const ctx = seedContext("2024-12-31");
const Q = (n: number) => `wuzhi-2024.t23.r2.2024-Q${n}`;
const make = (entries: Array<Record<string, unknown>>): Ledger => {
  const r = recordMany(emptyLedger(ctx.plan.id), entries, ctx);
  if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
  return r.ledger;
};
const t23 = (id: string, date: string, extra: Record<string, unknown> = {}) => ({ id, unitId: "sfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2", date, kind: "done", ...extra });
const ledger = lazy(() => make([
  t23("q1", "2024-03-20"), // on time, matched by its date
  t23("q2", "2024-07-05", { occurrenceId: Q(2) }), // late, names its occurrence
  { id: "train", unitId: "sfj", taskId: "wuzhi-2024.t13", requirementId: "wuzhi-2024.t13.r2", date: "2024-06-30", kind: "done" },
  { id: "lecture1", unitId: "sfj", taskId: "wuzhi-2024.t35", requirementId: "wuzhi-2024.t35.r2", date: "2024-05-10", kind: "held" },
  { id: "p", unitId: "sfj", taskId: "wuzhi-2024.t23", requirementId: "wuzhi-2024.t23.r2", date: "2024-08-01", kind: "progress" },
]));
const byId = (asOf: string, unit = "sfj") =>
  new Map(occurrenceStatus(ctx.occurrences, ledger(), IsoDate.parse(asOf)).filter((s) => s.unitId === unit).map((s) => [s.occurrenceId as string, s]));

describe("occurrenceStatus", () => {
  it("tells on time, late, overdue, due soon and upcoming, with the settling entries", () => {
    const s = byId("2024-07-15");
    expect(s.get(Q(1))).toMatchObject({ status: "done_on_time", entries: ["q1"], settledOn: "2024-03-20" });
    expect(s.get(Q(2))).toMatchObject({ status: "done_late", entries: ["q2"], daysLate: 5 });
    expect(s.get(Q(3))).toMatchObject({ status: "upcoming", entries: [] });
    expect(s.get("wuzhi-2024.t13.r2.2024")).toMatchObject({ status: "done_on_time", entries: ["train"] });
    expect(s.get("wuzhi-2024.t13.r1.2024")).toMatchObject({ status: "upcoming" });
    const soon = byId("2024-09-25");
    expect(soon.get(Q(3))!.status).toBe("due_soon");
    expect(soon.get("wuzhi-2024.t13.r1.2024")!.status).toBe("due_soon");
    expect(byId("2024-10-03").get(Q(3))).toMatchObject({ status: "overdue", daysLate: 3 });
  });

  it("counts quota events and ignores progress reports and future entries", () => {
    const lectures = byId("2024-07-15").get("wuzhi-2024.t35.r2.2024")!;
    expect(lectures).toMatchObject({ status: "upcoming", done: 1, needed: 2, entries: ["lecture1"] });
    expect(byId("2024-03-01").get(Q(1))!.entries).toEqual([]);
  });

  it("each bound unit has its own status", () => {
    const other = byId("2024-07-15", "zfb");
    expect(other.get("wuzhi-2024.t21.r1.2024")).toBeDefined();
    expect(other.get(Q(1))).toBeUndefined(); // 县政府办 is not bound by task 23
  });
});

describe("bulletin", () => {
  const bulletin = lazy(() => buildBulletin(ctx.plan, ctx.matrix, ctx.occurrences, ledger(), IsoDate.parse("2024-07-15")));

  it("groups items per unit, most overdue first", () => {
    const b = bulletin();
    expect(b.totals.doneLate).toBe(1);
    const sfj = b.units.find((u) => u.name === "县司法局")!;
    expect(sfj.doneOnTime.map((i) => i.occurrenceId)).toEqual(expect.arrayContaining([Q(1), "wuzhi-2024.t13.r2.2024"]));
    expect(sfj.doneLate.map((i) => i.occurrenceId)).toEqual([Q(2)]);
    expect(b.units[0]!.overdue.length).toBeGreaterThanOrEqual(b.units.at(-1)!.overdue.length);
  });

  it("renders Chinese text a clerk can send", () => {
    const text = bulletinToText(bulletin());
    expect(text).toContain("工作进展通报（截至2024年7月15日）");
    expect(text).toContain("一、总体情况");
    expect(text).toContain("四、逾期完成");
    expect(text).toContain("任务23“强化行政执法监督”：开展一次执法监督，并将监督情况予以通报（2024年第2季度，截止2024年6月30日，逾期5天完成）");
    expect(text.endsWith("\n")).toBe(true);
  });
});

describe("occurrenceStatus: one pass, late reports, joint leads", () => {
  const raw = (entries: Array<Record<string, unknown>>): Ledger => ({ planId: ctx.plan.id, entries }) as unknown as Ledger;
  const status = (ledger: Ledger, asOf: string, options = {}) => occurrenceStatus(ctx.occurrences, ledger, IsoDate.parse(asOf), options);

  it("a late completion that names no occurrence completes the one it is late for", () => {
    // 6月底前完成执法人员全员轮训 (t13.r2, due 2024-06-30), reported on 2024-07-10 without an occurrenceId.
    const late = raw([{ id: "t", unitId: "sfj", taskId: "wuzhi-2024.t13", requirementId: "wuzhi-2024.t13.r2", date: "2024-07-10", kind: "done" }]);
    expect(status(late, "2024-12-31").find((s) => s.occurrenceId === "wuzhi-2024.t13.r2.2024" && s.unitId === "sfj")).toMatchObject({ status: "done_late", daysLate: 10, entries: ["t"] });
    // A fourth-quarter report made in January: Q4 (the latest due before it and still open), not Q3.
    const january = raw([t23("jan", "2025-01-08")]);
    const s = status(january, "2025-01-15");
    expect(s.find((x) => x.occurrenceId === Q(4) && x.unitId === "sfj")).toMatchObject({ status: "done_late", daysLate: 8 });
    expect(s.find((x) => x.occurrenceId === Q(3) && x.unitId === "sfj")).toMatchObject({ status: "overdue" });
  });

  it("a completion by one joint lead completes the occurrence for every lead, unless each reports for itself", () => {
    // （三十五）每年举办两期以上法治专题讲座 — leads 县委组织部、县委编办、县财政局、县司法局.
    const lecture = (id: string, unitId: string, date: string) => ({ id, unitId, taskId: "wuzhi-2024.t35", requirementId: "wuzhi-2024.t35.r2", date, kind: "held" });
    const ledger2 = raw([lecture("l1", "sfj", "2024-05-10"), lecture("l2", "xw-zzb", "2024-10-10")]);
    const rows = (options: object) => status(ledger2, "2024-12-31", options).filter((s) => s.occurrenceId === "wuzhi-2024.t35.r2.2024").map((s) => [s.unitId, s.status, s.done]);
    expect(rows({ matrix: ctx.matrix })).toEqual([
      ["xwbb", "done_on_time", 2],
      ["sfj", "done_on_time", 2],
      ["czj", "done_on_time", 2],
      ["xw-zzb", "done_on_time", 2],
    ]);
    expect(rows({ matrix: ctx.matrix, jointLeads: "each" })).toEqual([
      ["xwbb", "due_soon", 0],
      ["sfj", "due_soon", 1],
      ["czj", "due_soon", 0],
      ["xw-zzb", "due_soon", 1],
    ]);
  });

  it("the same ledger gives the same statuses whatever the order of its entries", () => {
    const forward = status(ledger(), "2024-12-31");
    const backward = status({ ...ledger(), entries: [...ledger().entries].reverse() }, "2024-12-31");
    expect(backward).toEqual(forward);
  });
});

describe("occurrenceStatus on hand-made occurrences", () => {
  // One quota of `count` events in 2024 for unit u1 (the occurrence as expandSchedule writes it).
  const quota = (count: number, over: Record<string, unknown> = {}) =>
    Occurrence.parse({ id: "p.t01.r1.2024", requirementId: "p.t01.r1", taskId: "p.t01", taskNo: 1, kind: "quota", label: "2024年", action: "开展活动", window: { from: "2024-01-01", to: "2024-12-31" }, due: "2024-12-31", count, unitIds: ["u1"], ...over });
  const entry = (id: string, date: string, kind = "held", over: Record<string, unknown> = {}) => ({ id, unitId: "u1", taskId: "p.t01", requirementId: "p.t01.r1", date, kind, ...over });
  const statusOf = (o: Occurrence | Occurrence[], entries: unknown[], asOf = "2024-12-31") =>
    occurrenceStatus(Array.isArray(o) ? o : [o], { planId: "p", entries } as unknown as Ledger, IsoDate.parse(asOf));

  it("counts the events in date order (then id), whatever the ledger's order, and settles on the one that reaches the count", () => {
    const entries = [entry("e3", "2024-06-01"), entry("e1", "2024-02-01"), entry("p", "2024-01-15", "progress"), entry("e2b", "2024-03-01"), entry("e2a", "2024-03-01"), entry("e4", "2024-07-01")];
    expect(statusOf(quota(3), entries)).toEqual([{ occurrenceId: "p.t01.r1.2024", unitId: "u1", status: "done_on_time", done: 3, needed: 3, entries: ["e1", "e2a", "e2b"], settledOn: "2024-03-01" }]);
    expect(statusOf(quota(4), entries)[0]).toMatchObject({ done: 4, entries: ["e1", "e2a", "e2b", "e3"], settledOn: "2024-06-01" });
    expect(statusOf(quota(6), entries)[0]).toMatchObject({ status: "due_soon", done: 5, needed: 6, entries: ["e1", "e2a", "e2b", "e3", "e4"] });
    expect(statusOf(quota(6), entries)[0]!.settledOn).toBeUndefined();
  });

  it("a long quota (more than 8 events) is counted in the same order", () => {
    const dates = Array.from({ length: 12 }, (_, i) => `2024-${String(12 - i).padStart(2, "0")}-10`); // December first
    const entries = [...dates.map((d, i) => entry(`m${12 - i}`, d)), entry("late", "2024-12-10", "progress")];
    const ten = statusOf(quota(10), entries)[0]!;
    expect(ten).toMatchObject({ status: "done_on_time", done: 10, settledOn: "2024-10-10" });
    expect(ten.entries).toEqual(["m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"]);
    expect(statusOf(quota(13), entries, "2025-01-05")[0]).toMatchObject({ status: "overdue", done: 12, needed: 13, daysLate: 5 });
  });

  it("a held event counts its count; done counts as the whole quota unless it says how many; done never exceeds needed", () => {
    expect(statusOf(quota(3), [entry("a", "2024-02-01", "held", { count: 2 })])[0]).toMatchObject({ done: 2, status: "due_soon" });
    expect(statusOf(quota(3), [entry("a", "2024-02-01", "held", { count: 5 })])[0]).toMatchObject({ done: 3, status: "done_on_time", settledOn: "2024-02-01" });
    expect(statusOf(quota(3), [entry("a", "2024-02-01", "done")])[0]).toMatchObject({ done: 3, status: "done_on_time" });
    expect(statusOf(quota(3), [entry("a", "2024-02-01", "done", { count: 1 })])[0]).toMatchObject({ done: 1, status: "due_soon" });
    expect(statusOf(quota(3), [entry("a", "2024-02-01", "progress")])[0]).toMatchObject({ done: 0, entries: [] });
  });

  it("an occurrence bound to no unit has one row, without a unit, that any unit's report settles", () => {
    const rows = statusOf(quota(1, { unitIds: [] }), [entry("a", "2024-02-01", "held", { unitId: "someone" })]);
    expect(rows).toEqual([{ occurrenceId: "p.t01.r1.2024", status: "done_on_time", done: 1, needed: 1, entries: ["a"], settledOn: "2024-02-01" }]);
    expect(statusOf(quota(1, { unitIds: [] }), [], "2024-06-01")).toEqual([{ occurrenceId: "p.t01.r1.2024", status: "upcoming", done: 0, needed: 1, entries: [] }]);
  });

  it("an undated (on-event) occurrence is undated until a report, which settles it on time", () => {
    const onEvent = quota(1, { kind: "on_event", window: undefined, due: undefined });
    expect(statusOf(onEvent, [])[0]).toMatchObject({ status: "undated", done: 0 });
    expect(statusOf(onEvent, [entry("a", "2024-11-30", "done")])[0]).toEqual({ occurrenceId: "p.t01.r1.2024", unitId: "u1", status: "done_on_time", done: 1, needed: 1, entries: ["a"], settledOn: "2024-11-30" });
  });

  it("ignores a report naming an occurrence of another task, and one that names no requirement or an unknown one", () => {
    const o = quota(1);
    expect(statusOf(o, [entry("a", "2024-02-01", "done", { occurrenceId: "p.t01.r1.2024", taskId: "p.t02", requirementId: undefined })])[0]!.entries).toEqual([]);
    expect(statusOf(o, [entry("a", "2024-02-01", "done", { occurrenceId: "p.t01.r1.2024" })])[0]!.entries).toEqual(["a"]);
    expect(statusOf(o, [entry("a", "2024-02-01", "done", { requirementId: undefined })])[0]!.entries).toEqual([]);
    expect(statusOf(o, [entry("a", "2024-02-01", "done", { requirementId: "p.t01.r9" })])[0]!.entries).toEqual([]);
    expect(statusOf(o, [entry("a", "2024-02-01", "done", { taskId: "p.t02" })])[0]!.entries).toEqual([]);
  });

  it("a repeated entry id counts once, the first one, in a ledger of any length", () => {
    const others = Array.from({ length: 40 }, (_, i) => entry(`x${i}`, "2024-02-01", "progress"));
    expect(statusOf(quota(1), [...others, entry("d", "2024-03-01", "progress"), entry("d", "2024-03-02", "done")])[0]!.entries).toEqual([]);
    expect(statusOf(quota(1), [...others, entry("d", "2024-03-01", "done"), entry("d", "2024-03-02", "progress")])[0]).toMatchObject({ entries: ["d"], settledOn: "2024-03-01" });
    expect(statusOf(quota(2), [entry("d", "2024-03-01"), ...others, entry("d", "2024-03-02")])[0]).toMatchObject({ done: 1, entries: ["d"] });
  });

  it("a late report with no occurrence goes to the latest open occurrence due before it; the next one to the one before", () => {
    const quarter = (q: number, from: string, to: string) => quota(1, { id: `p.t01.r1.2024-Q${q}`, kind: "recurring", label: `2024年第${q}季度`, window: { from, to }, due: to });
    // Listed out of window order, as a caller may give them.
    const quarters = [quarter(4, "2024-10-01", "2024-12-31"), quarter(2, "2024-04-01", "2024-06-30"), quarter(3, "2024-07-01", "2024-09-30")];
    const rows = statusOf(quarters, [entry("j2", "2025-01-09", "done"), entry("j1", "2025-01-08", "done")], "2025-01-15");
    expect(rows.map((r) => [r.occurrenceId, r.status, r.entries, r.daysLate])).toEqual([
      ["p.t01.r1.2024-Q4", "done_late", ["j1"], 8],
      ["p.t01.r1.2024-Q2", "overdue", [], 199],
      ["p.t01.r1.2024-Q3", "done_late", ["j2"], 101],
    ]);
    // A report inside a window is that window's, on time, even when an earlier quarter is open.
    const inWindow = statusOf(quarters, [entry("a", "2024-08-01", "done")], "2024-12-31");
    expect(inWindow.map((r) => [r.occurrenceId, r.status])).toEqual([
      ["p.t01.r1.2024-Q4", "due_soon"],
      ["p.t01.r1.2024-Q2", "overdue"],
      ["p.t01.r1.2024-Q3", "done_on_time"],
    ]);
  });

  it("a report after the window, on or before a due date a rest day moved past the window's end, meets that deadline", () => {
    // dueOnRestDay "next": 2024-06-30 was a Sunday, so Q2 is due Monday 07-01, the first day of Q3's window.
    const quarter = (q: number, from: string, to: string, due = to) => quota(1, { id: `p.t01.r1.2024-Q${q}`, kind: "recurring", label: `2024年第${q}季度`, window: { from, to }, due });
    const quarters = [quarter(2, "2024-04-01", "2024-06-30", "2024-07-01"), quarter(3, "2024-07-01", "2024-09-30"), quarter(4, "2024-10-01", "2024-12-31", "2025-01-02")];
    const rows = (entries: unknown[], asOf: string) => statusOf(quarters, entries, asOf).map((r) => [r.occurrenceId.slice(-2), r.status, r.entries]);
    // Q2 not yet done: the 07-01 report is Q2's, on time, and not also Q3's.
    expect(rows([entry("a", "2024-07-01", "done")], "2024-07-15")).toEqual([["Q2", "done_on_time", ["a"]], ["Q3", "upcoming", []], ["Q4", "upcoming", []]]);
    // Q2 done in its window: the 07-01 report is Q3's, as any report in Q3's window.
    expect(rows([entry("b", "2024-06-15", "done"), entry("a", "2024-07-01", "done")], "2024-07-15")).toEqual([["Q2", "done_on_time", ["b"]], ["Q3", "done_on_time", ["a"]], ["Q4", "upcoming", []]]);
    // Two reports on the moved due date: the first (by id) meets Q2's deadline, the second is Q3's.
    expect(rows([entry("a2", "2024-07-01", "done"), entry("a1", "2024-07-01", "done")], "2024-07-15")).toEqual([["Q2", "done_on_time", ["a1"]], ["Q3", "done_on_time", ["a2"]], ["Q4", "upcoming", []]]);
    // A day after the moved due date is Q3's window only: Q2 stays overdue.
    expect(rows([entry("c", "2024-07-02", "done")], "2024-07-15")).toEqual([["Q2", "overdue", []], ["Q3", "done_on_time", ["c"]], ["Q4", "upcoming", []]]);
    // Q4 due 2025-01-02, after every window: a report that day is Q4's on time; with Q4 done, it is a late report for the open Q2.
    expect(rows([entry("d", "2024-05-01", "done"), entry("e", "2024-08-01", "done"), entry("f", "2025-01-02", "done")], "2025-01-15")).toEqual([["Q2", "done_on_time", ["d"]], ["Q3", "done_on_time", ["e"]], ["Q4", "done_on_time", ["f"]]]);
    expect(rows([entry("e", "2024-08-01", "done"), entry("g", "2024-12-01", "done"), entry("f", "2025-01-02", "done")], "2025-01-15")).toEqual([["Q2", "done_late", ["f"]], ["Q3", "done_on_time", ["e"]], ["Q4", "done_on_time", ["g"]]]);
  });

  it("the seed with the national calendar and dueOnRestDay next: a report on a moved due date is on time, and the next period still open", () => {
    const { plan, matrix } = ctx;
    const occurrences = expandSchedule(plan, { matrix, calendar: chinaWorkdayCalendar(), dueOnRestDay: "next" });
    // An occurrence the rest days pushed past its window, and the next one of its requirement.
    const moved = occurrences.find((o) => o.window !== undefined && o.due !== undefined && o.due > o.window.to && o.unitIds.length > 0);
    expect(moved).toBeDefined();
    const o = moved as Occurrence;
    const next = occurrences.find((x) => x.requirementId === o.requirementId && x.window?.from === addDays(o.window?.to as IsoDate, 1));
    const unitId = o.unitIds[0] as string;
    const r = recordMany(emptyLedger(plan.id), [{ id: "on-the-moved-day", unitId, taskId: o.taskId, requirementId: o.requirementId, date: o.due, kind: "done" }], { plan, matrix, occurrences, asOf: o.due as IsoDate });
    if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
    const rows = occurrenceStatus(occurrences, r.ledger, o.due as IsoDate).filter((s) => s.unitId === unitId);
    expect(rows.find((s) => s.occurrenceId === o.id)).toMatchObject({ status: "done_on_time", entries: ["on-the-moved-day"], settledOn: o.due });
    expect(next).toBeDefined();
    expect(rows.find((s) => s.occurrenceId === (next as Occurrence).id)).toMatchObject({ done: 0, entries: [] });
  });

  it("refuses options that are not what they say", () => {
    for (const options of [{ dueSoonDays: -1 }, { dueSoonDays: 1.5 }, { jointLeads: "all" }, { matrix: {} }]) {
      expect(() => occurrenceStatus([quota(1)], { planId: "p", entries: [] } as unknown as Ledger, IsoDate.parse("2024-01-01"), options as never)).toThrow(
        expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining(`options.${Object.keys(options)[0]}`) }),
      );
    }
  });
});

describe("the status rows as other functions accept them (OccurrenceStatusShape, used by renderReport)", () => {
  it("takes every row occurrenceStatus gives, and refuses rows it never gives", () => {
    const rows = occurrenceStatus(ctx.occurrences, ledger(), IsoDate.parse("2024-07-15"));
    expect(rows.every((r) => OccurrenceStatusShape.safeParse(r).success)).toBe(true);
    const row = rows.find((r) => r.status === "done_late")!;
    const bad: Array<Record<string, unknown>> = [
      { status: "late" },
      { done: -1 },
      { done: 0.5 },
      { needed: -1 },
      { needed: 1.5 },
      { entries: "q2" },
      { entries: [5] },
      { settledOn: "2024-7-5" },
      { daysLate: -5 },
      { daysLate: 0.5 },
      { unitId: "" },
      { occurrenceId: "" },
    ];
    for (const over of bad) expect(OccurrenceStatusShape.safeParse({ ...row, ...over }).success, JSON.stringify(over)).toBe(false);
    for (const status of ["upcoming", "due_soon", "overdue", "done_on_time", "done_late", "undated"]) expect(OccurrenceStatusShape.safeParse({ ...row, status }).success).toBe(true);
    const { unitId: _u, settledOn: _s, daysLate: _d, ...bare } = row;
    expect(OccurrenceStatusShape.safeParse(bare).success).toBe(true);
  });
});

describe("joint leads are the leads of the occurrence's own clause", () => {
  it("a unit that leads another clause of the task but is only responsible in this one reports for itself", () => {
    const text = "某县2024年法治政府建设工作安排\n一、甲\n（一）任务一。6月底前完成清理工作。\n牵头单位：县司法局\n责任单位：县财政局\n9月底前完成检查工作。\n牵头单位：县财政局、县审计局\n责任单位：县司法局\n";
    const { plan } = parsePlanText(text, { id: "j-2024" });
    const { roster } = inferRoster(plan);
    const matrix = buildMatrix(plan, roster);
    const occurrences = expandSchedule(plan, { matrix });
    const id = (name: string) => roster.units.find((u) => u.name === name)!.id;
    const report = (unit: string, requirement: string, date: string) => ({ id: `${id(unit)}-${requirement}`, unitId: id(unit), taskId: "j-2024.t01", requirementId: `j-2024.t01.${requirement}`, date, kind: "done" });
    const ledger2 = { planId: plan.id, entries: [report("县司法局", "r1", "2024-06-10"), report("县审计局", "r2", "2024-09-10")] } as unknown as Ledger;
    const rows = occurrenceStatus(occurrences, ledger2, IsoDate.parse("2024-10-15"), { matrix }).map((s) => [s.occurrenceId, roster.units.find((u) => u.id === s.unitId)?.name, s.status]);
    expect(rows).toEqual([
      ["j-2024.t01.r1.2024", "县司法局", "done_on_time"],
      ["j-2024.t01.r1.2024", "县财政局", "overdue"], // responsible here: 县司法局's report is not its own
      ["j-2024.t01.r2.2024", "县司法局", "overdue"], // responsible in clause 2: the leads' report is not its own
      ["j-2024.t01.r2.2024", "县财政局", "done_on_time"], // a joint lead of clause 2 with 县审计局
      ["j-2024.t01.r2.2024", "县审计局", "done_on_time"],
    ]);
  });
});

describe("occurrenceStatus: what the status.ts mutation run found untested", () => {
  const quarter = (q: number, from: string, to: string) =>
    Occurrence.parse({ id: `p.t01.r1.2024-Q${q}`, requirementId: "p.t01.r1", taskId: "p.t01", taskNo: 1, kind: "recurring", label: `2024年第${q}季度`, action: "检查", window: { from, to }, due: to, count: 1, unitIds: ["u1"] });
  const quarters = () => [quarter(1, "2024-01-01", "2024-03-31"), quarter(2, "2024-04-01", "2024-06-30"), quarter(3, "2024-07-01", "2024-09-30"), quarter(4, "2024-10-01", "2024-12-31")];
  const done = (id: string, date: string, over: Record<string, unknown> = {}) => ({ id, unitId: "u1", taskId: "p.t01", requirementId: "p.t01.r1", date, kind: "done", ...over });
  const rows = (occurrences: Occurrence[], entries: unknown[], asOf: string, options?: object) =>
    occurrenceStatus(occurrences, { planId: "p", entries } as unknown as Ledger, IsoDate.parse(asOf), options).map((s) => [s.occurrenceId.slice(-2), s.status, s.entries.join(",")]);

  it("a report on a window's first day is that window's", () => {
    expect(rows(quarters(), [done("a", "2024-04-01")], "2024-05-01")).toEqual([
      ["Q1", "overdue", ""],
      ["Q2", "done_on_time", "a"],
      ["Q3", "upcoming", ""],
      ["Q4", "upcoming", ""],
    ]);
  });

  it("a late report skips an occurrence already done within its window, and one dated before every window counts for nothing", () => {
    expect(rows(quarters(), [done("dec", "2024-12-10"), done("jan", "2025-01-08")], "2025-01-15")).toEqual([
      ["Q1", "overdue", ""],
      ["Q2", "overdue", ""],
      ["Q3", "done_late", "jan"],
      ["Q4", "done_on_time", "dec"],
    ]);
    expect(rows(quarters(), [done("early", "2023-12-20")], "2025-01-15").map((r) => r[2])).toEqual(["", "", "", ""]);
  });

  it("statuses for some of the occurrences ignore reports naming the others", () => {
    expect(rows(quarters().slice(0, 2), [done("a", "2024-08-01", { occurrenceId: "p.t01.r1.2024-Q3" }), done("b", "2024-05-01", { occurrenceId: "p.t01.r1.2024-Q2" })], "2024-09-01")).toEqual([
      ["Q1", "overdue", ""],
      ["Q2", "done_on_time", "b"],
    ]);
  });

  it("the occurrences of two years together: each year's on-event item takes the reports of its requirement", () => {
    const event = (year: number) => Occurrence.parse({ id: `p.t01.r1.${year}-event`, requirementId: "p.t01.r1", taskId: "p.t01", taskNo: 1, kind: "on_event", label: "及时（随事件）", action: "报告", count: 1, unitIds: ["u1"] });
    expect(rows([event(2024), event(2025)], [done("a", "2024-03-01")], "2025-06-01")).toEqual([
      ["nt", "done_on_time", "a"],
      ["nt", "done_on_time", "a"],
    ]);
  });

  it("orders the events of a quota by date, whatever their ids, in short and long quotas alike; progress reports never count", () => {
    const quota = (count: number) => Occurrence.parse({ id: "p.t01.r1.2024", requirementId: "p.t01.r1", taskId: "p.t01", taskNo: 1, kind: "quota", label: "2024年", action: "开展活动", window: { from: "2024-01-01", to: "2024-12-31" }, due: "2024-12-31", count, unitIds: ["u1"] });
    const held = (id: string, date: string) => ({ ...done(id, date), kind: "held" });
    const entries = [held("c", "2024-02-01"), held("b", "2024-03-01"), held("y", "2024-04-01"), held("x", "2024-04-01"), held("a", "2024-06-01"), done("p", "2024-01-15", { kind: "progress" })];
    expect(rows([quota(4)], entries, "2024-12-01")).toEqual([["24", "done_on_time", "c,b,x,y"]]);
    const many = [...entries, ...Array.from({ length: 6 }, (_, i) => held(`z${i}`, `2024-07-0${i + 1}`))];
    expect(rows([quota(10)], many, "2024-12-01")).toEqual([["24", "done_on_time", "c,b,x,y,a,z0,z1,z2,z3,z4"]]);
    expect(rows([quota(12)], many, "2024-12-01")).toEqual([["24", "upcoming", "c,b,x,y,a,z0,z1,z2,z3,z4,z5"]]);
  });

  it("jointLeads shared is accepted by name; each refusal names the function, the argument and what it must be", () => {
    const occurrences = quarters();
    const ledger0 = { planId: "p", entries: [] } as unknown as Ledger;
    const asOf = IsoDate.parse("2024-05-01");
    expect(occurrenceStatus(occurrences, ledger0, asOf, { jointLeads: "shared" })).toHaveLength(4);
    expect(occurrenceStatus(occurrences, ledger0, asOf, { jointLeads: "each" })).toHaveLength(4);
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as Error).message, (e as { messageEn: string }).messageEn];
      }
      return [];
    };
    expect(message(() => occurrenceStatus(occurrences, ledger0, asOf, { dueSoonDays: -1 }))).toEqual([
      "occurrenceStatus：参数 options.dueSoonDays 不正确：应为非负整数 (occurrenceStatus: bad argument options.dueSoonDays: must be a non-negative integer)",
      "occurrenceStatus: bad argument options.dueSoonDays: must be a non-negative integer",
    ]);
    expect(message(() => occurrenceStatus(occurrences, ledger0, asOf, { jointLeads: "all" } as never))).toEqual([
      'occurrenceStatus：参数 options.jointLeads 不正确：应为 shared 或 each (occurrenceStatus: bad argument options.jointLeads: must be "shared" or "each")',
      'occurrenceStatus: bad argument options.jointLeads: must be "shared" or "each"',
    ]);
    expect(message(() => occurrenceStatus([{}] as never, ledger0, asOf))[0]).toMatch(/^occurrenceStatus：参数 occurrences 不正确：/);
    expect(message(() => occurrenceStatus(occurrences, {} as never, asOf))[0]).toMatch(/^occurrenceStatus：参数 ledger 不正确：/);
    expect(message(() => occurrenceStatus(occurrences, ledger0, "2024-5-1" as never))[0]).toMatch(/^occurrenceStatus：参数 asOf 不正确：/);
  });

  it("a row has a unit, a settling date and days late only when it has them", () => {
    const keys = (entries: unknown[], asOf: string, unitIds = ["u1"]) => occurrenceStatus([{ ...quarters()[0]!, unitIds }] as never, { planId: "p", entries } as unknown as Ledger, IsoDate.parse(asOf)).map((r) => Object.keys(r));
    expect(keys([], "2024-02-01")).toEqual([["occurrenceId", "status", "done", "needed", "entries", "unitId"]]);
    expect(keys([], "2024-02-01", [])).toEqual([["occurrenceId", "status", "done", "needed", "entries"]]);
    expect(keys([done("a", "2024-03-01")], "2024-05-01")).toEqual([["occurrenceId", "status", "done", "needed", "entries", "unitId", "settledOn"]]);
    expect(keys([], "2024-05-01")).toEqual([["occurrenceId", "status", "done", "needed", "entries", "unitId", "daysLate"]]);
  });
});

describe("occurrenceStatus: what the whole-scope ledger run found untested", () => {
  const occurrence = (id: string, window: { from: string; to: string } | undefined, due: string | undefined, over: Record<string, unknown> = {}) =>
    Occurrence.parse({ id, requirementId: "p.t01.r1", taskId: "p.t01", taskNo: 1, kind: "recurring", label: id.slice(-2), action: "检查", ...(window === undefined ? {} : { window }), ...(due === undefined ? {} : { due }), count: 1, unitIds: ["u1"], ...over });
  const done = (id: string, date: string, unitId = "u1") => ({ id, unitId, taskId: "p.t01", requirementId: "p.t01.r1", date, kind: "done" });
  const rows = (occurrences: Occurrence[], entries: unknown[], asOf: string, options?: object) =>
    occurrenceStatus(occurrences, { planId: "p", entries } as unknown as Ledger, IsoDate.parse(asOf), options).map((s) => [s.occurrenceId.slice(-2), s.unitId, s.status, s.entries.join(","), s.daysLate]);

  it("a late report completes an occurrence already due before it, never one without a due date, even with a later window", () => {
    // Q3 as a caller may write it: a window and no due date. The October report is late for Q2.
    const q2 = occurrence("p.t01.r1.2024-Q2", { from: "2024-04-01", to: "2024-06-30" }, "2024-06-30");
    const q3 = occurrence("p.t01.r1.2024-Q3", { from: "2024-07-01", to: "2024-09-30" }, undefined);
    expect(rows([q2, q3], [done("oct", "2024-10-05")], "2024-10-15")).toEqual([
      ["Q2", "u1", "done_late", "oct", 97],
      ["Q3", "u1", "undated", "", undefined],
    ]);
  });

  it("a late report counts only for its own task's occurrences, even where another task's occurrences share its requirement id", () => {
    const q2 = occurrence("p.t01.r1.2024-Q2", { from: "2024-04-01", to: "2024-06-30" }, "2024-06-30");
    const other = occurrence("p.t02.r1.2024-Q3", { from: "2024-07-01", to: "2024-09-30" }, "2024-09-30", { taskId: "p.t02", taskNo: 2 });
    expect(rows([q2, other], [done("oct", "2024-10-05")], "2024-10-15")).toEqual([
      ["Q2", "u1", "done_late", "oct", 97],
      ["Q3", "u1", "overdue", "", 15],
    ]);
  });

  describe("joint leads: only the definite leads, of the task when the occurrence names no clause", () => {
    const unit = (id: string, name: string) => ({ id, name, kind: "government_department" });
    const cell = (unitId: string, certainty: "definite" | "candidate") =>
      ({ unitId, taskId: "p.t01", clauseId: "p.t01.c1", role: "lead", certainty, origin: certainty === "definite" ? { kind: "direct", text: unitId } : { kind: "group", groupId: "relevant", text: "有关部门" } });
    // 县司法局 and 县财政局 lead for certain; 县审计局 only as a candidate (a member of a group the clause names).
    const matrix = () => ({
      planId: "p",
      units: [unit("sfj", "县司法局"), unit("czj", "县财政局"), unit("sjj", "县审计局")],
      tasks: [{ id: "p.t01", no: 1, title: "任务一" }],
      cells: [cell("sfj", "definite"), cell("czj", "definite"), cell("sjj", "candidate")],
      diagnostics: [],
    });
    const year = () => occurrence("p.t01.r1.2024", { from: "2024-01-01", to: "2024-12-31" }, "2024-12-31", { kind: "deadline", unitIds: ["sfj", "czj", "sjj"] });

    it("a definite lead's report completes the occurrence for the other definite lead, not for a candidate lead", () => {
      expect(rows([year()], [done("a", "2024-03-01", "sfj")], "2024-06-01", { matrix: matrix() })).toEqual([
        ["24", "sfj", "done_on_time", "a", undefined],
        ["24", "czj", "done_on_time", "a", undefined],
        ["24", "sjj", "upcoming", "", undefined],
      ]);
      // Each reporting for itself, or without a matrix, only the reporting unit is done.
      for (const options of [{ matrix: matrix(), jointLeads: "each" }, undefined]) {
        expect(rows([year()], [done("a", "2024-03-01", "sfj")], "2024-06-01", options).map((r) => r[2])).toEqual(["done_on_time", "upcoming", "upcoming"]);
      }
    });
  });
});
