import { describe, expect, it } from "vitest";
import { planCoverage } from "../../src/compare/coverage.js";
import { diffPlans } from "../../src/compare/diff.js";
import { renderCoverage, renderPlanDiff } from "../../src/export/compare-report.js";
import { KIND_ZH, MOVE_ZH } from "../../src/compare/text.js";
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

describe("the comparison pages on two small plans (what each shows, from the diff it is given)", () => {
  const PREV = "测试县2024年度法治政府建设工作安排\n一、甲\n（一）执法监督。每季度开展一次执法监督。\n牵头单位：县司法局\n（二）专题讲座。每年举办两期以上专题讲座。\n牵头单位：县政府办\n（三）年度报告。3月底前报送年度报告。\n牵头单位：县司法局\n二、乙\n（四）规范文件。加强行政规范性文件备案审查。\n牵头单位：县司法局";
  const NEXT = "测试县2025年度法治政府建设工作安排\n一、甲\n（一）专题讲座。每年举办三期以上法治专题讲座。\n牵头单位：县政府办、县司法局\n（二）执法监督。每季度开展一次执法监督。\n牵头单位：县司法局\n（三）年度报告。6月底前报送年度报告。\n牵头单位：县司法局\n（四）新的任务。开展合法性审核培训。\n牵头单位：县司法局";
  const plans = () => ({ prev: parsePlanText(PREV, { id: "p-2024" }).plan, next: parsePlanText(NEXT, { id: "n-2025" }).plan });
  const cards = (html: string) => [...html.matchAll(/<div class="stat"><span>([^<]*)<\/span><b>(\d+)<\/b><\/div>/g)].map((m) => `${m[1]} ${m[2]}`);
  const headings = (html: string) => [...html.matchAll(/<section id="([\w-]+)"><h2>([^<]*)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`);

  it("renderPlanDiff: the counts, the added and removed tasks, each changed pair with its tags, details and similarity", () => {
    const { prev, next } = plans();
    const diff = diffPlans(prev, next);
    const html = renderPlanDiff(diff, { generatedOn: IsoDate.parse("2025-01-15") });
    expect(html).toContain("<title>工作安排差异</title>");
    expect(html).toContain('<h1>工作安排差异</h1><p class="meta">测试县2024年度法治政府建设工作安排 → 测试县2025年度法治政府建设工作安排 · 生成于 2025-01-15</p>');
    expect(cards(html)).toEqual(["上一版任务 4", "本版任务 4", "新增 1", "删去 1", "移动 1", "改写 2", "单位变化 1", "时间变化 2"]);
    expect(headings(html)).toEqual(["added 一、新增任务（1）", "removed 二、删去任务（1）", "changes 三、有变化的任务（3）", "unchanged 四、未变的任务（0）"]);
    expect(html).toContain('<table id="added-tasks"><tbody><tr class="add"><td><span class="tag add">新增</span></td><td>（四）新的任务<div class="sec">甲</div></td></tr></tbody></table>');
    expect(html).toContain('<table id="removed-tasks"><tbody><tr class="del"><td><span class="tag del">删去</span></td><td>（四）规范文件<div class="sec">乙</div></td></tr></tbody></table>');
    expect(html).toContain('<section id="unchanged"><h2>四、未变的任务（0）</h2><p>无。</p></section>');
    const rows = [...html.matchAll(/<tr class="change" data-kind="(\w+)" data-move="(\w+)"><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td><td>([\d.]+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows.map((r) => [r[0], r[1], r[2]!.replace(/<div.*/, ""), r[3]!.replace(/<div.*/, ""), r[5]])).toEqual([
      ["same", "none", "（二）专题讲座", "（一）专题讲座", "0.66"],
      ["same", "order", "（一）执法监督", "（二）执法监督", "1.00"],
      ["same", "none", "（三）年度报告", "（三）年度报告", "0.77"],
    ]);
    const [reworded, moved, rescheduled] = rows.map((r) => r[4]!);
    expect(reworded).toMatch(/^<span class="tag ">改写<\/span><span class="tag ">单位变化<\/span><span class="tag ">时间变化<\/span><details><summary>文字差异<\/summary><div class="diff">.*<\/div><\/details><ul class="changes"><li>[^<]+<\/li><li>[^<]+<\/li><\/ul>$/);
    expect(reworded).toContain("<del>两</del><ins>三</ins>");
    expect(moved).toBe(`<span class="tag move">${MOVE_ZH.order}</span>`);
    expect(rescheduled).toMatch(/^<span class="tag ">改写<\/span><span class="tag ">时间变化<\/span><details><summary>文字差异<\/summary><div class="diff">[^]*<del>3<\/del><ins>6<\/ins>[^]*<\/div><\/details><ul class="changes"><li>[^<]+<\/li><\/ul>$/);
    expect(html).not.toContain('<p class="note">');
  });

  it("renderPlanDiff of a plan with itself: nothing added, removed or changed; the unchanged pairs folded away, renumbering said", () => {
    const { prev } = plans();
    const html = renderPlanDiff(diffPlans(prev, prev), { notes: ["一", "二"] });
    expect(headings(html)).toEqual(["added 一、新增任务（0）", "removed 二、删去任务（0）", "changes 三、有变化的任务（0）", "unchanged 四、未变的任务（4）"]);
    expect(html).toContain('<section id="added"><h2>一、新增任务（0）</h2><p>无。</p></section><section id="removed"><h2>二、删去任务（0）</h2><p>无。</p></section><section id="changes"><h2>三、有变化的任务（0）</h2><p>无。</p></section>');
    expect(html).toContain('<details><summary>展开 4 项</summary><table id="same-pairs">');
    expect(html.match(/<tr class="same" data-kind="same" data-move="none">/g)).toHaveLength(4);
    expect(html.match(/<span class="tag none">未变<\/span><\/td><td>1\.00<\/td>/g)).toHaveLength(4);
    expect(html).toContain('<p class="meta">测试县2024年度法治政府建设工作安排 → 测试县2024年度法治政府建设工作安排</p>');
    expect(html).toContain('</div><p class="note">一</p><p class="note">二</p></header>');
    // Only the numbers changed: the first task dropped from the document, the others move up one.
    const shifted = parsePlanText(PREV.replace("（一）执法监督。每季度开展一次执法监督。\n牵头单位：县司法局\n", "").replace("（二）", "（一）").replace("（三）", "（二）").replace("（四）", "（三）"), { id: "p-2024" }).plan;
    expect(renderPlanDiff(diffPlans(prev, shifted))).toContain('<span class="tag none">仅编号变化</span>');
    expect(() => renderPlanDiff(diffPlans(prev, prev), { colour: "red" } as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
    expect(() => renderPlanDiff({} as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });

  it("renderCoverage: the counts, each upper task's takers with their bars, percentages and shared phrases, the tasks with no upper basis", () => {
    const { prev, next } = plans();
    const html = renderCoverage(planCoverage(prev, next), { generatedOn: IsoDate.parse("2025-01-15") });
    expect(html).toContain('<h1>对照落实情况</h1><p class="meta">测试县2024年度法治政府建设工作安排 → 测试县2025年度法治政府建设工作安排 · 生成于 2025-01-15</p>');
    expect(cards(html)).toEqual(["上级任务 4", "已承接 3", "未承接 1", "本级任务 4", "无上级依据 1"]);
    expect(headings(html)).toEqual(["coverage 一、上级任务逐项对照", "unanchored 二、无上级依据的本级任务（1）"]);
    expect(html).toContain(
      '<tr class="taken"><td>（一）执法监督<div class="sec">甲</div></td><td><div class="taker"><span class="bar" style="width:120px"></span>1.00 （二）执法监督<div class="phr">包含上级文字 100%；共同词句：“每季度开展一次执法监督”、“执法监督”</div></div></td></tr>',
    );
    expect(html).toContain('<span class="bar" style="width:79px"></span>0.66 （一）专题讲座<div class="phr">包含上级文字 72%；');
    expect(html).toContain('<tr class="untaken"><td>（四）规范文件<div class="sec">乙</div></td><td><span class="tag del">未承接</span></td></tr>');
    expect(html).toContain('<table id="unanchored-tasks"><tbody><tr><td>（四）新的任务<div class="sec">甲</div></td></tr></tbody></table>');
    const self = renderCoverage(planCoverage(prev, prev));
    expect(self).toContain('<section id="unanchored"><h2>二、无上级依据的本级任务（0）</h2><p>无。</p></section>');
    expect(() => renderCoverage(planCoverage(prev, prev), { notes: "x" } as never)).toThrow(expect.objectContaining({ code: "invalid_argument" }));
  });
});

describe("the comparison pages: what the mutation run found untested", () => {
  const PREV = "测试县2024年度法治政府建设工作安排\n一、甲\n（一）执法监督。每季度开展一次执法监督。\n牵头单位：县司法局\n（二）专题讲座。每年举办两期以上专题讲座。\n牵头单位：县政府办\n（三）年度报告。3月底前报送年度报告。\n牵头单位：县司法局";
  const NEXT = "测试县2025年度法治政府建设工作安排\n一、甲\n（一）执法监督。每季度开展一次执法监督。\n牵头单位：县司法局\n（二）专题讲座。每年举办两期以上专题讲座。\n牵头单位：县政府办、县司法局\n（三）年度报告。6月底前报送年度报告。\n牵头单位：县司法局\n（四）新任务甲。开展合法性审核培训。\n（五）新任务乙。开展行政复议培训。";
  const plan = (text: string, id: string) => parsePlanText(text, { id }).plan;
  const thrownMessage = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    return "";
  };

  it("renderPlanDiff: rows, cards and sections follow each other directly; equal text is plain in the diff; the changed pairs' table has its id", () => {
    const html = renderPlanDiff(diffPlans(plan(PREV, "p-2024"), plan(NEXT, "n-2025")));
    expect(html).toContain("@media print{");
    expect(html).toContain('<div class="cards"><div class="stat"><span>上一版任务</span><b>3</b></div><div class="stat"><span>本版任务</span><b>5</b></div><div class="stat">');
    expect(html).toContain('<table id="added-tasks"><tbody><tr class="add"><td><span class="tag add">新增</span></td><td>（四）新任务甲<div class="sec">甲</div></td></tr><tr class="add"><td><span class="tag add">新增</span></td><td>（五）新任务乙<div class="sec">甲</div></td></tr></tbody></table>');
    expect(html).toContain('<table id="pairs"><thead><tr><th style="width:28%">上一版</th><th style="width:28%">本版</th><th>变化</th><th style="width:64px">相似度</th></tr></thead><tbody><tr class="change"');
    expect(html).toMatch(/<\/td><\/tr><tr class="change"/);
    expect(html).toMatch(/<div class="diff">[^<]+<del>3<\/del><ins>6<\/ins>[^<]+<\/div>/);
    expect(html).toContain("</section><section id=");
  });

  it("renderPlanDiff: a split pair lists both tasks in its cell and says 拆分; a pair only reworded, or only with unit changes, is a change", () => {
    const prev = plan(PREV, "p-2024");
    const real = diffPlans(prev, plan(NEXT, "n-2025"));
    const same = diffPlans(prev, prev);
    const withUnits = real.tasks.find((t) => t.units.length > 0)!;
    const [a, b, c] = same.tasks;
    const edited = { ...same, tasks: [{ ...a!, kind: "split", next: [...a!.next, ...b!.next] }, { ...b!, reworded: true }, { ...c!, units: withUnits.units }] };
    const html = renderPlanDiff(edited as never);
    const rows = [...html.matchAll(/<tr class="(\w+)" data-kind="(\w+)"[^>]*><td>(.*?)<\/td><td>(.*?)<\/td><td>(.*?)<\/td>/g)].map((m) => [m[1], m[2], m[4]!.replace(/<div class="sec">[^<]*<\/div>/g, "|"), m[5]!.replace(/<[^>]*>/g, "")]);
    expect(rows).toEqual([
      ["change", "split", "（一）执法监督|（二）专题讲座|", KIND_ZH.split],
      ["change", "same", "（二）专题讲座|", "改写"],
      ["change", "same", "（三）年度报告|", expect.stringMatching(/^单位变化/)],
    ]);
    expect(html).toContain(`<span class="tag move">${KIND_ZH.split}</span>`);
  });

  it("renderCoverage: several takers of one task follow each other; a taker sharing no phrase says none; rows, tables and sections follow each other directly", () => {
    const prev = plan(PREV, "p-2024");
    const cov = planCoverage(prev, plan(NEXT, "n-2025"));
    const first = cov.items[0]!;
    const second = cov.items[1]!.takenUpBy[0]!;
    const edited = { ...cov, items: [{ ...first, takenUpBy: [...first.takenUpBy, { ...second, phrases: [] }] }, ...cov.items.slice(1)] };
    const html = renderCoverage(edited as never);
    expect(html).toMatch(/<\/div><\/div><div class="taker"><span class="bar" style="width:\d+px"><\/span>[\d.]+ （二）专题讲座<div class="phr">包含上级文字 \d+%<\/div><\/div><\/td><\/tr><tr class="taken">/);
    expect(html).toContain('<table id="unanchored-tasks"><tbody><tr><td>（四）新任务甲<div class="sec">甲</div></td></tr><tr><td>（五）新任务乙<div class="sec">甲</div></td></tr></tbody></table>');
    expect(html).toContain("</table></section><section id=\"unanchored\">");
    expect(html).toContain('<div class="cards"><div class="stat"><span>上级任务</span><b>3</b></div><div class="stat">');
  });

  it("renderPlanDiff: a pair whose only change is its schedule is a change (the next plan has no year, so its 3月底前 is no date)", () => {
    const text = (year: string) => `测试县${year}法治政府建设工作安排\n一、甲\n（一）年度报告。3月底前报送年度报告。\n牵头单位：县司法局`;
    const html = renderPlanDiff(diffPlans(plan(text("2024年度"), "p-2024"), plan(text(""), "n")));
    expect([...html.matchAll(/<section id="\w+"><h2>([^<]*)<\/h2>/g)].map((m) => m[1])).toEqual(["一、新增任务（0）", "二、删去任务（0）", "三、有变化的任务（1）", "四、未变的任务（0）"]);
    expect(html).toMatch(/<tr class="change" data-kind="same" data-move="none"><td>（一）年度报告<div class="sec">甲<\/div><\/td><td>（一）年度报告<div class="sec">甲<\/div><\/td><td><span class="tag ">时间变化<\/span><ul class="changes"><li>删去时间要求：[^<]*（3月底前报送年度报告）<\/li><\/ul><\/td>/);
  });

  it("each refusal names the function and the argument", () => {
    const prev = plan(PREV, "p-2024");
    expect(thrownMessage(() => renderPlanDiff({} as never))).toMatch(/^renderPlanDiff：参数 diff 不正确：/);
    expect(thrownMessage(() => renderPlanDiff(diffPlans(prev, prev), { x: 1 } as never))).toMatch(/^renderPlanDiff：参数 options 不正确：/);
    expect(thrownMessage(() => renderCoverage({} as never))).toMatch(/^renderCoverage：参数 coverage 不正确：/);
    expect(thrownMessage(() => renderCoverage(planCoverage(prev, prev), { x: 1 } as never))).toMatch(/^renderCoverage：参数 options 不正确：/);
  });
});
