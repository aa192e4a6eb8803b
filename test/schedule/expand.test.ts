import { fc, test } from "@fast-check/vitest";
import rrulePkg from "rrule";
import { describe, expect, it } from "vitest";
import { FazhiError } from "../../src/model/diagnostic.js";
import { Plan } from "../../src/model/plan.js";
import type { Occurrence, Period } from "../../src/model/schedule.js";
import { ResponsibilityMatrix } from "../../src/model/matrix.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { boundUnits, expandSchedule, rulePeriods } from "../../src/schedule/expand.js";
import { chinaWorkdayCalendar } from "../../src/schedule/workdays.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { lazy } from "../support/lazy.js";
import { seedRoster } from "../support/rosters.js";
import { seedText } from "../support/seed.js";

const { RRule } = rrulePkg as unknown as { RRule: typeof import("rrule").RRule };
// The seed's plan (whose requirements src/schedule/extract.ts reads), matrix and occurrences, built
// inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
const seed = lazy(() => {
  const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
  const matrix = buildMatrix(plan, seedRoster());
  return { plan, matrix, occurrences: expandSchedule(plan, { matrix }) };
});

describe("expandSchedule on the seed", () => {
  it("task 23: four quarterly and two half-yearly occurrences", () => {
    const { occurrences } = seed();
    const q = occurrences.filter((o) => o.requirementId === "wuzhi-2024.t23.r2");
    expect(q.map((o) => [o.id, o.window, o.due, o.label])).toEqual([
      ["wuzhi-2024.t23.r2.2024-Q1", { from: "2024-01-01", to: "2024-03-31" }, "2024-03-31", "2024年第1季度"],
      ["wuzhi-2024.t23.r2.2024-Q2", { from: "2024-04-01", to: "2024-06-30" }, "2024-06-30", "2024年第2季度"],
      ["wuzhi-2024.t23.r2.2024-Q3", { from: "2024-07-01", to: "2024-09-30" }, "2024-09-30", "2024年第3季度"],
      ["wuzhi-2024.t23.r2.2024-Q4", { from: "2024-10-01", to: "2024-12-31" }, "2024-12-31", "2024年第4季度"],
    ]);
    expect(q.every((o) => o.action.includes("通报"))).toBe(true);
    expect(occurrences.filter((o) => o.requirementId === "wuzhi-2024.t23.r4").map((o) => o.due)).toEqual(["2024-06-30", "2024-12-31"]);
  });

  it("task 13 and task 35", () => {
    const { occurrences } = seed();
    expect(occurrences.filter((o) => o.taskNo === 13).map((o) => [o.kind, o.due])).toEqual([
      ["deadline", "2024-06-30"],
      ["window", "2024-09-30"],
    ]);
    const lectures = occurrences.find((o) => o.taskNo === 35 && o.kind === "quota")!;
    expect([lectures.count, lectures.due, lectures.label]).toEqual([2, "2024-12-31", "2024年"]);
  });

  it("binds each occurrence to the clause's definite lead and responsible units", () => {
    const { plan, matrix, occurrences } = seed();
    expect(occurrences.find((o) => o.taskNo === 13)!.unitIds).toEqual(["sfj"]);
    expect(boundUnits(matrix, "wuzhi-2024.t21", "wuzhi-2024.t21.c1")).toEqual(["sfj", "zfb", "fy", "jcy"]);
    expect(expandSchedule(plan).every((o) => o.unitIds.length === 0)).toBe(true);
  });

  it("gives the same calendar in every time zone (npm test runs this under several TZ)", () => {
    const { occurrences } = seed();
    expect(occurrences.map((o) => `${o.id} ${o.window?.from ?? "-"} ${o.due ?? "-"} ×${o.count} ${o.unitIds.join(",")}`).join("\n")).toMatchSnapshot();
  });

  it("is sorted by due date with undated on-event items last, and ids are unique", () => {
    const { occurrences } = seed();
    const dues = occurrences.map((o) => o.due ?? "9999");
    expect(dues).toEqual([...dues].sort());
    expect(new Set(occurrences.map((o) => o.id)).size).toBe(occurrences.length);
    expect(occurrences.at(-1)!.kind).toBe("on_event");
    expect(occurrences.filter((o) => o.kind === "on_event").every((o) => o.due === undefined && o.window === undefined)).toBe(true);
  });

  it("moves due dates on rest days with a calendar, and refuses uncovered years", () => {
    const { plan, matrix } = seed();
    const moved = expandSchedule(plan, { matrix, calendar: chinaWorkdayCalendar(), dueOnRestDay: "next" });
    expect(moved.find((o) => o.id === "wuzhi-2024.t13.r2.2024")!.due).toBe("2024-07-01"); // 2024-06-30 is a Sunday
    expect(moved.find((o) => o.id === "wuzhi-2024.t23.r2.2024-Q3")!.due).toBe("2024-09-30");
    expect(() => expandSchedule(plan, { year: 2027, calendar: chinaWorkdayCalendar(), dueOnRestDay: "next" })).toThrow(FazhiError);
    expect(() => expandSchedule(plan, { dueOnRestDay: "next" })).toThrow(/calendar/);
  });
});

