import { describe, expect, it } from "vitest";
import { buildBulletin, bulletinToText } from "../../src/ledger/bulletin.js";
import { emptyLedger, recordMany } from "../../src/ledger/ledger.js";
import { IsoDate } from "../../src/model/dates.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedContext } from "../support/context.js";
import { world } from "../support/small-world.js";

const ctx = seedContext();
const textAsOf = (asOf: string, horizonDays?: number) =>
  bulletinToText(buildBulletin(ctx.plan, ctx.matrix, ctx.occurrences, emptyLedger(ctx.plan.id), IsoDate.parse(asOf), horizonDays !== undefined ? { horizonDays } : {}));

describe("bulletinToText wording", () => {
  it("with nothing overdue and nothing due soon: no 另有0项 and no call on overdue units", () => {
    const text = textAsOf("2024-01-02");
    expect(text).toContain("逾期未完成0项。");
    expect(text).not.toContain("另有0项");
    expect(text).not.toContain("请逾期单位抓紧落实");
  });

  it("says how many are due soon when some are", () => {
    expect(textAsOf("2024-06-20")).toMatch(/；另有\d+项将在14日内到期。/);
  });

  it("calls on the overdue units when some are overdue", () => {
    const text = textAsOf("2024-07-15");
    expect(text).toMatch(/逾期未完成[1-9]\d*项/);
    expect(text.trimEnd().endsWith("请逾期单位抓紧落实，并于完成后在工作台账中报送佐证材料。")).toBe(true);
  });
});

describe("buildBulletin with the roster: dated items charged to a group with no members", () => {
  const text = "某县2025年法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。6月底前完成全员轮训。（各乡镇人民政府负责）\n（二）加强普法。9月份开展中期评估。（县司法局负责）\n（三）加强监督。9月底前完成检查。（有关部门负责）\n";
  const { plan } = parsePlanText(text, { id: "grp" });
  const { roster } = inferRoster(plan);
  const matrix = buildMatrix(plan, roster);
  const occurrences = expandSchedule(plan, { matrix });
  const asOf = IsoDate.parse("2025-12-01");

  it("lists them with the group's name, and the text says so; the unit's own item is not among them", () => {
    const b = buildBulletin(plan, matrix, occurrences, emptyLedger(plan.id), asOf, { roster });
    expect(b.emptyGroups?.map((g) => [g.taskNo, g.groups])).toEqual([
      [1, ["各乡镇人民政府"]],
      [3, ["有关部门"]],
    ]);
    expect(bulletinToText(b)).toContain("另有2个时间节点的责任单位组（各乡镇人民政府、有关部门）尚无成员，未计入任何单位，请在名录中补充。");
  });

  it("without the roster, lists nothing and says nothing (as before)", () => {
    const b = buildBulletin(plan, matrix, occurrences, emptyLedger(plan.id), asOf);
    expect(b.emptyGroups).toBeUndefined();
    expect(bulletinToText(b)).not.toContain("尚无成员");
  });

  it("a group given members in the roster is no longer listed", () => {
    const filled = { ...roster, groups: roster.groups.map((g) => ({ ...g, select: { members: [roster.units[0]!.id] } })) };
    const m = buildMatrix(plan, filled);
    const b = buildBulletin(plan, m, expandSchedule(plan, { matrix: m }), emptyLedger(plan.id), asOf, { roster: filled });
    expect(b.emptyGroups).toEqual([]);
  });
});

