import { describe, expect, it } from "vitest";
import { planCoverage } from "../../src/compare/coverage.js";
import { planTasks } from "../../src/compare/tasks.js";
import { coverageToText } from "../../src/compare/text.js";
import { Coverage } from "../../src/model/compare.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { corpusPlan, seedPlan } from "./support/plans.js";
import { validByJsonSchema } from "./support/schema.js";

describe("planCoverage", () => {
  it("shows the city task the county took up, and the county task with no anchor in the city fragment (湖州市 → 德清县)", () => {
    const c = planCoverage(corpusPlan("huzhou-2022-zwgk-yaodian"), corpusPlan("deqing-2022-zwgk-yaodian"));
    expect(c.counts).toEqual({ upperTasks: 1, taken: 1, untaken: 0, planTasks: 2, anchored: 1, unanchored: 1 });
    expect(c.items[0]!.takenUpBy.map((l) => l.task.label)).toEqual(["（一）"]);
    expect(c.items[0]!.takenUpBy[0]!.coverage).toBeGreaterThan(0.5);
    expect(c.unanchored.map((t) => t.title)).toEqual(["提升优化营商环境公开水平"]);
  });

  it("is many-to-many: a task that merges two higher-level tasks takes up both", () => {
    const upper = seedPlan();
    const [t6, t7] = planTasks(upper).slice(5, 7).map((t) => t.task.text);
    const plan = parsePlanText(`某县2024年度法治政府建设工作安排\n\n一、健全依法行政制度体系\n\n（一）${t6}${t7}`, { id: "county-2024" }).plan;
    const c = planCoverage(upper, plan);
    expect(c.counts.taken).toBe(2);
    expect(c.counts.untaken).toBe(33);
    expect(c.items.filter((i) => i.takenUpBy.length > 0).map((i) => i.task.no)).toEqual([6, 7]);
    expect(c.unanchored).toEqual([]);
  });

  it("gives data that its schema and its JSON Schema accept, and reads as text", () => {
    const c = planCoverage(corpusPlan("liaocheng-2021-zwgk-yaodian"), corpusPlan("guanxian-2021-zwgk-yaodian"));
    const json = JSON.parse(JSON.stringify(c));
    expect(Coverage.parse(json)).toEqual(json);
    expect(validByJsonSchema("Coverage", json)).toBe(true);
    const text = coverageToText(c);
    expect(text).toContain("上级任务 1 项：已承接 1，未承接 0");
    expect(text).toContain("“围绕项目建设，做好重大项目批准和实施领域信息公开”");
  });
});