describe("expandSchedule cost and shape", () => {
  it("keeps the occurrence's JSON key order", () => {
    const { plan, occurrences } = seed();
    const withClause = occurrences.find((o) => o.clauseId !== undefined && o.window !== undefined)!;
    expect(Object.keys(withClause)).toEqual(["requirementId", "taskId", "taskNo", "clauseId", "kind", "action", "count", "unitIds", "id", "label", "window", "due"]);
    expect(Object.keys(occurrences.find((o) => o.kind === "on_event")!)).toEqual(["requirementId", "taskId", "taskNo", "clauseId", "kind", "action", "count", "unitIds", "id", "label"]);
    expect(Object.keys(expandSchedule({ ...plan, sections: [{ ...plan.sections[0]!, tasks: [{ ...plan.sections[0]!.tasks[0]!, requirements: [{ id: "x.r1", phrase: "p", action: "a", rule: { kind: "ongoing" } }] as never }] }] })[0]!)).toEqual(
      ["requirementId", "taskId", "taskNo", "kind", "action", "count", "unitIds", "id", "label", "window", "due"],
    );
  });

  it("binds units by clause without scanning every cell for every requirement", () => {
    const n = 1000;
    const big = Plan.parse({
      id: "b-2024",
      title: "t",
      year: 2024,
      sections: [{
        no: 1,
        title: "s",
        tasks: Array.from({ length: n }, (_, i) => ({
          id: `b-2024.t${i + 1}`, no: i + 1, title: "t", text: "",
          clauses: [{ id: `b-2024.t${i + 1}.c1`, text: "", assignment: { lead: [{ text: `县单位${i % 50}局` }, { text: `县单位${(i + 1) % 50}局` }], responsible: [], support: [] } }],
          requirements: [{ id: `b-2024.t${i + 1}.r1`, clauseId: `b-2024.t${i + 1}.c1`, phrase: "每季度", action: "开展", rule: { kind: "recurring", period: "quarter", times: 1 } }],
        })),
      }],
    });
    const roster = Roster.parse({ id: "b", name: "基准县", source: { title: "t" }, units: Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, kind: "government_department" })), groups: [] });
    const m = buildMatrix(big, roster);
    let reads = 0;
    const counted = { ...m, cells: m.cells.map((c) => new Proxy(c, { get: (t, k, r) => (k === "taskId" && (reads += 1), Reflect.get(t, k, r)) })) };
    const occ = expandSchedule(big, { matrix: counted });
    expect(occ).toHaveLength(4 * n);
    expect(occ.find((o) => o.taskNo === 7)!.unitIds).toEqual(["u6", "u7"]);
    expect(reads).toBeLessThan(10 * (n + m.cells.length));
  });
});

