// Every kind of clause, deduction by deduction: the amount to the hundredth, the ledger entries
// behind it, and what it says in Chinese and in English — including the edges where a clause
// deducts nothing (a target met exactly, a trend that stood still, a problem rectified on its
// due date) and the data it reports missing.
import { describe, expect, it } from "vitest";
import { IsoDate } from "../../src/model/dates.js";
import type { ScoreCard } from "../../src/model/scoring.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { ledgerOf, world } from "../support/small-world.js";

const w = world();
const cardOf = (methods: unknown[], entries: unknown[], extra: { appliesTo?: unknown; asOf?: string; unit?: string } = {}): ScoreCard => {
  const r = readScheme(
    {
      id: "m", title: "评分方法", total: 10, normalise: false,
      areas: [{ id: "a", name: "甲", points: 10 }],
      indicators: [{ id: "i", name: "指标", area: "a", points: 10, appliesTo: extra.appliesTo ?? {}, methods }],
      grades: [{ name: "优秀", min: 90 }], lowestGrade: "不合格",
    },
    { plan: w.plan, roster: w.roster },
  );
  if (!r.ok) throw new Error(r.issues.map((d) => `${d.path.join(".")} ${d.message}`).join("\n"));
  const asOf = extra.asOf === undefined ? w.asOf : IsoDate.parse(extra.asOf);
  return scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme: r.value, ledger: ledgerOf(entries), asOf }).find((c) => c.unitId === (extra.unit ?? "sfj"))!;
};
/** The indicator's deductions: [reason, reasonEn, hundredths, entries]. */
const found = (methods: unknown[], entries: unknown[], extra: { appliesTo?: unknown; asOf?: string; unit?: string } = {}) =>
  cardOf(methods, entries, extra).lines[0]!.adjustments.map((a) => [a.reason, a.reasonEn, a.hundredths, a.entries]);
const missingNote = (methods: unknown[], entries: unknown[]) => cardOf(methods, entries).lines[0]!.note;
const incident = (id: string, tag: string, extra: Record<string, unknown> = {}) => ({ id, unitId: "sfj", date: "2024-06-01", kind: "incident", tag, ...extra });
const measure = (id: string, metric: string, value: number, extra: Record<string, unknown> = {}) => ({ id, unitId: "sfj", date: "2024-11-30", kind: "measure", metric, value, ...extra });

describe("incidents, conditions and tiers", () => {
  it("incidents add up their counts; the entries are listed in id order", () => {
    expect(found([{ kind: "incidents", tag: "执法过错", per: 0.57 }], [incident("i2", "执法过错", { count: 2 }), incident("i1", "执法过错")])).toEqual([
      ["发现“执法过错”3起，每起扣0.57分", '3 "执法过错", 0.57 each', 171, ["i1", "i2"]],
    ]);
  });

  it("a condition deducts once however often it is found", () => {
    expect(found([{ kind: "condition", tag: "制度不健全", points: 2.29 }], [incident("c2", "制度不健全"), incident("c1", "制度不健全", { count: 3 })])).toEqual([
      ["存在“制度不健全”的情形", 'Found: "制度不健全"', 229, ["c1", "c2"]],
    ]);
  });

  it("a tier deducts the worst case found, whichever order the tiers are written in, and names the others", () => {
    const light = { tag: "t2", name: "落实不到位", deduct: 2.29 };
    const heavy = { tag: "t1", name: "制度不健全", deduct: 3 };
    const both = [incident("b", "t2"), incident("a", "t1")];
    expect(found([{ kind: "tier", tiers: [heavy, light] }], both)).toEqual([
      ["存在“制度不健全”“落实不到位”等情形，按最重的“制度不健全”扣分", 'Found "制度不健全", "落实不到位"; the worst, "制度不健全", counts', 300, ["a", "b"]],
    ]);
    expect(found([{ kind: "tier", tiers: [light, heavy] }], both)).toEqual([
      ["存在“落实不到位”“制度不健全”等情形，按最重的“制度不健全”扣分", 'Found "落实不到位", "制度不健全"; the worst, "制度不健全", counts', 300, ["a", "b"]],
    ]);
    expect(found([{ kind: "tier", tiers: [heavy, light] }], [incident("b", "t2")])).toEqual([["存在“落实不到位”的情形", 'Found "落实不到位"; the worst, "落实不到位", counts', 229, ["b"]]]);
    expect(found([{ kind: "tier", tiers: [heavy, light] }], [incident("x", "other")])).toEqual([]);
  });

  it("two tiers of equal weight found together: the one written first is named as the one that counts", () => {
    const a = { tag: "t1", name: "甲情形", deduct: 2 };
    const b = { tag: "t2", name: "乙情形", deduct: 2 };
    const both = [incident("x", "t1"), incident("y", "t2")];
    expect(found([{ kind: "tier", tiers: [a, b] }], both)[0]!.slice(0, 3)).toEqual(["存在“甲情形”“乙情形”等情形，按最重的“甲情形”扣分", 'Found "甲情形", "乙情形"; the worst, "甲情形", counts', 200]);
    expect(found([{ kind: "tier", tiers: [b, a] }], both)[0]![0]).toBe("存在“乙情形”“甲情形”等情形，按最重的“乙情形”扣分");
  });
});

