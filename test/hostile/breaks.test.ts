// One test per break found by the hostile-input and performance review (issue 15), through the
// public API. Costs are checked by counting operations, never by timing. The module tests beside
// each source file test the same fixes in more detail.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as z from "zod";
import {
  FazhiError,
  IsoDate,
  type Ledger,
  Plan,
  ProgressEntry,
  Roster,
  addWorkdays,
  buildMatrix,
  chinaWorkdayCalendar,
  emptyLedger,
  expandSchedule,
  isWorkday,
  parsePlanText,
  recordProgress,
  resolveUnits,
  scheduleToICalendar,
  tasksOf,
  toCsv,
  validatePlan,
  validateRoster,
} from "../../src/index.js";
import { countCollectionOps } from "../support/count-ops.js";
import { seedContext } from "../support/context.js";

const ctx = seedContext("2024-12-31");
const county = (units: Array<{ id: string; name: string; parent?: string }>): Roster =>
  Roster.parse({ id: "t", name: "测试县", source: { title: "测试用虚构名录 / fictional" }, units: units.map((u) => ({ kind: "government_department", ...u })), groups: [] });

/** Counts reads of one property of each object in a list (a Proxy per object). */
const counting = <T extends object>(items: readonly T[], prop: PropertyKey): { items: T[]; reads: () => number } => {
  let n = 0;
  return { items: items.map((t) => new Proxy(t, { get: (o, k, r) => (k === prop && (n += 1), Reflect.get(o, k, r)) })), reads: () => n };
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("costs stay linear", () => {
  it("1. appending to a ledger one entry at a time does not re-read the entries already there", () => {
    const cells = ctx.matrix.cells.filter((c) => c.certainty === "definite");
    const entry = (i: number) => ({ id: `h${i}`, unitId: cells[i % cells.length]!.unitId, taskId: cells[i % cells.length]!.taskId, date: "2024-05-10", kind: "progress" });
    const old = counting(Array.from({ length: 3000 }, (_, i) => ProgressEntry.parse(entry(i))), "id");
    let ledger = Object.freeze({ planId: ctx.plan.id, entries: Object.freeze(old.items) }) as Ledger;
    for (let i = 3000; i < 3300; i++) {
      const r = recordProgress(ledger, entry(i), ctx);
      if (!r.ok) throw new Error(r.issues[0]!.message);
      ledger = r.ledger;
    }
    expect(ledger.entries).toHaveLength(3300);
    expect(old.reads()).toBeLessThan(4 * 3000); // 300 appends re-reading 3,000 ids each would be 900,000
  });

  it("2. a roster's parent chain and its unknown-name suggestions cost linear work", () => {
    const n = 3000;
    const chain = county(Array.from({ length: n }, (_, i) => ({ id: `u${i}`, name: `县单位${i}局`, ...(i + 1 < n ? { parent: `u${i + 1}` } : {}) })));
    expect(countCollectionOps(() => validateRoster(chain))).toBeLessThan(60 * n);
    const names = counting(chain.units, "name");
    const plan = Plan.parse({
      id: "h-2024",
      title: "t",
      year: 2024,
      sections: [{ no: 1, title: "s", tasks: [{ id: "h-2024.t1", no: 1, title: "t", text: "", requirements: [], clauses: [{ id: "h-2024.t1.c1", text: "", assignment: { lead: Array.from({ length: n }, (_, i) => ({ text: `县单位${i}厅` })), responsible: [], support: [] } }] }] }],
    });
    expect(resolveUnits(plan, { ...chain, units: names.items }).diagnostics).toHaveLength(n);
    expect(names.reads()).toBeLessThan(20 * n); // comparing every unknown name with every unit: 9,000,000
  });

  it("3. expanding a schedule with a matrix reads each cell a bounded number of times", () => {
    const cells = counting(ctx.matrix.cells, "taskId");
    const occurrences = expandSchedule(ctx.plan, { matrix: { ...ctx.matrix, cells: cells.items } });
    expect(occurrences).toEqual(expandSchedule(ctx.plan, { matrix: ctx.matrix }));
    const requirements = ctx.plan.sections.flatMap((s) => s.tasks).reduce((n, t) => n + t.requirements.length, 0);
    expect(cells.reads()).toBeLessThan(5 * ctx.matrix.cells.length + requirements); // one scan per requirement: cells × requirements
  });

  it("4. workday arithmetic validates its date once, not once per stepped day", () => {
    const cal = chinaWorkdayCalendar();
    isWorkday(cal, IsoDate.parse("2024-01-02"));
    const start = IsoDate.parse("2024-01-02");
    const parses = vi.spyOn(IsoDate, "safeParse");
    const end = addWorkdays(cal, start, 120);
    expect(parses.mock.calls.length).toBe(0);
    vi.restoreAllMocks();
    // The same walk, one isWorkday call per day.
    let day = start;
    for (let found = 0; found < 120; ) {
      day = IsoDate.parse(new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + 1)).toISOString().slice(0, 10));
      if (isWorkday(cal, day)) found += 1;
    }
    expect(end).toBe(day);
  });
});