const RRULE_OF: Record<Period, string> = {
  month: "FREQ=MONTHLY;BYMONTHDAY=-1",
  quarter: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
  half_year: "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
  year: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
};
const START_OF: Record<Period, string> = {
  month: "FREQ=MONTHLY;BYMONTHDAY=1",
  quarter: "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=1",
  half_year: "FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1",
  year: "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1",
};
const byRrule = (rule: string, year: number) =>
  RRule.fromString(`DTSTART:${year}0101T000000Z\nRRULE:${rule};UNTIL=${year}1231T000000Z`)
    .all()
    .map((d) => d.toISOString().slice(0, 10));

describe("recurring expansion against rrule (oracle)", () => {
  test.prop([fc.constantFrom<Period>("month", "quarter", "half_year", "year"), fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 5 })], { numRuns: 200 })(
    "period starts and due dates agree with the RRULE for any year",
    (period, year, times) => {
      const periods = rulePeriods({ kind: "recurring", period, times }, year);
      expect(periods.map((p) => p.due)).toEqual(byRrule(RRULE_OF[period], year));
      expect(periods.map((p) => p.from)).toEqual(byRrule(START_OF[period], year));
    },
  );

  it("checks the rule kinds that have a single period", () => {
    expect(rulePeriods({ kind: "deadline", due: "2024-06-30" as never }, 2025)).toEqual([]);
    expect(rulePeriods({ kind: "ongoing" }, 2024).map((p) => p.due)).toEqual(["2024-12-31"]);
    expect(rulePeriods({ kind: "on_event" }, 2024)).toEqual([]);
  });
});