describe("counts", () => {
  it("a reported count below the minimum: per time short and once for being below, in words", () => {
    const method = { kind: "count", atLeast: 4, metric: "讲座次数", perShort: 0.5, below: 1 };
    // 2.7 reported: 2 whole times, 2 short: 2 × 0.5 + 1 = 2.
    expect(found([method], [measure("m1", "讲座次数", 2.7)])).toEqual([["“讲座次数”为2次，少于4次，少2次，每少一次扣0.5分，少于4次扣1分", "2 times, 2 short of 4", 200, ["m1"]]]);
    expect(found([method], [measure("m1", "讲座次数", 4)])).toEqual([]);
    expect(found([method], [measure("m1", "讲座次数", 3.99)]).map((a) => a[2])).toEqual([150]);
    expect(found([{ kind: "count", atLeast: 2, metric: "讲座次数", below: 1.25 }], [measure("m1", "讲座次数", -3)])).toEqual([["“讲座次数”为0次，少于2次，少2次，少于2次扣1.25分", "0 times, 2 short of 2", 125, ["m1"]]]);
    expect(missingNote([method], [])).toBe("缺少“讲座次数”的数据，按0分计");
  });

  it("completions of the named tasks counted, each entry once and with its count", () => {
    const held = (id: string, count?: number) => ({ id, unitId: "zfb", taskId: "test-2024.t02", requirementId: "test-2024.t02.r1", date: "2024-05-01", kind: "held", ...(count === undefined ? {} : { count }) });
    const method = { kind: "count", atLeast: 3, taskIds: ["test-2024.t02"], requirementIds: ["test-2024.t02.r1"], perShort: 0.25 };
    expect(found([method], [held("h2"), held("h1")], { unit: "zfb" })).toEqual([["完成次数为2次，少于3次，少1次，每少一次扣0.25分", "2 times, 1 short of 3", 25, ["h1", "h2"]]]);
    expect(found([method], [held("h1", 3)], { unit: "zfb" })).toEqual([]);
  });

  it("a count short with nothing to deduct (perShort 0) still says how short, and names no amount", () => {
    expect(found([{ kind: "count", atLeast: 3, metric: "讲座次数", perShort: 0 }], [measure("m1", "讲座次数", 1)])).toEqual([["“讲座次数”为1次，少于3次，少2次", "1 times, 2 short of 3", 0, ["m1"]]]);
  });
});

