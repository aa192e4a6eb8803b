import { describe, expect, it } from "vitest";
import { Plan } from "../../src/model/plan.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { extractRequirements, findRequirements } from "../../src/schedule/extract.js";
import { normalizeText } from "../../src/text/normalize.js";
import { lazy } from "../support/lazy.js";
import { seedText } from "../support/seed.js";

const text = seedText();
// Parsed inside the tests (lazy), not when the file loads (the parser calls src/schedule/extract.ts):
// see test/support/lazy.ts.
const seedPlan = lazy(() => parsePlanText(text, { id: "wuzhi-2024" }).plan);
const task = (no: number) => seedPlan().sections.flatMap((s) => s.tasks)[no - 1]!;
const rules = (s: string, year: number | undefined = 2024) => findRequirements(s, year).found.map((f) => [f.rule, f.action]);

describe("requirements of the seed", () => {
  it("task 13: a June deadline for training and a September window for the mid-term review", () => {
    const r = task(13).requirements;
    expect(r.map((x) => [x.rule, x.action])).toEqual([
      [{ kind: "window", from: "2024-09-01", to: "2024-09-30" }, "开展中期评估"],
      [{ kind: "deadline", due: "2024-06-30" }, "完成全员轮训工作"],
    ]);
    expect(r.map((x) => x.id)).toEqual(["wuzhi-2024.t13.r1", "wuzhi-2024.t13.r2"]);
    expect(r.every((x) => x.clauseId === "wuzhi-2024.t13.c1")).toBe(true);
  });

  it("task 23: quarterly supervision with its 通报, half-yearly supervision, ongoing and on-event duties", () => {
    const r = task(23).requirements;
    const quarterly = r.find((x) => x.rule.kind === "recurring" && x.rule.period === "quarter")!;
    expect(quarterly.rule).toEqual({ kind: "recurring", period: "quarter", times: 1 });
    expect(quarterly.phrase).toBe("每季度开展一次执法监督，并将监督情况予以通报");
    expect(quarterly.action).toContain("通报");
    expect(r.find((x) => x.rule.kind === "recurring" && x.rule.period === "half_year")!.phrase).toBe("每半年开展一次执法监督，并在本系统予以通报");
    expect(r.map((x) => x.rule.kind)).toEqual(["ongoing", "recurring", "ongoing", "recurring", "on_event", "ongoing", "ongoing"]);
  });

  it("task 35: at least two lectures a year, by 各部门领导班子", () => {
    const quota = task(35).requirements.find((x) => x.rule.kind === "quota")!;
    expect(quota.rule).toEqual({ kind: "quota", period: "year", atLeast: 2 });
    expect(quota.units).toEqual([{ text: "各部门领导班子" }]);
    expect(quota.action).toBe("举办两期以上法治专题讲座");
  });

  it("points every requirement at its phrase in the original text, across page breaks", () => {
    for (const t of seedPlan().sections.flatMap((s) => s.tasks))
      for (const r of t.requirements) {
        const original = normalizeText(text.slice(r.source!.start, r.source!.end)).replace(/\s/g, "");
        expect({ id: r.id, original }).toEqual({ id: r.id, original: r.phrase.replace(/\s/g, "") });
      }
    const half = task(23).requirements[3]!;
    expect(text.slice(half.source!.start, half.source!.end)).toContain("\n");
  });
});