describe("expandSchedule's options, on a small plan", () => {
  const text = "测试县2024年度法治政府建设工作安排\n一、甲\n（一）甲任务。6月底前完成清理。每季度开展一次检查。每年举办两期以上讲座。及时报告重大事项。\n牵头单位：县司法局\n（二）乙任务。9月份开展评估。开展常态化行政执法监督。\n牵头单位：县司法局\n";
  const small = () => parsePlanText(text, { id: "s-2024" }).plan;
  const rows = (occurrences: readonly Occurrence[]) => occurrences.map((o) => [o.id, o.kind, o.count, o.label, o.window?.from, o.due]);

  it("every kind of rule, sorted by due date then id, undated last, with counts and labels", () => {
    expect(rows(expandSchedule(small()))).toEqual([
      ["s-2024.t01.r2.2024-Q1", "recurring", 1, "2024年第1季度", "2024-01-01", "2024-03-31"],
      ["s-2024.t01.r1.2024", "deadline", 1, "6月底前", "2024-01-01", "2024-06-30"],
      ["s-2024.t01.r2.2024-Q2", "recurring", 1, "2024年第2季度", "2024-04-01", "2024-06-30"],
      ["s-2024.t01.r2.2024-Q3", "recurring", 1, "2024年第3季度", "2024-07-01", "2024-09-30"],
      ["s-2024.t02.r1.2024", "window", 1, "9月", "2024-09-01", "2024-09-30"],
      ["s-2024.t01.r2.2024-Q4", "recurring", 1, "2024年第4季度", "2024-10-01", "2024-12-31"],
      ["s-2024.t01.r3.2024", "quota", 2, "2024年", "2024-01-01", "2024-12-31"],
      ["s-2024.t02.r2.2024", "ongoing", 1, "2024年（持续，年底检查）", "2024-01-01", "2024-12-31"],
      ["s-2024.t01.r4.2024-event", "on_event", 1, "及时（随事件）", undefined, undefined],
    ]);
  });

  it("another year: the recurring, quota, ongoing and on-event items move to it; dated ones of the plan's year drop out", () => {
    expect(rows(expandSchedule(small(), { year: 2025 })).map((r) => r[0])).toEqual([
      "s-2024.t01.r2.2025-Q1",
      "s-2024.t01.r2.2025-Q2",
      "s-2024.t01.r2.2025-Q3",
      "s-2024.t01.r2.2025-Q4",
      "s-2024.t01.r3.2025",
      "s-2024.t02.r2.2025",
      "s-2024.t01.r4.2025-event",
    ]);
  });

  it("moves due dates on rest days back with previous, forward with next, and keeps them by default", () => {
    const due = (options: object) => expandSchedule(small(), options).find((o) => o.id === "s-2024.t01.r1.2024")!.due; // 2024-06-30 is a Sunday
    const calendar = chinaWorkdayCalendar();
    expect(due({ calendar, dueOnRestDay: "previous" })).toBe("2024-06-28");
    expect(due({ calendar, dueOnRestDay: "next" })).toBe("2024-07-01");
    expect(due({ calendar })).toBe("2024-06-30");
    expect(due({ calendar, dueOnRestDay: "keep" })).toBe("2024-06-30");
    // Kept dates need no calendar data: a year the calendar does not cover is fine with "keep".
    const quarter = (options: object) => expandSchedule(small(), { year: 2099, ...options }).filter((o) => o.kind === "recurring").map((o) => o.due);
    expect(quarter({ calendar })).toEqual(["2099-03-31", "2099-06-30", "2099-09-30", "2099-12-31"]);
    expect(() => quarter({ calendar, dueOnRestDay: "next" })).toThrow(expect.objectContaining({ code: "not_covered" }));
  });

  it("refuses a plan without a year unless the option gives one, and options that are not its own", () => {
    const undated = { ...small(), year: undefined };
    expect(() => expandSchedule(undated)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining("year") }));
    expect(expandSchedule(undated, { year: 2024 })).toHaveLength(9);
    for (const options of [{ year: -1 }, { year: 10000 }, { year: 2024.5 }, { dueOnRestDay: "later" }, { colour: "red" }, { matrix: {} }, { calendar: {} }]) {
      expect(() => expandSchedule(small(), options as never), JSON.stringify(options)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    }
    for (const year of [-1, 10000, 1.5, "2024"]) expect(() => rulePeriods({ kind: "ongoing" }, year as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("year") }));
    expect(rulePeriods({ kind: "ongoing" }, 0)[0]!.due).toBe("0000-12-31");
    expect(rulePeriods({ kind: "ongoing" }, 9999)[0]!.due).toBe("9999-12-31");
    const matrix = buildMatrix(small(), seedRoster());
    expect(() => boundUnits(matrix, 5 as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("taskId") }));
    expect(() => boundUnits(matrix, "s-2024.t01", 5 as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("clauseId") }));
    expect(boundUnits(matrix, "s-2024.t01", "s-2024.t09.c1")).toEqual([]);
  });

  it("month periods: each month from its first to its last day, with its label and id suffix", () => {
    const months = rulePeriods({ kind: "recurring", period: "month", times: 2 }, 2023);
    expect(months.map((p) => [p.from, p.to, p.label, p.suffix])[0]).toEqual(["2023-01-01", "2023-01-31", "2023年1月", "-M01"]);
    expect(months.map((p) => [p.from, p.to, p.label, p.suffix])[11]).toEqual(["2023-12-01", "2023-12-31", "2023年12月", "-M12"]);
    expect(months.map((p) => p.to.slice(5))).toEqual(["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"]);
    expect(rulePeriods({ kind: "recurring", period: "half_year", times: 1 }, 2023).map((p) => p.suffix)).toEqual(["-H1", "-H2"]);
    expect(rulePeriods({ kind: "recurring", period: "quarter", times: 1 }, 2023).map((p) => p.suffix)).toEqual(["-Q1", "-Q2", "-Q3", "-Q4"]);
  });
});