describe("rates", () => {
  const rate = (extra: Record<string, unknown>) => ({ kind: "rate", metric: "合格率", bound: "at_least", target: 95, per: 1, ...extra });

  it("whole steps of half a point (不足一档不扣), started steps (不足一档按一档), one deduction, exact", () => {
    const v = [measure("m1", "合格率", 93.2)]; // 1.8 below 95
    expect(found([rate({ step: 0.5, steps: "whole" })], v)).toEqual([["“合格率”为93.2%，比要求的95%低1.8个百分点，每低0.5个百分点扣1分（不足一档不扣）", '"合格率" is 93.2%, 1.8 below 95%', 300, ["m1"]]]);
    expect(found([rate({ step: 0.5, steps: "started" })], v)).toEqual([["“合格率”为93.2%，比要求的95%低1.8个百分点，每低0.5个百分点扣1分（不足一档按一档）", '"合格率" is 93.2%, 1.8 below 95%', 400, ["m1"]]]);
    expect(found([rate({ steps: "once", per: 2.25 })], v)).toEqual([["“合格率”为93.2%，比要求的95%低1.8个百分点", '"合格率" is 93.2%, 1.8 below 95%', 225, ["m1"]]]);
    expect(found([rate({ per: 0.57 })], v)).toEqual([["“合格率”为93.2%，比要求的95%低1.8个百分点，每低1个百分点扣0.57分", '"合格率" is 93.2%, 1.8 below 95%', 103, ["m1"]]]);
    expect(found([rate({})], [measure("m1", "合格率", 95)])).toEqual([]);
    expect(found([rate({ step: 10, steps: "whole" })], v)).toEqual([]); // less than one step
  });

  it("exact steps of half a point count the part of a step too: 1.8 below is 3.6 steps", () => {
    expect(found([rate({ step: 0.5 })], [measure("m1", "合格率", 93.2)])).toEqual([["“合格率”为93.2%，比要求的95%低1.8个百分点，每低0.5个百分点扣1分", '"合格率" is 93.2%, 1.8 below 95%', 360, ["m1"]]]);
  });

  it("a target met exactly deducts nothing under every way of counting steps, once included", () => {
    const met = [measure("m1", "合格率", 95)];
    for (const steps of ["exact", "whole", "started", "once"]) expect(found([rate({ steps, step: 0.5 })], met)).toEqual([]);
    expect(found([rate({ steps: "once", bound: "at_most", target: 95 })], met)).toEqual([]);
  });

  it("a clause's own rounding wins over the scheme's: 1.8 × 0.57 = 1.026 is 1.03 half up, 1.02 down", () => {
    const v = [measure("m1", "合格率", 93.2)];
    expect(found([rate({ per: 0.57 })], v).map((a) => a[2])).toEqual([103]);
    expect(found([rate({ per: 0.57, rounding: "down" })], v).map((a) => a[2])).toEqual([102]);
  });

  it("an upper bound on a plain number (not a percentage): 每高1个单位", () => {
    const m = { kind: "rate", metric: "人均件数", percent: false, bound: "at_most", target: 3, per: 0.57 };
    // 4.25 − 3 = 1.25; 1.25 × 0.57 = 0.7125 → 0.71.
    expect(found([m], [measure("m1", "人均件数", 4.25)])).toEqual([["“人均件数”为4.25，比要求的3高1.25，每高1个单位扣0.57分", '"人均件数" is 4.25, 1.25 above 3', 71, ["m1"]]]);
    expect(found([{ ...m, step: 0.5 }], [measure("m1", "人均件数", 4.25)])[0]![0]).toBe("“人均件数”为4.25，比要求的3高1.25，每高0.5个单位扣0.57分");
    expect(found([m], [measure("m1", "人均件数", 2)])).toEqual([]);
  });

  it("a benchmark: the latest report of it by anyone, named in the reason and listed with the entries", () => {
    const m = rate({ target: { benchmark: "全县平均" } });
    const entries = [measure("m1", "合格率", 88.5), { ...measure("b1", "全县平均", 89), unitId: "gaj", date: "2024-10-01" }, { ...measure("b2", "全县平均", 90), unitId: "zfb", date: "2024-12-01" }];
    expect(found([m], entries)).toEqual([["“合格率”为88.5%，比“全县平均”（90%）低1.5个百分点，每低1个百分点扣1分", '"合格率" is 88.5%, 1.5 below 90%', 150, ["b2", "m1"]]]);
    expect(missingNote([m], [measure("m1", "合格率", 88.5)])).toBe("缺少基准“全县平均”的数据，按0分计");
  });

  it("a ratio of two reported numbers, in percent; a zero or missing denominator is missing data", () => {
    const m = { kind: "rate", ratio: { numerator: "办结数", denominator: "受理数" }, bound: "at_least", target: 95, per: 1 };
    // 45 / 50 = 90 %: 5 points below.
    expect(found([m], [measure("n", "办结数", 45), measure("d", "受理数", 50)])).toEqual([["“办结数/受理数”为90%，比要求的95%低5个百分点，每低1个百分点扣1分", '"办结数/受理数" is 90%, 5 below 95%', 500, ["d", "n"]]]);
    expect(missingNote([m], [measure("n", "办结数", 45), measure("d", "受理数", 0)])).toBe("缺少“受理数”（为0）的数据，按0分计");
    expect(missingNote([m], [measure("d", "受理数", 50)])).toBe("缺少“办结数”的数据，按0分计");
    expect(missingNote([m], [measure("n", "办结数", 45)])).toBe("缺少“受理数”的数据，按0分计");
  });

  it("a ratio of two decimals is exact: 9.45 / 10.5 = 90 %; 4.5 / 5.25 = 600/7 %, 65/7 below 95; a negative denominator is missing data", () => {
    const m = { kind: "rate", ratio: { numerator: "办结数", denominator: "受理数" }, bound: "at_least", target: 95, per: 1 };
    expect(found([m], [measure("n", "办结数", 9.45), measure("d", "受理数", 10.5)]).map((a) => [a[0], a[2]])).toEqual([["“办结数/受理数”为90%，比要求的95%低5个百分点，每低1个百分点扣1分", 500]]);
    // 4.5 / 5.25 × 100 = 600/7 = 85.714285…; 95 − 600/7 = 65/7 = 9.2857… → 9.29.
    expect(found([m], [measure("n", "办结数", 4.5), measure("d", "受理数", 5.25)]).map((a) => a[2])).toEqual([929]);
    expect(missingNote([m], [measure("n", "办结数", 45), measure("d", "受理数", -5)])).toBe("缺少“受理数”（为0）的数据，按0分计");
  });
});