describe("findRequirements", () => {
  it("reads dated phrases", () => {
    expect(rules("3月15日前报送年度报告")).toEqual([[{ kind: "deadline", due: "2024-03-15" }, "报送年度报告"]]);
    expect(rules("年底前完成清理")).toEqual([[{ kind: "deadline", due: "2024-12-31" }, "完成清理"]]);
    expect(rules("年内出台实施办法")).toEqual([[{ kind: "deadline", due: "2024-12-31" }, "出台实施办法"]]);
    expect(rules("上半年完成评估")).toEqual([[{ kind: "window", from: "2024-01-01", to: "2024-06-30" }, "完成评估"]]);
    expect(rules("下半年开展督察")).toEqual([[{ kind: "window", from: "2024-07-01", to: "2024-12-31" }, "开展督察"]]);
    expect(rules("第三季度开展评查")).toEqual([[{ kind: "window", from: "2024-07-01", to: "2024-09-30" }, "开展评查"]]);
    expect(rules("十二月底前完成", 2025)).toEqual([[{ kind: "deadline", due: "2025-12-31" }, "完成"]]);
    expect(rules("2月底前完成", 2024)[0]![0]).toEqual({ kind: "deadline", due: "2024-02-29" });
  });

  it("reads recurring and quota phrases with Chinese numerals", () => {
    expect(rules("每月报送一次工作进展")).toEqual([[{ kind: "recurring", period: "month", times: 1 }, "报送一次工作进展"]]);
    expect(rules("每年开展两次集中学法")).toEqual([[{ kind: "recurring", period: "year", times: 2 }, "开展两次集中学法"]]);
    expect(rules("每半年通报")).toEqual([[{ kind: "recurring", period: "half_year", times: 1 }, "通报"]]);
    expect(rules("每季度不少于3次")[0]![0]).toEqual({ kind: "quota", period: "quarter", atLeast: 3 });
    expect(rules("全年至少十二次")[0]![0]).toEqual({ kind: "quota", period: "year", atLeast: 12 });
    expect(rules("举办三期以上培训班")[0]![0]).toEqual({ kind: "quota", period: "year", atLeast: 3 });
  });

  it("reads ongoing and on-event duties, and nothing from plain text", () => {
    expect(rules("定期通报任务进展").map(([r]) => r)).toEqual([{ kind: "ongoing" }]);
    expect(rules("建立常态化沟通机制").map(([r]) => r)).toEqual([{ kind: "ongoing" }]);
    expect(rules("及时纠正违法行为").map(([r]) => r)).toEqual([{ kind: "on_event" }]);
    expect(rules("坚持党的领导")).toEqual([]);
    expect(rules("认真开展2024年度考核")).toEqual([]);
  });

  it("needs the year for dated phrases, and says so", () => {
    expect(findRequirements("6月底前完成", undefined)).toEqual({ found: [], needsYear: true });
    const p = Plan.parse({ ...JSON.parse(JSON.stringify(seedPlan())), year: undefined });
    expect(extractRequirements(p).diagnostics.map((d) => d.code)).toEqual(["requirements_undated"]);
  });
});

describe("extractRequirements", () => {
  it("gives the same rules as the parser, without source spans", () => {
    const plan = seedPlan();
    const bare = JSON.parse(JSON.stringify(plan));
    for (const s of bare.sections) for (const t of s.tasks) t.requirements = [];
    const { plan: again } = extractRequirements(Plan.parse(bare));
    const strip = (p: Plan) => p.sections.flatMap((s) => s.tasks.flatMap((t) => t.requirements.map(({ source: _s, ...r }) => r)));
    expect(strip(again)).toEqual(strip(plan));
  });
});

/** The [phrase, rule] pairs read from a text. */
const read = (s: string, year: number | undefined = 2024) => findRequirements(s, year).found.map((f) => [f.phrase, f.rule]);