describe("the whole bulletin on a small county (expected text written by hand from the ledger below)", () => {
  // test/support/small-world.ts: task 1 quarterly (县司法局 lead, 县公安局 responsible), task 2 two
  // lectures a year (县政府办), task 3 a report by the end of March (县司法局 and 县政府办, joint leads).
  const work = (id: string, unitId: string, task: number, date: string, extra: Record<string, unknown> = {}) => ({ id, unitId, taskId: `test-2024.t0${task}`, requirementId: `test-2024.t0${task}.r1`, date, kind: "done", ...extra });
  const bulletinOf = (entries: unknown[], asOf: string, options?: { horizonDays: number }) => {
    const w = world();
    const r = recordMany(emptyLedger(w.plan.id), entries, { plan: w.plan, matrix: w.matrix, asOf: IsoDate.parse(asOf) });
    if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
    return buildBulletin(w.plan, w.matrix, w.occurrences, r.ledger, IsoDate.parse(asOf), options);
  };

  it("sorts units by their overdue items, items by due date, and says how late each one is", () => {
    const b = bulletinOf(
      [
        work("a", "sfj", 1, "2024-03-20"), // Q1 on time
        work("b", "sfj", 1, "2024-06-30"), // Q2 on its last day: on time
        work("c", "gaj", 1, "2024-07-03", { occurrenceId: "test-2024.t01.r1.2024-Q2" }), // Q2, 3 days late
        work("d", "zfb", 3, "2024-04-02"), // after the window, names no occurrence: the March report, 2 days late
        work("e", "zfb", 2, "2024-05-10", { kind: "held" }), // one lecture of two
      ],
      "2024-12-20",
    );
    expect(b.totals).toEqual({ overdue: 4, dueSoon: 3, doneOnTime: 2, doneLate: 2, upcoming: 0 });
    expect(b.units.map((u) => [u.name, u.overdue.length, u.dueSoon.length, u.doneOnTime.length, u.doneLate.length])).toEqual([
      ["县司法局", 2, 1, 2, 0],
      ["县公安局", 2, 1, 0, 1],
      ["县政府办", 0, 1, 0, 1],
    ]);
    expect(bulletinToText(b)).toBe(
      [
        "测试县2024年度法治政府建设工作安排",
        "工作进展通报（截至2024年12月20日）",
        "",
        "一、总体情况",
        "截至2024年12月20日，各单位已到期或已完成的工作节点中：按时完成2项，逾期完成2项，逾期未完成4项；另有3项将在14日内到期。",
        "",
        "二、逾期未完成",
        "（一）县司法局（2项）",
        "1. 任务3“年度报告”：报送年度报告（3月底前，截止2024年3月31日，已逾期264天）",
        "2. 任务1“执法监督”：开展一次执法监督（2024年第3季度，截止2024年9月30日，已逾期81天）",
        "（二）县公安局（2项）",
        "1. 任务1“执法监督”：开展一次执法监督（2024年第1季度，截止2024年3月31日，已逾期264天）",
        "2. 任务1“执法监督”：开展一次执法监督（2024年第3季度，截止2024年9月30日，已逾期81天）",
        "",
        "三、近期到期（14日内）",
        "（一）县司法局（1项）",
        "1. 任务1“执法监督”：开展一次执法监督（2024年第4季度，截止2024年12月31日）",
        "（二）县公安局（1项）",
        "1. 任务1“执法监督”：开展一次执法监督（2024年第4季度，截止2024年12月31日）",
        "（三）县政府办（1项）",
        "1. 任务2“专题讲座”：举办两期以上专题讲座（2024年，截止2024年12月31日，已完成1/2次）",
        "",
        "四、逾期完成",
        "（一）县公安局（1项）",
        "1. 任务1“执法监督”：开展一次执法监督（2024年第2季度，截止2024年6月30日，逾期3天完成）",
        "（二）县政府办（1项）",
        "1. 任务3“年度报告”：报送年度报告（3月底前，截止2024年3月31日，逾期2天完成）",
        "",
        "五、按时完成",
        "县司法局2项。",
        "",
        "请逾期单位抓紧落实，并于完成后在工作台账中报送佐证材料。",
        "",
      ].join("\n"),
    );
  });

  it("with nothing due yet: every section says 无。 and the horizon given is the one printed", () => {
    const b = bulletinOf([], "2024-01-02", { horizonDays: 3 });
    expect(b.totals).toEqual({ overdue: 0, dueSoon: 0, doneOnTime: 0, doneLate: 0, upcoming: 11 });
    expect(b.units.map((u) => u.unitId)).toEqual(["sfj", "gaj", "zfb"]); // all tied: the matrix order
    expect(b.horizonDays).toBe(3);
    expect(bulletinToText(b)).toBe(
      [
        "测试县2024年度法治政府建设工作安排",
        "工作进展通报（截至2024年1月2日）",
        "",
        "一、总体情况",
        "截至2024年1月2日，各单位已到期或已完成的工作节点中：按时完成0项，逾期完成0项，逾期未完成0项。",
        "",
        "二、逾期未完成",
        "无。",
        "",
        "三、近期到期（3日内）",
        "无。",
        "",
        "四、逾期完成",
        "无。",
        "",
        "五、按时完成",
        "无。",
        "",
      ].join("\n"),
    );
  });
});