describe("trends", () => {
  const last = (id: string, metric: string, value: number) => measure(id, metric, value, { date: "2023-12-31" });
  const trend = (when: string) => ({ kind: "trend", metrics: ["发案量"], when, per: 2 });

  it("rose, not fell, fell, not rose: each deducts on its own movement and says how the number moved", () => {
    const up = [last("l", "发案量", 12), measure("n", "发案量", 13)];
    const flat = [last("l", "发案量", 12), measure("n", "发案量", 12)];
    const down = [last("l", "发案量", 12), measure("n", "发案量", 11.5)];
    const deducts = (when: string) => [up, flat, down].map((e) => found([trend(when)], e).length);
    expect([deducts("rose"), deducts("not_fell"), deducts("fell"), deducts("not_rose")]).toEqual([[1, 0, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1]]);
    expect(found([trend("rose")], up)).toEqual([["“发案量”本年为13，上年为12，上升（上升的扣2分）", '"发案量" 13 this year, 12 last year', 200, ["l", "n"]]]);
    expect(found([trend("not_fell")], flat)[0]![0]).toBe("“发案量”本年为12，上年为12，持平（未下降的扣2分）");
    expect(found([trend("fell")], down)[0]![0]).toBe("“发案量”本年为11.5，上年为12，下降（下降的扣2分）");
    expect(found([trend("not_rose")], flat)[0]![0]).toBe("“发案量”本年为12，上年为12，持平（未上升的扣2分）");
  });

  it("a year missing is missing data, saying which year", () => {
    expect(missingNote([trend("rose")], [last("l", "发案量", 12)])).toBe("缺少“发案量”本年的数据，按0分计");
    expect(missingNote([trend("rose")], [measure("n", "发案量", 12)])).toBe("缺少“发案量”上年的数据，按0分计");
  });
});