describe("findRequirements, phrase by phrase", () => {
  it("reads each kind of phrase from the one character that lets a sentence be read (常 持 时 期 场 个 批)", () => {
    expect(read("常态化开展")).toEqual([["常态化开展", { kind: "ongoing" }]]);
    expect(read("持续推进")).toEqual([["持续推进", { kind: "ongoing" }]]);
    expect(read("经常性开展")).toEqual([["经常性开展", { kind: "ongoing" }]]);
    expect(read("及时处理")).toEqual([["及时处理", { kind: "on_event" }]]);
    expect(read("至少5场")).toEqual([["至少5场", { kind: "quota", period: "year", atLeast: 5 }]]);
    expect(read("至少2个")).toEqual([["至少2个", { kind: "quota", period: "year", atLeast: 2 }]]);
    expect(read("不少于3批")).toEqual([["不少于3批", { kind: "quota", period: "year", atLeast: 3 }]]);
    expect(read("举办三期以上")).toEqual([["三期以上", { kind: "quota", period: "year", atLeast: 3 }]]);
    expect(read("举办三场及以上")).toEqual([["三场及以上", { kind: "quota", period: "year", atLeast: 3 }]]);
  });

  it("reads month ends, days and year ends with or without 前, and only real dates", () => {
    expect(read("3月底完成")).toEqual([["3月底完成", { kind: "deadline", due: "2024-03-31" }]]);
    expect(read("6月30日之前报送")).toEqual([["6月30日之前报送", { kind: "deadline", due: "2024-06-30" }]]);
    expect(read("年底完成")).toEqual([["年底完成", { kind: "deadline", due: "2024-12-31" }]]);
    expect(read("年末前完成")).toEqual([["年末前完成", { kind: "deadline", due: "2024-12-31" }]]);
    expect(read("2月29日前完成", 2024)).toEqual([["2月29日前完成", { kind: "deadline", due: "2024-02-29" }]]);
    for (const s of ["2月29日前完成", "2月30日前完成", "3月0日前完成", "13月1日前完成", "0月底前完成", "13月底前完成", "13月份开展", "0月份开展", "3月底日", "2024年内完成"]) expect(read(s, 2023), s).toEqual([]);
  });

  it("reads quarters and months with either kind of numeral, but not 每一季度", () => {
    expect(read("四季度完成")).toEqual([["四季度完成", { kind: "window", from: "2024-10-01", to: "2024-12-31" }]]);
    expect(read("第1季度完成")).toEqual([["第1季度完成", { kind: "window", from: "2024-01-01", to: "2024-03-31" }]]);
    expect(read("第二季度完成")).toEqual([["第二季度完成", { kind: "window", from: "2024-04-01", to: "2024-06-30" }]]);
    expect(read("十二月份开展")).toEqual([["十二月份开展", { kind: "window", from: "2024-12-01", to: "2024-12-31" }]]);
    expect(read("2月份开展", 2023)).toEqual([["2月份开展", { kind: "window", from: "2023-02-01", to: "2023-02-28" }]]);
    expect(read("每一季度开展一次检查")).toEqual([]);
    expect(read("每上半年开展一次")).toEqual([]);
  });

  it("reads 每季 as a quarter, a quota's period from the 每 before it, and caps the times at 366", () => {
    expect(read("每季开展一次检查")).toEqual([["每季开展一次检查", { kind: "recurring", period: "quarter", times: 1 }]]);
    expect(read("每半年至少一次")).toEqual([["每半年至少一次", { kind: "quota", period: "half_year", atLeast: 1 }]]);
    expect(read("每月不少于2次")).toEqual([["每月不少于2次", { kind: "quota", period: "month", atLeast: 2 }]]);
    expect(read("每年开展400次")).toEqual([["每年开展400次", { kind: "recurring", period: "year", times: 366 }]]);
    expect(read("每月至少0次")).toEqual([["每月至少0次", { kind: "recurring", period: "month", times: 1 }]]);
  });

  it("takes the times of a recurring phrase from its own sub-clause, at most 12 characters on", () => {
    expect(read("每年召开全体会议，听取两次汇报")[0]![1]).toEqual({ kind: "recurring", period: "year", times: 1 });
    expect(read("每年在全县范围内组织开展检查两次")[0]![1]).toEqual({ kind: "recurring", period: "year", times: 2 }); // 12 characters between
    expect(read("每年在全县范围内组织开展大检查两次")[0]![1]).toEqual({ kind: "recurring", period: "year", times: 1 }); // 13
  });

  it("keeps a standing duty in its own sub-clause, and gives way to a dated phrase inside it", () => {
    expect(read("持续推进，6月底前完成")).toEqual([["持续推进", { kind: "ongoing" }], ["6月底前完成", { kind: "deadline", due: "2024-06-30" }]]);
    expect(read("常态化6月底前完成")).toEqual([["6月底前完成", { kind: "deadline", due: "2024-06-30" }]]);
    expect(read("每月及时报送")).toEqual([["每月及时报送", { kind: "recurring", period: "month", times: 1 }]]);
    expect(read("及时报告，每月通报")).toEqual([["及时报告", { kind: "on_event" }], ["每月通报", { kind: "recurring", period: "month", times: 1 }]]);
  });

  it("splits sentences at 。；！？ and line breaks, with offsets into the whole text", () => {
    const found = findRequirements("及时报告。每月通报；定期检查！年底前完成？持续推进\n每季度督查", 2024).found;
    expect(found.map((f) => [f.from, f.to, f.phrase])).toEqual([[0, 4, "及时报告"], [5, 9, "每月通报"], [10, 14, "定期检查"], [15, 20, "年底前完成"], [21, 25, "持续推进"], [26, 31, "每季度督查"]]);
  });

  it("trims the action of 前、之前、内、应当、要、须 and commas, and drops trailing punctuation from the phrase", () => {
    expect(findRequirements("6月底前，完成清理", 2024).found.map((f) => [f.phrase, f.action])).toEqual([["6月底前，完成清理", "完成清理"]]);
    expect(findRequirements("每月要报送", 2024).found[0]!.action).toBe("报送");
    expect(findRequirements("每月须报送", 2024).found[0]!.action).toBe("报送");
    expect(findRequirements("每月通报：", 2024).found.map((f) => [f.phrase, f.to])).toEqual([["每月通报", 4]]);
    expect(findRequirements("年底前", 2024).found[0]!.action).toBe("年底前"); // nothing after the time: the phrase itself
    expect(findRequirements("每月开展重要检查", 2024).found[0]!.action).toBe("开展重要检查"); // 要 only at the start
    expect(findRequirements("6月底前 完成", 2024).found[0]!.action).toBe("完成");
  });

  it("names a collective subject of up to 各 and 14 characters before the phrase, in the phrase's own sentence", () => {
    const subject = (s: string) => findRequirements(s, 2024).found[0]?.subject;
    expect(subject("第一句，内容。各部门每年开展两次培训")).toBe("各部门");
    expect(subject("各乡镇须每季度开展检查")).toBe("各乡镇");
    expect(subject("按照县委县政府统一部署要求，各部门每年开展两次培训")).toBe("各部门"); // after a long first sub-clause
    expect(subject("各主要部门每年开展两次培训")).toBe("各主要部门"); // 要 only at the end
    expect(subject("各乡镇必须每季度开展检查")).toBe("各乡镇");
    expect(subject("各乡镇需每季度开展检查")).toBe("各乡镇");
    expect(subject("各一二三四五六七八九十一二三四应当每年开展检查")).toBe("各一二三四五六七八九十一二三四"); // 各 + 14 + 应当: 17 characters
    expect(subject("各一二三四五六七八九十一二三四五应当每年开展检查")).toBeUndefined(); // 18
    expect(subject("各一二三四五六七八九十一二三四五每年开展检查")).toBeUndefined(); // 各 + 15
    expect(subject("县各部门每年开展检查")).toBeUndefined();
    expect(subject("各每年开展检查")).toBeUndefined();
  });

  it("says a year is needed for each kind of dated phrase, and not for the others", () => {
    for (const s of ["6月底前完成", "9月份开展", "3月15日前报送", "年底前完成", "年内出台", "上半年完成", "第三季度开展"]) expect(findRequirements(s, undefined), s).toEqual({ found: [], needsYear: true });
    expect(findRequirements("每月报送一次", undefined).needsYear).toBe(false);
    expect(findRequirements("6月底前完成", 2024).needsYear).toBe(false);
  });
});

