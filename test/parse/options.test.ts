import { describe, expect, it } from "vitest";
import type { Plan } from "../../src/model/plan.js";
import type { NumberingStyle } from "../../src/parse/numbering.js";
import { PLAN_RULES, parsePlanText } from "../../src/parse/parse-plan.js";
import type { NoiseRule, RoleRule } from "../../src/parse/rules.js";
import { seedText } from "../support/seed.js";

const tasks = (plan: Plan) => plan.sections.flatMap((s) => s.tasks);
const units = (plan: Plan, role: "lead" | "responsible" | "support" = "lead") => tasks(plan).map((t) => t.clauses.flatMap((c) => c.assignment[role].map((r) => r.text)));

describe("options a county passes", () => {
  it("roleWords and roleVerbs add label words and verbs", () => {
    const doc = "一、甲\n（一）推进改革。\n主抓单位：县司法局\n（二）加强监督。（县审计局督办）";
    expect(units(parsePlanText(doc).plan)).toEqual([[], []]);
    const { plan } = parsePlanText(doc, { roleWords: { 主抓单位: "lead" }, roleVerbs: { 督办: "lead" } });
    expect(units(plan)).toEqual([["县司法局"], ["县审计局"]]);
  });

  it("unitPredicates adds trailing words kept out of names", () => {
    const doc = "一、甲\n（一）推进改革。\n责任单位：县司法局、县公安局统筹";
    expect(units(parsePlanText(doc).plan, "responsible")).toEqual([["县司法局", "县公安局统筹"]]);
    const refs = tasks(parsePlanText(doc, { unitPredicates: ["统筹"] }).plan)[0]!.clauses[0]!.assignment.responsible;
    expect(refs.map((r) => [r.text, r.qualifier])).toEqual([["县司法局", undefined], ["县公安局", "统筹"]]);
  });

  it("nonTaskSections adds section words that hold no tasks", () => {
    const doc = "一、工作措施\n各部门要落实。\n二、主要任务\n（一）推进改革。";
    expect(tasks(parsePlanText(doc).plan)).toHaveLength(2);
    expect(tasks(parsePlanText(doc, { nonTaskSections: ["工作措施"] }).plan)).toHaveLength(1);
  });
});

describe("rules: disable by name, add your own", () => {
  it("lists every built-in rule by kind, and each name can be turned off without harm", () => {
    const names = Object.values(PLAN_RULES).flat();
    expect(new Set(names).size).toBe(names.length);
    const seed = seedText();
    for (const name of names) expect(tasks(parsePlanText(seed, { rules: { disable: [name] } }).plan).length).toBeGreaterThan(0);
  });

  it("turning a rule off changes what it reads", () => {
    const doc = "一、甲\n（一）推进改革。（县司法局牵头，县公安局配合）\n（二）加强监督。（县审计局、县财政局）";
    expect(units(parsePlanText(doc).plan, "responsible")).toEqual([[], ["县审计局", "县财政局"]]);
    const off = parsePlanText(doc, { rules: { disable: ["roleVerbs", "bareUnitList"] } }).plan;
    expect([...units(off), ...units(off, "responsible")].flat()).toEqual([]);
    expect(tasks(parsePlanText("第一条 加强学习。\n第二条 推进改革。", { rules: { disable: ["article"] } }).plan)).toHaveLength(0);
  });

  it("adds a noise rule, a numbering style and a role rule of the caller's", () => {
    const stars: NoiseRule = { name: "stars", apply: (line) => (line.text.startsWith("***") ? { text: "", map: new Int32Array(0) } : undefined) };
    const dashed: NumberingStyle = {
      name: "dashed",
      rank: 3,
      match: (text, at) => {
        const m = /^-(\d{1,2})-/.exec(text.slice(at, at + 5));
        return m === null ? undefined : { length: m[0].length, numeral: Number(m[1]) };
      },
    };
    const chief: RoleRule = { name: "chief", read: (text, from, to) => (text.startsWith("主抓", from) ? { segments: [{ role: "lead", word: "主抓", from: from + 2, to }] } : undefined) };
    const doc = "一、甲\n*** 页眉 ***\n-1-推进改革。（主抓县司法局）\n-2-加强监督。";
    const { plan } = parsePlanText(doc, { rules: { noise: [stars], numbering: [dashed], roles: [chief] } });
    expect(tasks(plan).map((t) => [t.label, t.title])).toEqual([["-1-", "推进改革"], ["-2-", "加强监督"]]);
    expect(units(plan)).toEqual([["县司法局"], []]);
  });
});