describe("rectification", () => {
  const problem = (id: string, problemId: string, dueBy: string) => ({ id, unitId: "sfj", date: "2024-03-01", kind: "problem", problemId, dueBy });
  const rectified = (id: string, problemId: string, date: string) => ({ id, unitId: "sfj", date, kind: "rectified", problemId });
  const m = { kind: "rectification", perOpen: 1.25, perLate: 0.57 };

  it("open past its due date, rectified late; nothing for one rectified on its due date or due on the as-of date", () => {
    const entries = [
      problem("p1", "A", "2024-05-01"),
      problem("p2", "B", "2024-05-01"), rectified("r2", "B", "2024-05-02"),
      problem("p3", "C", "2024-05-01"), rectified("r3", "C", "2024-05-01"),
      problem("p4", "D", "2025-01-15"),
      problem("p5", "E", "2025-01-14"),
    ];
    expect(found([m], entries)).toEqual([
      ["督察发现的问题逾期未整改（整改期限2024年5月1日）", "Problem not rectified by 2024-05-01", 125, ["p1"]],
      ["督察发现的问题逾期整改（整改期限2024年5月1日，2024年5月2日整改）", "Problem rectified late (2024-05-02, due 2024-05-01)", 57, ["p2", "r2"]],
      ["督察发现的问题逾期未整改（整改期限2025年1月14日）", "Problem not rectified by 2025-01-14", 125, ["p5"]],
    ]);
  });

  it("a rectification reported for a problem the ledger never reported deducts nothing", () => {
    expect(found([m], [rectified("r1", "A", "2024-06-01"), problem("p2", "B", "2024-05-01"), rectified("r2", "B", "2024-04-01")])).toEqual([]);
  });

  it("problems are taken in the order of their ids, whatever the ledger's order", () => {
    const entries = [problem("p9", "Z", "2024-05-01"), problem("p1", "A", "2024-06-01")];
    expect(found([m], entries).map((a) => a[3])).toEqual([["p1"], ["p9"]]);
  });

  it("a late rectification lists its two entries in id order, the rectification's first when its id sorts first", () => {
    expect(found([m], [problem("x1", "A", "2024-05-01"), rectified("r1", "A", "2024-05-02")]).map((a) => a[3])).toEqual([["r1", "x1"]]);
  });
});