describe("findRequirements, sub-clauses, numerals and neighbouring phrases", () => {
  it("starts a standing duty's sub-clause after 、 and ：, not only after ，", () => {
    expect(read("健全制度、定期开展检查")).toEqual([["定期开展检查", { kind: "ongoing" }]]);
    expect(read("工作要求：持续推进")).toEqual([["持续推进", { kind: "ongoing" }]]);
  });

  it("reads a line that is nothing but the phrase, as in a table's frequency column", () => {
    expect(read("频次\n每月")).toEqual([["每月", { kind: "recurring", period: "month", times: 1 }]]);
    expect(read("每年")).toEqual([["每年", { kind: "recurring", period: "year", times: 1 }]]);
  });

  it("reads January and the first day of a month", () => {
    expect(read("1月底前完成")).toEqual([["1月底前完成", { kind: "deadline", due: "2024-01-31" }]]);
    expect(read("1月份开展")).toEqual([["1月份开展", { kind: "window", from: "2024-01-01", to: "2024-01-31" }]]);
    expect(read("7月1日前报送")).toEqual([["7月1日前报送", { kind: "deadline", due: "2024-07-01" }]]);
  });

  it("reads nothing, and does not throw, where a numeral is not one (十十)", () => {
    for (const s of ["3月十十日前完成", "十十月底前完成", "至少十十次"]) expect(read(s), s).toEqual([]);
  });

  it("takes the action right after a dated phrase, whatever the lengths of both", () => {
    expect(rules("3月15日前报送报告")).toEqual([[{ kind: "deadline", due: "2024-03-15" }, "报送报告"]]);
    expect(rules("第三季度开展评查工作")).toEqual([[{ kind: "window", from: "2024-07-01", to: "2024-09-30" }, "开展评查工作"]]);
    expect(rules("6月底之前，完成清理")).toEqual([[{ kind: "deadline", due: "2024-06-30" }, "完成清理"]]); // 之前 and the comma both go
  });

  it("gives a quota the period of a 每… only from before it in its own sub-clause", () => {
    expect(read("全年开展检查不少于两次，每季度通报进展")[0]![1]).toEqual({ kind: "quota", period: "year", atLeast: 2 });
    expect(read("每月召开例会，全年至少两次专题会")[0]![1]).toEqual({ kind: "recurring", period: "month", times: 1 });
  });

  it("drops an on-event duty inside a periodic phrase that follows a standing duty", () => {
    expect(read("持续推进，每月及时通报")).toEqual([["持续推进", { kind: "ongoing" }], ["每月及时通报", { kind: "recurring", period: "month", times: 1 }]]);
  });
});