describe("the bulletin's arguments", () => {
  it("buildBulletin refuses each argument that is not what it says, naming it", () => {
    const w = world();
    const ledger = emptyLedger(w.plan.id);
    const asOf = IsoDate.parse("2024-06-01");
    const refuses = (name: string, f: () => unknown) => expect(f, name).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining(`buildBulletin：参数 ${name} 不正确`) }));
    refuses("plan", () => buildBulletin({} as never, w.matrix, w.occurrences, ledger, asOf));
    refuses("matrix", () => buildBulletin(w.plan, {} as never, w.occurrences, ledger, asOf));
    refuses("occurrences", () => buildBulletin(w.plan, w.matrix, [{}] as never, ledger, asOf));
    refuses("ledger", () => buildBulletin(w.plan, w.matrix, w.occurrences, {} as never, asOf));
    refuses("asOf", () => buildBulletin(w.plan, w.matrix, w.occurrences, ledger, "2024-13-01" as never));
    for (const horizonDays of [-1, 1.5, "7"]) refuses("options.horizonDays", () => buildBulletin(w.plan, w.matrix, w.occurrences, ledger, asOf, { horizonDays } as never));
    refuses("options.roster", () => buildBulletin(w.plan, w.matrix, w.occurrences, ledger, asOf, { roster: {} } as never));
    expect(() => buildBulletin(w.plan, w.matrix, w.occurrences, ledger, asOf, { horizonDays: -1 })).toThrow(
      expect.objectContaining({ message: expect.stringContaining("options.horizonDays 不正确：应为非负整数"), messageEn: expect.stringContaining("options.horizonDays: must be a non-negative integer") }),
    );
    expect(buildBulletin(w.plan, w.matrix, w.occurrences, ledger, asOf, { horizonDays: 0 }).horizonDays).toBe(0);
  });

  it("bulletinToText refuses a bulletin whose counts, dates or lists are not a bulletin's", () => {
    const w = world();
    const b = buildBulletin(w.plan, w.matrix, w.occurrences, emptyLedger(w.plan.id), IsoDate.parse("2024-12-20"));
    const clone = () => JSON.parse(JSON.stringify(b));
    const item = b.units.flatMap((u) => u.overdue)[0]!;
    expect(bulletinToText(clone())).toBe(bulletinToText(b));
    const broken: Array<[string, (x: any) => void]> = [
      ["a negative total", (x) => (x.totals.overdue = -1)],
      ["a fractional total", (x) => (x.totals.upcoming = 0.5)],
      ["a missing total", (x) => delete x.totals.dueSoon],
      ["a bad as-of date", (x) => (x.asOf = "2024-02-30")],
      ["a negative horizon", (x) => (x.horizonDays = -3)],
      ["a title that is not text", (x) => (x.title = 1)],
      ["a unit without its list", (x) => delete x.units[0].doneLate],
      ["an item with negative days late", (x) => (x.units[0].overdue[0].daysLate = -2)],
      ["an item with a fractional count", (x) => (x.units[0].overdue[0].done = 0.5)],
      ["an item with a bad due date", (x) => (x.units[0].overdue[0].due = "2024-9-30")],
      ["an item without its task title", (x) => delete x.units[0].overdue[0].taskTitle],
      ["an item with a negative task number", (x) => (x.units[0].overdue[0].taskNo = -1)],
      ["an empty group list that is not a list", (x) => (x.emptyGroups = "none")],
      ["an empty group without its groups", (x) => (x.emptyGroups = [{ occurrenceId: item.occurrenceId, taskNo: 1 }])],
    ];
    for (const [what, breakIt] of broken) {
      const x = clone();
      breakIt(x);
      expect(() => bulletinToText(x), what).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining("bulletinToText：参数 bulletin 不正确") }));
    }
    // Optional fields may be absent.
    const bare = clone();
    delete bare.units[0].overdue[0].daysLate;
    delete bare.units[0].overdue[0].due;
    expect(() => bulletinToText(bare)).not.toThrow();
    expect(() => bulletinToText({ ...clone(), emptyGroups: [{ occurrenceId: item.occurrenceId, taskNo: 1, groups: ["各乡镇"] }] })).not.toThrow();
  });
});