describe("occurrences", () => {
  const done = (id: string, date: string, q: number) => ({ id, unitId: "sfj", taskId: "test-2024.t01", requirementId: "test-2024.t01.r1", occurrenceId: `test-2024.t01.r1.2024-Q${q}`, date, kind: "done" });
  const lead = { taskIds: ["test-2024.t01"], roles: ["lead"] };

  it("overdue and late, in English too; a late completion with nothing to deduct for lateness says nothing", () => {
    const m = { kind: "occurrences", perMissing: 2, perLate: 0.5, latePer: { unit: "day", points: 0.25 } };
    const entries = [done("d1", "2024-03-31", 1), done("d2", "2024-07-03", 2), done("d3", "2024-09-30", 3), done("d4", "2024-12-31", 4)];
    expect(found([m], entries, { appliesTo: lead })).toEqual([
      ["任务1“开展一次执法监督”2024年第2季度的节点逾期3天完成，逾期完成扣0.5分，逾期3天，每天扣0.25分", "task 1 (2024年第2季度) done 3 days late", 125, ["d2"]],
    ]);
    expect(found([{ kind: "occurrences", perMissing: 2 }], entries, { appliesTo: lead })).toEqual([]);
    expect(found([{ kind: "occurrences", perMissing: 2, latePer: { unit: "month", points: 1 } }], entries, { appliesTo: lead })).toEqual([
      ["任务1“开展一次执法监督”2024年第2季度的节点逾期3天完成，逾期1个月，每个月扣1分", "task 1 (2024年第2季度) done 3 days late", 100, ["d2"]],
    ]);
    const missing = found([{ kind: "occurrences", perMissing: 2.25 }], [done("d1", "2024-03-31", 1)], { appliesTo: lead });
    expect(missing[0]).toEqual(["任务1“开展一次执法监督”2024年第2季度的节点逾期未完成（截止2024年6月30日）", "task 1 (2024年第2季度) overdue (due 2024-06-30)", 225, []]);
  });

  it("a late completion deducted a flat amount (no rate per day) says so, and nothing more", () => {
    const entries = [done("d1", "2024-03-31", 1), done("d2", "2024-07-03", 2), done("d3", "2024-09-30", 3), done("d4", "2024-12-31", 4)];
    expect(found([{ kind: "occurrences", perMissing: 2, perLate: 0.5 }], entries, { appliesTo: lead })).toEqual([
      ["任务1“开展一次执法监督”2024年第2季度的节点逾期3天完成，逾期完成扣0.5分", "task 1 (2024年第2季度) done 3 days late", 50, ["d2"]],
    ]);
  });

  it("all or nothing: the whole indicator, with every entry behind the misses", () => {
    const m = { kind: "occurrences", perMissing: 1, perLate: 1, allOrNothing: true };
    expect(found([m], [done("d1", "2024-03-31", 1), done("d2", "2024-07-03", 2)], { appliesTo: lead })).toEqual([["3项未按时完成，本项不得分", "3 item(s) not done on time: no points", 1000, ["d2"]]]);
  });

  it("the clause's scope: the indicator's tasks, narrowed to the kinds of rule or to the requirements it names", () => {
    // 县司法局 leads t01 (每季度, recurring: 4 nodes) and t03 (3月底前, deadline: 1 node) and did nothing.
    const both = { taskIds: ["test-2024.t01", "test-2024.t03"], roles: ["lead"] };
    const nodes = (extra: Record<string, unknown>, appliesTo: unknown = both) => found([{ kind: "occurrences", perMissing: 1, ...extra }], [], { appliesTo }).map((a) => (a[0] as string).slice(0, 3));
    expect(nodes({})).toEqual(["任务1", "任务3", "任务1", "任务1", "任务1"]);
    expect(nodes({ ruleKinds: ["deadline"] })).toEqual(["任务3"]);
    expect(nodes({ ruleKinds: ["recurring", "quota"] })).toEqual(["任务1", "任务1", "任务1", "任务1"]);
    expect(nodes({ requirementIds: ["test-2024.t03.r1"] })).toEqual(["任务3"]);
    expect(nodes({ requirementIds: ["test-2024.t03.r1"], ruleKinds: ["recurring"] })).toEqual([]);
    // Without tasks of its own (every unit assessed), the clause reads every requirement the unit leads.
    expect(nodes({ ruleKinds: ["deadline"] }, {})).toEqual(["任务3"]);
  });

  it("all or nothing with every node done on time deducts nothing", () => {
    const m = { kind: "occurrences", perMissing: 1, allOrNothing: true };
    const all = [done("d1", "2024-03-31", 1), done("d2", "2024-06-30", 2), done("d3", "2024-09-30", 3), done("d4", "2024-12-31", 4)];
    expect(found([m], all, { appliesTo: lead })).toEqual([]);
  });

  it("perShort is for nodes that need several completions: a missed node that needs one is deducted perMissing", () => {
    const m = { kind: "occurrences", perMissing: 2, perShort: 0.5 };
    expect(found([m], [done("d1", "2024-03-31", 1), done("d2", "2024-06-30", 2), done("d3", "2024-09-30", 3)], { appliesTo: lead })).toEqual([
      ["任务1“开展一次执法监督”2024年第4季度的节点逾期未完成（截止2024年12月31日）", "task 1 (2024年第4季度) overdue (due 2024-12-31)", 200, []],
    ]);
  });

  it("a yearly count short: done of needed, in English too", () => {
    const held = { id: "h1", unitId: "zfb", taskId: "test-2024.t02", requirementId: "test-2024.t02.r1", date: "2024-05-01", kind: "held" };
    expect(found([{ kind: "occurrences", perMissing: 10, perShort: 2.5 }], [held], { appliesTo: { taskIds: ["test-2024.t02"] }, unit: "zfb" })).toEqual([
      ["任务2“举办两期以上专题讲座”2024年的节点应完成2次，完成1次，少1次，每少一次扣2.5分", "task 2 (2024年): 1 of 2 done, 1 short at 2.5 each", 250, ["h1"]],
    ]);
  });
});
