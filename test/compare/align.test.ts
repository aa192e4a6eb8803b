import { describe, expect, it } from "vitest";
import { alignPlans } from "../../src/compare/align.js";
import { planTasks } from "../../src/compare/tasks.js";
import { Alignment } from "../../src/model/compare.js";
import { FazhiError } from "../../src/model/diagnostic.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { corpusPlan, seedPlan } from "./support/plans.js";
import { validByJsonSchema } from "./support/schema.js";

const seed = seedPlan();
const seedTasks = planTasks(seed).map((t) => t.task);

/** A plan in the seed's layout from [section title, task texts] (texts taken from the seed). */
const planOf = (id: string, sections: ReadonlyArray<readonly [string, readonly string[]]>) => {
  let n = 0;
  const text = [`武陟县2025年度法治政府建设工作安排`, ...sections.flatMap(([title, tasks], s) => [`${"一二三四五"[s]}、${title}`, ...tasks.map((t) => `（${"一二三四五六七八九"[n++]}）${t}`)])].join("\n\n");
  return parsePlanText(text, { id }).plan;
};

describe("alignPlans", () => {
  it("pairs every task of the seed with itself, with score 1", () => {
    const a = alignPlans(seed, seed);
    expect(a.pairs).toHaveLength(35);
    expect(a.pairs.every((p) => p.kind === "same" && p.a[0] === p.b[0] && p.score === 1)).toBe(true);
    expect(a.unpairedA).toEqual([]);
  });

  it("pairs a city task with the county task that takes it up (湖州市 → 德清县 2022), with the shared phrases", () => {
    const a = alignPlans(corpusPlan("huzhou-2022-zwgk-yaodian"), corpusPlan("deqing-2022-zwgk-yaodian"));
    expect(a.pairs.map((p) => [p.kind, p.a, p.b])).toEqual([["same", ["huzhou-2022-zwgk-yaodian.t01"], ["deqing-2022-zwgk-yaodian.t01"]]]);
    expect(a.pairs[0]!.links[0]!.phrases.some((p) => p.includes("共富班车"))).toBe(true);
    expect(a.unpairedB).toEqual(["deqing-2022-zwgk-yaodian.t02"]);
  });

  it("does not pair by position: the first tasks of 湖州 2021 and 2022 differ in subject", () => {
    const a = alignPlans(corpusPlan("huzhou-2021-zwgk-yaodian"), corpusPlan("huzhou-2022-zwgk-yaodian"));
    expect(a.pairs).toEqual([]);
    expect(a.unpairedA).toHaveLength(1);
    expect(a.unpairedB).toHaveLength(1);
  });

  it("finds a task split in two (1:n) and two tasks merged (n:1), across sections", () => {
    const [t4, t5, t6, t7] = [seedTasks[3]!.text.split("\n"), seedTasks[4]!.text, seedTasks[5]!.text, seedTasks[6]!.text];
    const before = planOf("before-2024", [
      ["健全政府机构职能体系", [t4.join(""), t5]],
      ["健全依法行政制度体系", [t6, t7]],
    ]);
    const after = planOf("after-2025", [
      ["健全政府机构职能体系", [t4[0]!, t5]],
      ["健全依法行政制度体系", [`${t6}${t7}`, t4[1]!]],
    ]);
    const a = alignPlans(before, after);
    const kinds = a.pairs.map((p) => [p.kind, p.a.map((x) => x.slice(-3)), p.b.map((x) => x.slice(-3))]);
    expect(kinds).toEqual([
      ["split", ["t01"], ["t01", "t04"]],
      ["same", ["t02"], ["t02"]],
      ["merge", ["t03", "t04"], ["t03"]],
    ]);
    expect(a.pairs[0]!.links).toHaveLength(2);
    expect(a.pairs[0]!.score).toBeGreaterThan(0.95);
  });

  it("checks its options and never changes its inputs", () => {
    const copy = structuredClone(seed);
    expect(() => alignPlans(seed, seed, { threshold: 2 })).toThrow(FazhiError);
    expect(() => alignPlans(seed, seed, { maxPhrases: -1 })).toThrow(/maxPhrases/);
    const a = alignPlans(seed, seed, { maxPhrases: 0 });
    expect(a.pairs.every((p) => p.links[0]!.phrases.length === 0)).toBe(true);
    expect(seed).toEqual(copy);
  });

  it("gives data that its schema and its JSON Schema accept", () => {
    const a = alignPlans(corpusPlan("liaocheng-2021-zwgk-yaodian"), corpusPlan("guanxian-2021-zwgk-yaodian"));
    const json = JSON.parse(JSON.stringify(a));
    expect(Alignment.parse(json)).toEqual(json);
    expect(validByJsonSchema("Alignment", json)).toBe(true);
    expect(Object.isFrozen(a.pairs[0]!.links[0]!.phrases)).toBe(true);
  });
});
