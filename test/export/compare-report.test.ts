import { describe, expect, it } from "vitest";
import { planCoverage } from "../../src/compare/coverage.js";
import { diffPlans } from "../../src/compare/diff.js";
import { renderCoverage, renderPlanDiff } from "../../src/export/compare-report.js";
import { IsoDate } from "../../src/model/dates.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { lazy } from "../support/lazy.js";
import { seedText } from "../support/seed.js";

const previous = parsePlanText(seedText(), { id: "wuzhi-2024" }).plan;
const next = parsePlanText(seedText().replaceAll("2024", "2025").replace("在6月底前完成", "在9月底前完成"), { id: "wuzhi-2025" }).plan;
const hostile = parsePlanText("<b>县</b>2025年度法治政府建设工作安排\n一、<i>甲</i>\n（一）任务<script>alert(1)</script>。\n牵头单位：<script>x</script>局", { id: "x-2025" }).plan;
const selfContained = /<script|<link|<img|@import|src=|https?:\/\//i;

describe("renderPlanDiff", () => {
  // Rendered inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
  const html = lazy(() => renderPlanDiff(diffPlans(previous, next), { generatedOn: IsoDate.parse("2025-01-15"), notes: ["示例"] }));

  it("is one self-contained page: no scripts, no external resources", () => {
    expect(html().startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html()).not.toMatch(selfContained);
    expect(html()).toContain('<meta charset="utf-8">');
    expect(html()).toContain("生成于 2025-01-15");
  });

  it("lists every pair, the changed ones first, with the text diff marked", () => {
    expect(html().match(/<tr class="change"/g)).toHaveLength(2);
    expect(html().match(/<tr class="same"/g)).toHaveLength(33);
    expect(html()).toContain("<del>6</del><ins>9</ins>");
    expect(html()).toContain("截止时间变化");
  });

  it("escapes every text from the input", () => {
    const out = renderPlanDiff(diffPlans(previous, hostile));
    expect(out).not.toMatch(/<script|<b>县|<i>甲/);
    expect(out).toContain("任务&lt;script&gt;alert（1）&lt;/script&gt;");
    expect(out).toContain("&lt;b&gt;县&lt;/b&gt;");
  });
});

describe("renderCoverage", () => {
  it("marks the higher-level tasks nobody took up, and escapes the input", () => {
    const html = renderCoverage(planCoverage(previous, hostile));
    expect(html).not.toMatch(selfContained);
    expect(html.match(/<tr class="untaken"/g)).toHaveLength(35);
    expect(html).toContain("&lt;script&gt;");
    const full = renderCoverage(planCoverage(previous, next));
    expect(full.match(/<tr class="taken"/g)).toHaveLength(35);
    expect(full).toContain('<span class="bar"');
  });
});