/** The code and the two messages of the error `run` throws (undefined if it returns). */
const refusalOf = (run: () => unknown) => {
  try {
    run();
  } catch (e) {
    return [(e as FazhiError).code, (e as FazhiError).message, (e as FazhiError).messageEn];
  }
  return undefined;
};

/** A one-task plan of 2024 with the given requirements, built by hand (no parser). */
const handPlan = (requirements: ReadonlyArray<{ id: string; rule: object; action?: string }>) =>
  Plan.parse({
    id: "h-2024",
    title: "t",
    year: 2024,
    sections: [{ no: 1, title: "s", tasks: [{ id: "h-2024.t01", no: 1, title: "t", text: "", clauses: [{ id: "h-2024.t01.c1", text: "", assignment: { lead: [], responsible: [], support: [] } }], requirements: requirements.map((r) => ({ phrase: "p", action: "a", ...r })) }] }],
  });

describe("expandSchedule on hand-made plans", () => {
  it("counts a recurring rule's times and a quota's least number; every other kind counts once", () => {
    const plan = handPlan([
      { id: "h-2024.t01.r1", rule: { kind: "recurring", period: "half_year", times: 3 } },
      { id: "h-2024.t01.r2", rule: { kind: "quota", period: "year", atLeast: 4 } },
      { id: "h-2024.t01.r3", rule: { kind: "deadline", due: "2024-05-31" } },
      { id: "h-2024.t01.r4", rule: { kind: "on_event" } },
    ]);
    expect(expandSchedule(plan).map((o) => [o.id, o.count])).toEqual([
      ["h-2024.t01.r3.2024", 1],
      ["h-2024.t01.r1.2024-H1", 3],
      ["h-2024.t01.r1.2024-H2", 3],
      ["h-2024.t01.r2.2024", 4],
      ["h-2024.t01.r4.2024-event", 1],
    ]);
  });

  it("orders equal due dates and the undated items by id, whatever the plan's order", () => {
    const plan = handPlan([
      { id: "h-2024.t01.r5", rule: { kind: "on_event" } },
      { id: "h-2024.t01.r4", rule: { kind: "deadline", due: "2024-06-30" } },
      { id: "h-2024.t01.r3", rule: { kind: "on_event" } },
      { id: "h-2024.t01.r2", rule: { kind: "window", from: "2024-04-01", to: "2024-06-30" } },
      { id: "h-2024.t01.r1", rule: { kind: "deadline", due: "2024-07-15" } },
      { id: "h-2024.t01.r6", rule: { kind: "deadline", due: "2024-03-01" } },
    ]);
    expect(expandSchedule(plan).map((o) => o.id)).toEqual(["h-2024.t01.r6.2024", "h-2024.t01.r2.2024", "h-2024.t01.r4.2024", "h-2024.t01.r1.2024", "h-2024.t01.r3.2024-event", "h-2024.t01.r5.2024-event"]);
  });

  it("keeps the plan's order for occurrences with the same due date and id (a plan that repeats a requirement id)", () => {
    for (const rule of [{ kind: "deadline", due: "2024-06-30" }, { kind: "on_event" }]) {
      const plan = handPlan([{ id: "h-2024.t01.r1", rule, action: "甲" }, { id: "h-2024.t01.r1", rule, action: "乙" }]);
      expect(expandSchedule(plan).map((o) => o.action), rule.kind).toEqual(["甲", "乙"]);
    }
  });

  it("refuses bad arguments with a coded error that names the function and the argument, in both languages", () => {
    const plan = handPlan([{ id: "h-2024.t01.r1", rule: { kind: "deadline", due: "2024-06-30" } }]);
    const named = (name: string) => [
      "invalid_argument",
      expect.stringMatching(new RegExp(`^expandSchedule：参数 ${name} 不正确：.+ \\(expandSchedule: bad argument ${name}: .+\\)$`)),
      expect.stringMatching(new RegExp(`^expandSchedule: bad argument ${name}: .+$`)),
    ];
    expect(refusalOf(() => expandSchedule({} as never))).toEqual(named("plan"));
    expect(refusalOf(() => expandSchedule(plan, { colour: "red" } as never))).toEqual(named("options"));
    expect(refusalOf(() => expandSchedule(plan, { matrix: {} } as never))).toEqual(named("options\\.matrix"));
    expect(refusalOf(() => expandSchedule(plan, { calendar: {} } as never))).toEqual(named("options\\.calendar"));
    // No year anywhere: refused before any date is computed, whatever the rules (a deadline alone, or a quarter).
    const noYear = ["invalid_argument", "expandSchedule：计划没有年度，请在选项中给出 year (expandSchedule: the plan has no year; pass the year option)", "expandSchedule: the plan has no year; pass the year option"];
    expect(refusalOf(() => expandSchedule({ ...plan, year: undefined }))).toEqual(noYear);
    expect(refusalOf(() => expandSchedule({ ...handPlan([{ id: "h-2024.t01.r1", rule: { kind: "recurring", period: "quarter", times: 1 } }]), year: undefined }))).toEqual(noYear);
    expect(refusalOf(() => expandSchedule(plan, { dueOnRestDay: "previous" }))).toEqual([
      "invalid_argument",
      "expandSchedule：调整截止日期需要工作日历（calendar） (expandSchedule: dueOnRestDay needs a calendar)",
      "expandSchedule: dueOnRestDay needs a calendar",
    ]);
  });

  it("rulePeriods refuses a rule or a year that is not one, saying which", () => {
    const refusal = (rule: unknown, year: unknown) => {
      try {
        rulePeriods(rule as never, year as never);
      } catch (e) {
        return [(e as FazhiError).code, (e as FazhiError).message];
      }
      return undefined;
    };
    const badYear = ["invalid_argument", "rulePeriods：参数 year 不正确：应为 0–9999 的整数年份 (rulePeriods: bad argument year: must be a whole year 0–9999)"];
    for (const year of [-1, 10000, 1.5, "2024"]) expect(refusal({ kind: "recurring", period: "quarter", times: 1 }, year), String(year)).toEqual(badYear);
    expect(refusal({ kind: "ongoing" }, -1)).toEqual(badYear);
    expect(refusal({ kind: "sometimes" }, 2024)?.[1]).toMatch(/^rulePeriods：参数 rule 不正确/);
  });

  it("returns frozen occurrences and periods", () => {
    const occurrences = expandSchedule(handPlan([{ id: "h-2024.t01.r1", rule: { kind: "recurring", period: "quarter", times: 1 } }]));
    expect([Object.isFrozen(occurrences), Object.isFrozen(occurrences[0]), Object.isFrozen(occurrences[0]!.window)]).toEqual([true, true, true]);
    const periods = rulePeriods({ kind: "recurring", period: "month", times: 1 }, 2031);
    expect([Object.isFrozen(periods), Object.isFrozen(periods[0])]).toEqual([true, true]);
  });
});

