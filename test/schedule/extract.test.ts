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