describe("no exception, no silent acceptance", () => {
  it("6. validatePlan({}) and validateRoster({}) give coded diagnostics", () => {
    expect(validatePlan({} as never).map((d) => d.code)).toContain("invalid_type");
    expect(validateRoster({} as never).map((d) => d.code)).toContain("invalid_type");
  });

  it("7. scheduleToICalendar without options throws FazhiError; an RFC 3339 dtstamp is taken; a year-9999 plan is written", () => {
    expect(() => scheduleToICalendar(ctx.occurrences, undefined as never)).toThrow(FazhiError);
    expect(scheduleToICalendar(ctx.occurrences.slice(0, 1), { dtstamp: new Date(0).toISOString() })).toContain("DTSTAMP:19700101T000000Z");
    const task = ctx.plan.sections[0]!.tasks[0]!;
    const december = { id: `${task.id}.r99`, phrase: "12月份", action: "开展专项检查", rule: { kind: "window", from: "9999-12-01", to: "9999-12-31" } };
    const plan = Plan.parse({ ...ctx.plan, sections: [{ ...ctx.plan.sections[0]!, tasks: [{ ...task, requirements: [december] }] }] });
    const occurrences = expandSchedule(plan, { year: 9999 });
    expect(occurrences.map((o) => o.window)).toEqual([{ from: "9999-12-01", to: "9999-12-31" }]);
    expect(scheduleToICalendar(occurrences, { dtstamp: "2024-01-01" })).toContain("DURATION:P31D");
    // IsoDate is a zod schema: its parse throws ZodError, as the guide says; library functions throw FazhiError.
    expect(() => IsoDate.parse("2024-02-30")).toThrow(z.ZodError);
    expect(() => isWorkday(chinaWorkdayCalendar(), "2024-02-30" as IsoDate)).toThrow(FazhiError);
  });

  it("8. no C0 control character reaches an iCalendar TEXT value", () => {
    const dirty = [{ ...ctx.occurrences.find((o) => o.due !== undefined)!, action: "a\u0000b\u001bc\u007fd" }];
    const text = scheduleToICalendar(dirty, { dtstamp: "2024-01-01" });
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
  });

  it("9. a formula behind a leading BOM is neutralised in CSV", () => {
    expect(toCsv([["\uFEFF=HYPERLINK(\"http://example.invalid\")"]])).toBe('"\'=HYPERLINK(""http://example.invalid"")"\r\n');
  });

  it("10. suggestions do not depend on the host's collation", () => {
    const roster = county(["县甲局", "县乙局", "县丙局", "县戊局"].map((name, i) => ({ id: `u${i}`, name })));
    const plan = parsePlanText("测试县2024年度法治政府建设工作安排\n一、甲\n（一）乙。\n牵头单位：县丁局", { id: "t-2024" }).plan;
    const hint = () => buildMatrix(plan, roster).diagnostics[0]!.messageEn;
    const here = hint();
    vi.spyOn(String.prototype, "localeCompare").mockImplementation(function (this: string, that: string) {
      return this < that ? 1 : this > that ? -1 : 0;
    });
    expect(hint()).toBe(here);
    expect(here).toContain("县丙局, 县乙局, 县戊局");
  });

  it("a wrong argument is a FazhiError naming the function and the argument", () => {
    try {
      tasksOf(ctx.matrix, 42 as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FazhiError);
      expect((e as FazhiError).code).toBe("invalid_argument");
      expect((e as FazhiError).messageEn).toContain("tasksOf: bad argument unit");
    }
    expect(() => buildMatrix(ctx.plan, {} as never)).toThrow(/buildMatrix: bad argument roster/);
    expect(() => expandSchedule(ctx.plan, { dueOnRestday: "next" } as never)).toThrow(/Unrecognized key/);
    expect(() => emptyLedger("计划" as never)).toThrow(FazhiError);
  });
});

describe("the unknown-unit crash", () => {
  it("a parsed plan naming units the roster lacks gives diagnostics, not a revoked-proxy TypeError", () => {
    const { plan } = parsePlanText("测试县2024年度法治政府建设工作安排\n一、甲\n（一）乙。\n牵头单位：县司法局、县不存在局\n责任单位：各园区", { id: "t-2024" });
    const matrix = buildMatrix(plan, county([{ id: "sfj", name: "县司法局" }]));
    expect(matrix.diagnostics.map((d) => d.code)).toEqual(["unknown_unit", "unknown_unit"]);
    expect(matrix.diagnostics.every((d) => d.source !== undefined)).toBe(true);
  });
});