describe("boundUnits on a hand-made matrix", () => {
  const cell = (unitId: string, clauseId: string, role: string, certainty = "definite") => ({ unitId, taskId: "h-2024.t01", clauseId, role, certainty, origin: { kind: "direct", text: unitId } });
  /** Units a, b, c; cells listed out of the units' order, with some that bind no one. */
  const matrix = () =>
    ResponsibilityMatrix.parse({
      planId: "h-2024",
      units: ["a", "b", "c"].map((id) => ({ id, name: `单位${id}`, kind: "government_department" })),
      tasks: [{ id: "h-2024.t01", no: 1, title: "t" }],
      cells: [
        cell("c", "h-2024.t01.c1", "lead"),
        cell("a", "h-2024.t01.c1", "responsible"),
        cell("b", "h-2024.t01.c1", "support"),
        cell("b", "h-2024.t01.c1", "lead", "candidate"),
        cell("z", "h-2024.t01.c1", "lead"), // not one of the matrix's units
        cell("b", "h-2024.t01.c2", "responsible"),
      ],
      diagnostics: [],
    });

  it("binds the definite leads and responsible units of a clause (or of the task), in the matrix's unit order", () => {
    const m = matrix();
    expect(boundUnits(m, "h-2024.t01", "h-2024.t01.c1")).toEqual(["a", "c"]);
    expect(boundUnits(m, "h-2024.t01", "h-2024.t01.c2")).toEqual(["b"]);
    expect(boundUnits(m, "h-2024.t01")).toEqual(["a", "b", "c"]);
    expect(boundUnits(m, "h-2024.t02")).toEqual([]);
  });

  it("keeps a clause whose id reads \"undefined\" apart from the whole task", () => {
    const m = ResponsibilityMatrix.parse({ ...matrix(), cells: [cell("c", "h-2024.t01.c1", "lead"), cell("a", "undefined", "responsible")] });
    expect(boundUnits(m, "h-2024.t01", "undefined")).toEqual(["a"]);
    expect(boundUnits(m, "h-2024.t01")).toEqual(["a", "c"]);
  });

  it("refuses a matrix, task id or clause id that is not one, naming it in both languages", () => {
    expect(refusalOf(() => boundUnits({} as never, "h-2024.t01"))).toEqual([
      "invalid_argument",
      expect.stringMatching(/^boundUnits：参数 matrix 不正确：.+ \(boundUnits: bad argument matrix: .+\)$/),
      expect.stringMatching(/^boundUnits: bad argument matrix: .+$/),
    ]);
    expect(refusalOf(() => boundUnits(matrix(), 5 as never))).toEqual(["invalid_argument", "boundUnits：参数 taskId 不正确：应为任务编号 (boundUnits: bad argument taskId: must be a task id)", "boundUnits: bad argument taskId: must be a task id"]);
    expect(refusalOf(() => boundUnits(matrix(), "h-2024.t01", 5 as never))).toEqual(["invalid_argument", "boundUnits：参数 clauseId 不正确：应为段落编号 (boundUnits: bad argument clauseId: must be a clause id)", "boundUnits: bad argument clauseId: must be a clause id"]);
  });

  it("sees a change to a matrix that is not wholly frozen", () => {
    for (const frozen of [[false, false, false], [true, false, false], [false, true, false], [false, false, true], [true, true, false], [true, false, true], [false, true, true]]) {
      const m = matrix() as { cells: unknown[]; units: unknown[] };
      if (frozen[1]) Object.freeze(m.cells);
      if (frozen[2]) Object.freeze(m.units);
      if (frozen[0]) Object.freeze(m);
      expect(boundUnits(m as never, "h-2024.t01", "h-2024.t01.c2"), JSON.stringify(frozen)).toEqual(["b"]);
      if (!frozen[1]) m.cells.push(cell("a", "h-2024.t01.c2", "lead"));
      else if (!frozen[0]) m.cells = [...m.cells, cell("a", "h-2024.t01.c2", "lead")];
      else (m.units as unknown[]).splice(1, 1);
      expect(boundUnits(m as never, "h-2024.t01", "h-2024.t01.c2"), JSON.stringify(frozen)).toEqual(frozen[0] && frozen[1] ? [] : ["a", "b"]);
    }
  });

  it("reads a frozen matrix's cells once, however often it is asked", () => {
    const m = matrix();
    let reads = 0;
    const cells = Object.freeze(m.cells.map((c) => new Proxy(c, { get: (t, k, r) => (k === "taskId" && (reads += 1), Reflect.get(t, k, r)) })));
    const counted = Object.freeze({ ...m, cells, units: Object.freeze(m.units) }) as ResponsibilityMatrix;
    for (let i = 0; i < 20; i++) expect(boundUnits(counted, "h-2024.t01", "h-2024.t01.c1")).toEqual(["a", "c"]);
    expect(reads).toBeLessThan(4 * m.cells.length);
  });
});