describe("extractRequirements on hand-made plans", () => {
  const plan = (year: number | undefined, tasks: ReadonlyArray<{ text: string; clauses?: string[] }>) =>
    Plan.parse({
      id: "h-2024",
      title: "t",
      ...(year === undefined ? {} : { year }),
      sections: [{
        no: 1,
        title: "s",
        tasks: tasks.map((t, i) => ({
          id: `h-2024.t0${i + 1}`, no: i + 1, title: "t", text: t.text,
          clauses: (t.clauses ?? []).map((text, j) => ({ id: `h-2024.t0${i + 1}.c${j + 1}`, text, assignment: { lead: [], responsible: [], support: [] } })),
          requirements: [],
        })),
      }],
    });
  const reqs = (p: Plan) => p.sections.flatMap((s) => s.tasks.flatMap((t) => t.requirements.map((r) => [r.id, r.clauseId, r.phrase, r.rule, r.units])));

  it("reads each clause, or the task's text when it has none, numbering a task's requirements in order", () => {
    const { plan: out, diagnostics } = extractRequirements(plan(2024, [{ text: "任务。年底前完成", clauses: ["每月通报。及时报告", "各部门每年开展两次培训"] }, { text: "6月底前完成清理" }]));
    expect(reqs(out)).toEqual([
      ["h-2024.t01.r1", "h-2024.t01.c1", "每月通报", { kind: "recurring", period: "month", times: 1 }, undefined],
      ["h-2024.t01.r2", "h-2024.t01.c1", "及时报告", { kind: "on_event" }, undefined],
      ["h-2024.t01.r3", "h-2024.t01.c2", "每年开展两次培训", { kind: "recurring", period: "year", times: 2 }, [{ text: "各部门" }]],
      ["h-2024.t02.r1", undefined, "6月底前完成清理", { kind: "deadline", due: "2024-06-30" }, undefined],
    ]);
    expect(Object.keys(out.sections[0]!.tasks[1]!.requirements[0]!)).toEqual(["id", "phrase", "action", "rule"]);
    expect(diagnostics).toEqual([]);
    expect([Object.isFrozen(out), Object.isFrozen(out.sections[0]!.tasks[0]!.requirements[0]), Object.isFrozen(diagnostics)]).toEqual([true, true, true]);
  });

  it("takes the year from the option before the plan's, and warns when there is neither", () => {
    const p = plan(2024, [{ text: "6月底前完成清理" }]);
    expect(reqs(extractRequirements(p, { year: 2025 }).plan)[0]![3]).toEqual({ kind: "deadline", due: "2025-06-30" });
    expect(reqs(extractRequirements(p, { year: 1949 }).plan)[0]![3]).toEqual({ kind: "deadline", due: "1949-06-30" });
    expect(reqs(extractRequirements(p, { year: 2200 }).plan)[0]![3]).toEqual({ kind: "deadline", due: "2200-06-30" });
    const { plan: undated, diagnostics } = extractRequirements(plan(undefined, [{ text: "每月通报" }, { text: "6月底前完成清理" }]));
    expect(reqs(undated).map((r) => r[2])).toEqual(["每月通报"]);
    expect(diagnostics).toEqual([{ code: "requirements_undated", severity: "warning", message: "未知计划年度，带日期的要求（如“6月底前”）未能读出", messageEn: "The plan year is unknown, so dated requirements (like 6月底前) were not read", path: ["year"] }]);
  });

  it("refuses a year outside 1949–2200 or not whole, and options that are not an object", () => {
    const p = plan(2024, [{ text: "6月底前完成清理" }]);
    const badYear = { code: "invalid_argument", message: "extractRequirements：参数 options.year 不正确：应为 1949–2200 之间的整数 (extractRequirements: bad argument options.year: must be a whole number from 1949 to 2200)" };
    for (const year of [1948, 2201, 2024.5]) expect(() => extractRequirements(p, { year }), String(year)).toThrow(expect.objectContaining(badYear));
    expect(() => extractRequirements(p, 2024 as never)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringMatching(/^extractRequirements：参数 options 不正确/) }));
    expect(() => extractRequirements({ id: "x" } as never)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringMatching(/^extractRequirements：参数 plan 不正确/) }));
  });
});