describe("the bulletin's order, counts and wording in the cases the small county above does not reach", () => {
  const work = (id: string, unitId: string, task: number, date: string, extra: Record<string, unknown> = {}) => ({ id, unitId, taskId: `test-2024.t0${task}`, requirementId: `test-2024.t0${task}.r1`, date, kind: "done", ...extra });
  const setup = (entries: unknown[], asOf: string) => {
    const w = world();
    const r = recordMany(emptyLedger(w.plan.id), entries, { plan: w.plan, matrix: w.matrix, asOf: IsoDate.parse(asOf) });
    if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
    return { ...w, ledger: r.ledger, date: IsoDate.parse(asOf) };
  };

  it("the unit with most overdue items comes first whatever the matrix order; ties keep the matrix order; items by due date, then task, whatever the occurrences' order", () => {
    // 县司法局 reports everything; 县公安局 misses Q1-Q3; 县政府办 misses task 3 only.
    const w = setup([work("a", "sfj", 1, "2024-03-20"), work("b", "sfj", 1, "2024-06-20"), work("c", "sfj", 1, "2024-09-20"), work("d", "sfj", 3, "2024-03-20")], "2024-12-20");
    const b = buildBulletin(w.plan, w.matrix, [...w.occurrences].reverse(), w.ledger, w.date);
    expect(b.units.map((u) => [u.name, u.overdue.length])).toEqual([
      ["县公安局", 3],
      ["县政府办", 1],
      ["县司法局", 0],
    ]);
    const text = bulletinToText(b);
    expect(text).toContain(
      [
        "（一）县公安局（3项）",
        "1. 任务1“执法监督”：开展一次执法监督（2024年第1季度，截止2024年3月31日，已逾期264天）",
        "2. 任务1“执法监督”：开展一次执法监督（2024年第2季度，截止2024年6月30日，已逾期173天）",
        "3. 任务1“执法监督”：开展一次执法监督（2024年第3季度，截止2024年9月30日，已逾期81天）",
        "（二）县政府办（1项）",
      ].join("\n"),
    );
    expect(text).toContain("五、按时完成\n县司法局4项。\n");
    // Two units tied on overdue items keep the matrix order (县司法局 before 县政府办), and items due the same day go by task number.
    const tie = setup([work("a", "gaj", 1, "2024-03-20")], "2024-04-10");
    const t = buildBulletin(tie.plan, tie.matrix, [...tie.occurrences].reverse(), tie.ledger, tie.date);
    expect(t.units.map((u) => [u.name, u.overdue.length])).toEqual([
      ["县司法局", 2],
      ["县政府办", 1],
      ["县公安局", 0],
    ]);
    expect(bulletinToText(t)).toContain("（一）县司法局（2项）\n1. 任务1“执法监督”：开展一次执法监督（2024年第1季度，截止2024年3月31日，已逾期10天）\n2. 任务3“年度报告”：报送年度报告（3月底前，截止2024年3月31日，已逾期10天）\n（二）县政府办（1项）");
    expect(bulletinToText(t)).toContain("五、按时完成\n县公安局1项。\n");
  });

  it("several units on time are listed with their counts, joined by ，", () => {
    const w = setup([work("a", "sfj", 1, "2024-03-20"), work("b", "gaj", 1, "2024-03-21"), work("c", "zfb", 3, "2024-03-22"), work("d", "sfj", 3, "2024-03-23")], "2024-04-10");
    expect(bulletinToText(buildBulletin(w.plan, w.matrix, w.occurrences, w.ledger, w.date))).toContain("五、按时完成\n县司法局2项，县公安局1项，县政府办1项。\n");
  });

  it("occurrences expanded without the matrix are bound through it; occurrences that name their units keep them", () => {
    const w = setup([], "2024-04-10");
    const unbound = expandSchedule(w.plan);
    expect(unbound.every((o) => o.unitIds.length === 0)).toBe(true);
    const b = buildBulletin(w.plan, w.matrix, unbound, w.ledger, w.date);
    expect(b).toEqual(buildBulletin(w.plan, w.matrix, w.occurrences, w.ledger, w.date));
    const onlyGaj = w.occurrences.map((o) => ({ ...o, unitIds: ["gaj"] })) as typeof w.occurrences;
    expect(buildBulletin(w.plan, w.matrix, onlyGaj, w.ledger, w.date).units.map((u) => u.unitId)).toEqual(["gaj"]);
  });

  it("items keep only the fields they have; totals leave out undated items and items bound to no unit", () => {
    const text = "某县2024年法治政府建设工作安排\n一、甲\n（一）执法监督。3月底前报送计划。\n牵头单位：县司法局\n（二）信息报送。及时报告重大事项。\n牵头单位：县司法局\n（三）无人负责。3月底前完成清理。\n";
    const { plan } = parsePlanText(text, { id: "f-2024" });
    const { roster } = inferRoster(plan);
    const matrix = buildMatrix(plan, roster);
    const occurrences = expandSchedule(plan, { matrix });
    const sfj = matrix.units[0]!.id;
    const r = recordMany(emptyLedger(plan.id), [{ id: "e", unitId: sfj, taskId: "f-2024.t02", requirementId: "f-2024.t02.r1", date: "2024-02-01", kind: "done" }], { plan, matrix, asOf: IsoDate.parse("2024-02-10") });
    if (!r.ok) throw new Error("setup");
    const b = buildBulletin(plan, matrix, occurrences, r.ledger, IsoDate.parse("2024-02-10"), { horizonDays: 60 });
    const u = b.units[0]!;
    expect(u.doneOnTime.map((i) => Object.keys(i))).toEqual([["occurrenceId", "taskNo", "taskTitle", "label", "action", "done", "needed"]]); // the on-event report: no due date, not late
    expect(u.dueSoon.map((i) => Object.keys(i))).toEqual([["occurrenceId", "taskNo", "taskTitle", "label", "action", "due", "done", "needed"]]);
    expect(b.totals).toEqual({ overdue: 0, dueSoon: 1, doneOnTime: 1, doneLate: 0, upcoming: 0 }); // task 3 (no unit) is in no total
    expect(Object.keys(b)).toEqual(["planId", "title", "asOf", "horizonDays", "units", "totals"]);
    const later = buildBulletin(plan, matrix, occurrences, r.ledger, IsoDate.parse("2024-02-10"));
    expect(later.totals.upcoming).toBe(1);
    // Without the report, the on-event item is undated: in no total, not even upcoming.
    expect(buildBulletin(plan, matrix, occurrences, emptyLedger(plan.id), IsoDate.parse("2024-02-10")).totals).toEqual({ overdue: 0, dueSoon: 0, doneOnTime: 0, doneLate: 0, upcoming: 1 });
  });

  it("a group with no members is listed only for its dated items; with none such the text says nothing", () => {
    const text = "某县2024年法治政府建设工作安排\n一、甲\n（一）执法监督。3月底前报送计划。（各乡镇人民政府负责）\n（二）信息报送。及时报告重大事项。（各乡镇人民政府负责）\n";
    const { plan } = parsePlanText(text, { id: "g-2024" });
    const { roster } = inferRoster(plan);
    const matrix = buildMatrix(plan, roster);
    const occurrences = expandSchedule(plan, { matrix });
    const b = buildBulletin(plan, matrix, occurrences, emptyLedger(plan.id), IsoDate.parse("2024-06-01"), { roster });
    expect(b.emptyGroups?.map((g) => g.taskNo)).toEqual([1]);
    // An item that also names a unit is that unit's, not listed with the empty groups.
    const mixed = parsePlanText("某县2024年法治政府建设工作安排\n一、甲\n（一）执法监督。3月底前报送计划。（县司法局、各乡镇人民政府负责）\n", { id: "h-2024" }).plan;
    const mixedRoster = inferRoster(mixed).roster;
    const mm = buildMatrix(mixed, mixedRoster);
    expect(buildBulletin(mixed, mm, expandSchedule(mixed, { matrix: mm }), emptyLedger(mixed.id), IsoDate.parse("2024-06-01"), { roster: mixedRoster }).emptyGroups).toEqual([]);
    const filled = { ...roster, units: [{ id: "town", name: "某乡人民政府", kind: "township" as const }], groups: roster.groups.map((g) => ({ ...g, select: { members: ["town"] } })) };
    const m = buildMatrix(plan, filled as never);
    const none = buildBulletin(plan, m, expandSchedule(plan, { matrix: m }), emptyLedger(plan.id), IsoDate.parse("2024-06-01"), { roster: filled as never });
    expect(none.emptyGroups).toEqual([]);
    expect(bulletinToText(none)).not.toContain("尚无成员");
  });

  it("a bulletin read back from JSON may lack a due date or days late: the text leaves them out", () => {
    const w = setup([], "2024-12-20");
    const b = JSON.parse(JSON.stringify(buildBulletin(w.plan, w.matrix, w.occurrences, w.ledger, w.date)));
    const item = b.units[0].overdue[0];
    delete item.due;
    delete item.daysLate;
    b.units[0].doneLate = [{ ...item, occurrenceId: "test-2024.t01.r1.2024-Q2" }];
    const text = bulletinToText(b);
    // Without a due date it goes last among the unit's overdue items (its three others are dated).
    expect(text).toContain(`4. 任务${item.taskNo}“${item.taskTitle}”：${item.action}（${item.label}）\n（二）`);
    expect(text).toContain(`四、逾期完成\n（一）县司法局（1项）\n1. 任务${item.taskNo}“${item.taskTitle}”：${item.action}（${item.label}）\n`);
    // The same when the undated item comes last in the bulletin's own list.
    const c = JSON.parse(JSON.stringify(buildBulletin(w.plan, w.matrix, w.occurrences, w.ledger, w.date)));
    const last = c.units[0].overdue.at(-1);
    delete last.due;
    expect(bulletinToText(c)).toContain(`4. 任务${last.taskNo}“${last.taskTitle}”：${last.action}（${last.label}，已逾期${last.daysLate}天）\n（二）`);
  });
});

describe("an occurrence of a task the plan does not have", () => {
  it("is listed with an empty task title rather than refused", () => {
    const w = world();
    const q1 = w.occurrences.find((o) => o.id === "test-2024.t01.r1.2024-Q1")!;
    const stray = { ...q1, id: "test-2024.t09.r1.2024-Q1", requirementId: "test-2024.t09.r1", taskId: "test-2024.t09", taskNo: 9 } as typeof q1;
    const b = buildBulletin(w.plan, w.matrix, [stray], emptyLedger(w.plan.id), IsoDate.parse("2024-04-10"));
    expect(b.units[0]!.overdue.map((i) => [i.taskNo, i.taskTitle])).toEqual([[9, ""]]);
  });
});
