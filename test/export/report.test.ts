import { describe, expect, it } from "vitest";
import { renderReport, escapeHtml } from "../../src/export/report.js";
import { buildBulletin, bulletinToText } from "../../src/ledger/bulletin.js";
import { emptyLedger, recordMany } from "../../src/ledger/ledger.js";
import { occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate } from "../../src/model/dates.js";
import { Roster } from "../../src/model/unit.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { inferRoster } from "../../src/units/infer.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedRoster } from "../support/rosters.js";
import { seedContext } from "../support/context.js";
import { lazy } from "../support/lazy.js";
import { world } from "../support/small-world.js";

describe("renderReport", () => {
  // The seed's plan, matrix and occurrences: read on first use (no src/export code runs here, so
  // kept even in a mutation run, where a file that loads faster makes every mutant cheaper).
  let seed: ReturnType<typeof seedContext> | undefined;
  const ctx = () => (seed ??= seedContext("2024-07-15"));
  const ledger = () => emptyLedger(ctx().plan.id);
  // Rendered inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
  const html = lazy(() =>
    renderReport({
      plan: ctx().plan,
      matrix: ctx().matrix,
      occurrences: ctx().occurrences,
      statuses: occurrenceStatus(ctx().occurrences, ledger(), ctx().asOf),
      bulletin: buildBulletin(ctx().plan, ctx().matrix, ctx().occurrences, ledger(), ctx().asOf),
      asOf: ctx().asOf,
      generatedOn: IsoDate.parse("2024-07-15"),
    }),
  );

  it("is one self-contained document: no scripts, no external resources", () => {
    expect(html().startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html()).not.toMatch(/<script|<link|<img|@import|src=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    expect(html()).toContain('<meta charset="utf-8">');
  });

  it("prints on A4 with the explanations expanded, and gives way to lists on a phone", () => {
    expect(html()).toContain("@page{size:A4");
    expect(html()).toMatch(/@media print\{[^]*\.print-copy\{display:block/);
    expect(html()).toMatch(/@media \(max-width:640px\)\{[^]*\.wide-only\{display:none\}/);
  });

  it("puts every task with a dated item on the timeline, overdue markers adding up to the card", () => {
    const dated = new Set(ctx().occurrences.filter((o) => o.due !== undefined).map((o) => o.taskNo));
    const rows = [...html().matchAll(/<g class="task"><title>任务(\d+) /g)].map((m) => Number(m[1]));
    expect(new Set(rows)).toEqual(dated);
    const overdue = [...html().matchAll(/data-overdue="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
    const card = Number(/data-stat="Overdue \(unit items\)"><span>逾期未完成<\/span><span class="en">[^<]*<\/span><b>(\d+)<\/b>/.exec(html())?.[1]);
    expect(overdue).toBe(card);
    expect(card).toBe(buildBulletin(ctx().plan, ctx().matrix, ctx().occurrences, ledger(), ctx().asOf).totals.overdue);
  });

  it("lists diagnostics with the message first and the code after it", () => {
    const { plan, diagnostics } = parsePlanText("某县2024年度法治政府建设工作安排\n一、甲\n（一）乙。", { id: "x-2024" });
    const out = renderReport({ plan, diagnostics });
    const warning = diagnostics.find((d) => d.severity === "warning")!;
    expect(out).toContain(`${warning.message} <span class="en">${warning.messageEn}</span><span class="code">警告 · ${warning.code}</span>`);
  });

  it("has the outline, the matrix, the timeline and the bulletin", () => {
    expect(html().match(/<tr data-task="/g)).toHaveLength(35);
    expect(html()).toContain('<svg id="matrix"');
    expect(html()).toContain('<svg id="timeline"');
    expect(html()).toContain("工作进展通报（截至2024年7月15日）");
    expect(html()).not.toContain('id="scores"');
  });

  it("escapes every text from the input", () => {
    const { plan } = parsePlanText("<b>县</b>2024年度法治政府建设工作安排\n一、<i>甲</i>\n（一）任务<script>alert(1)</script>。\n牵头单位：<script>x</script>局", { id: "x-2024" });
    const roster = structuredClone(seedRoster());
    roster.units.push({ id: "evil" as never, name: "<script>x</script>局", kind: "other" });
    const matrix = buildMatrix(plan, roster);
    const out = renderReport({ plan, matrix, occurrences: expandSchedule(plan, { matrix }) });
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script&gt;x&lt;/script&gt;局");
    expect(out).toContain("&lt;b&gt;县&lt;/b&gt;");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});

describe("renderReport on a small county (expected text written by hand)", () => {
  // test/support/small-world.ts: task 1 quarterly (县司法局 lead, 县公安局 responsible), task 2 two
  // lectures a year (县政府办), task 3 a report by the end of March (县司法局 and 县政府办).
  const work = (id: string, unitId: string, task: number, date: string, extra: Record<string, unknown> = {}) => ({ id, unitId, taskId: `test-2024.t0${task}`, requirementId: `test-2024.t0${task}.r1`, date, kind: "done", ...extra });
  const dataAsOf = (asOf: string, entries: unknown[] = []) => {
    const w = world();
    const date = IsoDate.parse(asOf);
    const r = recordMany(emptyLedger(w.plan.id), entries, { plan: w.plan, matrix: w.matrix, asOf: date });
    if (!r.ok) throw new Error(r.issues.map((d) => d.message).join("; "));
    return { w, ledger: r.ledger, statuses: occurrenceStatus(w.occurrences, r.ledger, date), asOf: date };
  };
  /** The text of the tags matching `re`, markup removed. */
  const texts = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!.replace(/<[^>]*>/g, ""));

  it("the header: title, issuer, number, dates, and the cards, the overdue one marked only when there are some", () => {
    const { w, statuses, asOf } = dataAsOf("2024-12-20", [work("a", "sfj", 1, "2024-03-20")]);
    const plan = { ...w.plan, issuer: "测试县人民政府办公室", docNumber: "测政办〔2024〕1号" };
    const html = renderReport({ plan, matrix: w.matrix, occurrences: w.occurrences, statuses, asOf, generatedOn: IsoDate.parse("2024-12-21"), notes: ["示例数据", "第二条"] });
    expect(html).toContain("<title>测试县2024年度法治政府建设工作安排</title>");
    expect(html).toContain('<p class="meta">测试县人民政府办公室 · 测政办〔2024〕1号 · 数据截至 2024-12-20 · 生成于 2024-12-21</p>');
    expect(texts(html, /<div class="stat[^"]*" data-stat="[^"]*">(.*?)<\/div>/g)).toEqual(["部分Sections1", "任务Tasks3", "单位Units3", "时间节点Scheduled items6", "逾期未完成Overdue (unit items)7"]);
    expect(html.match(/class="stat alert"/g)).toHaveLength(1);
    expect(html).toContain('<p class="note">示例数据</p><p class="note">第二条</p></header>');
    const early = dataAsOf("2024-01-02");
    const calm = renderReport({ plan: w.plan, occurrences: w.occurrences, statuses: early.statuses });
    expect(calm).toContain('<div class="stat" data-stat="Overdue (unit items)"><span>逾期未完成</span><span class="en">Overdue (unit items)</span><b>0</b></div>');
    expect(calm).not.toContain('data-stat="Units"');
    expect(calm).toContain('<p class="meta"></p>');
    // Without statuses the overdue card comes from the bulletin; with neither there is none.
    const bulletin = buildBulletin(w.plan, w.matrix, w.occurrences, emptyLedger(w.plan.id), IsoDate.parse("2024-12-20"));
    expect(renderReport({ plan: w.plan, bulletin })).toContain(`data-stat="Overdue (unit items)"><span>逾期未完成</span><span class="en">Overdue (unit items)</span><b>${bulletin.totals.overdue}</b>`);
    expect(renderReport({ plan: w.plan })).not.toContain("Overdue");
    expect(renderReport({ plan: { ...w.plan, title: "" } })).toContain("<title>fazhi 报告</title><style>");
    expect(renderReport({ plan: { ...w.plan, title: "" } })).toContain("<h1>工作安排</h1>");
  });

  it("the outline lists each task's units by role, and says so when a task lists none", () => {
    const { plan } = parsePlanText("某县2024年度法治政府建设工作安排\n一、甲\n（一）任务一。\n牵头单位：县司法局\n责任单位：县公安局\n配合单位：县财政局\n（二）任务二。", { id: "o-2024" });
    const html = renderReport({ plan });
    expect(html).toContain('<tr><th colspan="3">1. 甲</th></tr><tr data-task="1"><td class="no">1</td><td><details><summary>任务一</summary>');
    expect(html).toContain('<td class="units"><span class="tag lead">牵头</span> 县司法局 <span class="tag resp">责任</span> 县公安局 <span class="tag supp">配合</span> 县财政局 </td>');
    expect(html).toContain('<td class="units">（未列单位）</td>');
  });

  it("the matrix: each unit's row and each task's column, and the roles by unit in words", () => {
    const { w } = dataAsOf("2024-12-20");
    const html = renderReport({ plan: w.plan, matrix: w.matrix });
    // A 20-pixel grid: units from y = 150 down, tasks from x = 200 across; a cell is a 16-pixel square inside its place.
    const cells = [...html.matchAll(/<rect class="cell" data-role="(\w+)" data-certainty="(\w+)" x="(\d+)" y="(\d+)" width="(\d+)" height="(\d+)" rx="2" fill="([^"]+)"><title>([^<]*)<\/title>/g)].map((m) => [m[8], m[1], Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7]]);
    expect(cells).toEqual([
      ["县司法局 · 任务1 执法监督 · 牵头", "lead", 201, 151, 16, 16, "var(--lead)"],
      ["县司法局 · 任务3 年度报告 · 牵头", "lead", 241, 151, 16, 16, "var(--lead)"],
      ["县公安局 · 任务1 执法监督 · 责任", "responsible", 201, 171, 16, 16, "var(--resp)"],
      ["县政府办 · 任务2 专题讲座 · 牵头", "lead", 221, 191, 16, 16, "var(--lead)"],
      ["县政府办 · 任务3 年度报告 · 牵头", "lead", 241, 191, 16, 16, "var(--lead)"],
    ]);
    expect(html).toContain('viewBox="0 0 380 220" style="max-width:380px"'); // 200 + 3 × 20 + 120 wide, 150 + 3 × 20 + 10 high
    expect(html).toContain('<rect x="0" y="169" width="260" height="20" fill="#f8fafc"/>'); // every other row shaded
    expect(html.match(/fill="#f8fafc"\/>/g)).toHaveLength(1);
    expect(html).toContain('<text x="194" y="164" font-size="12" text-anchor="end">县司法局</text>');
    expect(html).toContain('<g class="col"><title>任务1 执法监督</title><text x="214" y="144" font-size="11" transform="rotate(-55 214 144)">1 执法监督</text></g>');
    // The drawing starts with the column labels, one after another, 20 pixels apart.
    expect(html).toContain(
      'xmlns="http://www.w3.org/2000/svg"><g class="col"><title>任务1 执法监督</title><text x="214" y="144" font-size="11" transform="rotate(-55 214 144)">1 执法监督</text></g><g class="col"><title>任务2 专题讲座</title><text x="234" y="144" font-size="11" transform="rotate(-55 234 144)">2 专题讲座</text></g><g class="col">',
    );
    expect(texts(html, /<ul class="by-unit">(.*?)<\/ul>/g)).toEqual(["县司法局：牵头 任务1、3县公安局：责任 任务1县政府办：牵头 任务2、3"]);
  });

  it("the matrix marks candidates and cells reached through a group, and names units without a definite role", () => {
    const text = "某县2024年度法治政府建设工作安排\n一、甲\n（一）甲任务。\n牵头单位：县司法局\n责任单位：各乡镇人民政府、县直有关单位\n配合单位：县财政局\n（二）乙任务。\n责任单位：县直有关单位";
    const { plan } = parsePlanText(text, { id: "m-2024" });
    const units = [
      { id: "sfj", name: "县司法局", kind: "government_department" },
      { id: "czj", name: "县财政局", kind: "government_department" },
      { id: "xfj", name: "县信访局", kind: "government_department" },
      { id: "town", name: "虚构甲镇人民政府", kind: "township" },
    ];
    const matrix = buildMatrix(plan, Roster.parse({ id: "m", name: "某县", source: { title: "虚构名录 / fictional roster for tests" }, units, groups: [] }));
    const html = renderReport({ plan, matrix });
    const byUnit = Object.fromEntries([...html.matchAll(/<li><b>([^<]*)<\/b>：(.*?)<\/li>/g)].map((m) => [m[1], m[2]!.replace(/<[^>]*>/g, "")]));
    expect(byUnit).toEqual({ 县司法局: "牵头 任务1；候选 1 项", 县财政局: "配合 任务1；候选 1 项", 县信访局: "无确定的分工；候选 2 项", 虚构甲镇人民政府: "责任 任务1" });
    expect(html).toContain('<span class="tag supp">配合</span> 任务1<span class="units">；候选 1 项</span>');
    expect(html).toMatch(/<circle class="cell" data-role="responsible" data-certainty="candidate" cx="\d+" cy="\d+" r="2.5" fill="var\(--cand\)"><title>县信访局 · 任务1 甲任务 · 责任（候选）（经单位组）<\/title><\/circle>/);
    expect(html).toMatch(/<rect class="cell" data-role="responsible" data-certainty="definite" [^>]* fill="var\(--resp\)" stroke="#fff" stroke-dasharray="2 2"><title>虚构甲镇人民政府 · 任务1 甲任务 · 责任（经单位组）<\/title>/);
    expect(html).toMatch(/<rect class="cell" data-role="support" data-certainty="definite" [^>]* fill="var\(--supp\)"><title>县财政局 · 任务1 甲任务 · 配合<\/title>/);
  });

  it("the timeline: one dot per task and due date on its task's row, in its month, coloured by the worst status; the list says the same", () => {
    const { w, statuses, asOf } = dataAsOf("2024-12-20", [work("a", "sfj", 1, "2024-03-20"), work("c", "gaj", 1, "2024-07-03", { occurrenceId: "test-2024.t01.r1.2024-Q2" })]);
    const html = renderReport({ plan: w.plan, occurrences: w.occurrences, statuses, asOf });
    const dots = [...html.matchAll(/<g class="occ" data-status="(\w+)" data-overdue="(\d+)" data-unbound="(\w+)" data-count="(\d+)"><circle cx="([\d.]+)" cy="(\d+)" r="8" fill="([^"]+)"\/><title>([^<]*)<\/title><\/g>/g)].map((m) => [m[8], m[1], Number(m[2]), Number(m[5]), Number(m[6]), m[7]]);
    // Months are 70 pixels wide from x = 200; a day sits at day/31 of its month, at least 8 pixels in from either edge. Rows are 26 pixels apart from y = 38.
    expect(dots).toEqual([
      ["任务1（截止2024-03-31，逾期未完成，1个单位逾期未完成）：2024年第1季度：开展一次执法监督", "overdue", 1, 402, 38, "#c62828"],
      ["任务3（截止2024-03-31，逾期未完成，2个单位逾期未完成）：3月底前：报送年度报告", "overdue", 2, 402, 90, "#c62828"],
      ["任务1（截止2024-06-30，逾期未完成，1个单位逾期未完成）：2024年第2季度：开展一次执法监督", "overdue", 1, 612, 38, "#c62828"],
      ["任务1（截止2024-09-30，逾期未完成，2个单位逾期未完成）：2024年第3季度：开展一次执法监督", "overdue", 2, 822, 38, "#c62828"],
      ["任务1（截止2024-12-31，未到期）：2024年第4季度：开展一次执法监督", "upcoming", 0, 1032, 38, "#9aa5b1"],
      ["任务2（截止2024-12-31，未到期）：2024年：举办两期以上专题讲座", "upcoming", 0, 1032, 64, "#9aa5b1"],
    ]);
    expect(html).toContain('viewBox="0 0 1056 118" style="max-width:1056px"'); // 200 + 12 × 70 + 16 wide, 30 + 3 × 26 + 10 high
    expect(html).toContain('<text x="192" y="94" font-size="12" text-anchor="end">任务3 年度报告</text>');
    expect(html).toContain('<rect x="200" y="20" width="70" height="88" fill="#f4f7fa"/><text x="235" y="14" font-size="12" text-anchor="middle">1月</text><rect x="270" y="20" width="70" height="88" fill="#fff"/>');
    expect(html).toContain('<text x="1005" y="14" font-size="12" text-anchor="middle">12月</text>');
    const caption = "3项任务共6个有日期的时间节点；同一任务同一天的节点合为一个圆点，圆点中的数字为节点数。逾期未完成6项（按单位计），在4个红色圆点上。";
    expect(html).toContain(`<figcaption>${caption}</figcaption>`);
    expect(texts(html, /<li data-status="\w+">(.*?)<\/li>/g)).toEqual([
      "2024-03-31 · 任务1 · 逾期未完成，1个单位逾期未完成：2024年第1季度：开展一次执法监督",
      "2024-03-31 · 任务3 · 逾期未完成，2个单位逾期未完成：3月底前：报送年度报告",
      "2024-06-30 · 任务1 · 逾期未完成，1个单位逾期未完成：2024年第2季度：开展一次执法监督",
      "2024-09-30 · 任务1 · 逾期未完成，2个单位逾期未完成：2024年第3季度：开展一次执法监督",
      "2024-12-31 · 任务1 · 未到期：2024年第4季度：开展一次执法监督",
      "2024-12-31 · 任务2 · 未到期：2024年：举办两期以上专题讲座",
    ]);
    expect(html).toContain('<p class="legend"><span><i style="background:#2e7d32;border-radius:6px"></i>按时完成</span><span><i style="background:#ef6c00;border-radius:6px"></i>逾期完成</span><span><i style="background:#c62828;border-radius:6px"></i>逾期未完成</span><span><i style="background:#e0a800;border-radius:6px"></i>即将到期</span><span><i style="background:#9aa5b1;border-radius:6px"></i>未到期</span></p>');
  });

  it("the timeline's worst status: overdue before due soon before done late before upcoming before done on time", () => {
    const { w } = dataAsOf("2024-12-20");
    const q1 = w.occurrences.find((o) => o.id === "test-2024.t01.r1.2024-Q1")!;
    const statusOf = (...kinds: string[]) => {
      const statuses = kinds.map((status, i) => ({ occurrenceId: q1.id, unitId: `u${i}`, status, done: 0, needed: 1, entries: [] })) as never;
      return /<li data-status="(\w+)">/.exec(renderReport({ plan: w.plan, occurrences: [q1], statuses }))?.[1];
    };
    expect(statusOf("done_on_time", "upcoming")).toBe("upcoming");
    expect(statusOf("upcoming", "done_late")).toBe("done_late");
    expect(statusOf("done_late", "due_soon")).toBe("due_soon");
    expect(statusOf("due_soon", "overdue", "done_on_time")).toBe("overdue");
    expect(statusOf("done_on_time")).toBe("done_on_time");
    expect(statusOf()).toBe("upcoming");
  });

  it("the timeline: same-day items of one task share a dot with their number; items without units or with an empty group are not counted as a unit's", () => {
    const text = "某县2024年度法治政府建设工作安排\n一、甲\n（一）任务一。6月底前完成清理。6月底前报送总结。9月5日前完成检查。\n（二）任务二。3月底前报送计划。\n（三）任务三。3月底前报送报告。（各乡镇人民政府负责）\n（四）任务四。及时报告重大事项。\n";
    const { plan } = parsePlanText(text, { id: "tl-2024" });
    const { roster } = inferRoster(plan);
    const matrix = buildMatrix(plan, roster);
    const occurrences = expandSchedule(plan, { matrix });
    const ledger = emptyLedger(plan.id);
    const asOf = IsoDate.parse("2024-12-01");
    const bulletin = buildBulletin(plan, matrix, occurrences, ledger, asOf, { roster });
    const html = renderReport({ plan, occurrences, statuses: occurrenceStatus(occurrences, ledger, asOf), bulletin, asOf });
    expect(texts(html, /<li data-status="\w+">(.*?)<\/li>/g)).toEqual([
      "2024-03-31 · 任务2 · 逾期未完成，公文未列责任单位：3月底前：报送计划",
      "2024-03-31 · 任务3 · 逾期未完成，责任单位组“各乡镇人民政府”尚无成员：3月底前：报送报告",
      "2024-06-30 · 任务1 · 逾期未完成，公文未列责任单位：6月底前：完成清理；6月底前：报送总结",
      "2024-09-05 · 任务1 · 逾期未完成，公文未列责任单位：9月5日前：完成检查",
    ]);
    expect(html).toMatch(/data-count="2"><circle cx="612.0" cy="38" r="8" fill="#c62828"\/><text x="612.0" y="42" font-size="10" fill="#fff" text-anchor="middle">2<\/text>/);
    expect(html).toMatch(/data-count="1"><circle cx="771.3" cy="38" r="8"/); // 5 September: 5/31 × 70 = 11.3 pixels into the month (x = 760)
    expect(html.match(/data-unbound="true"/g)).toHaveLength(4);
    // The overdue card counts unit items, as the caption does: the red dots without units add nothing.
    expect(html).toContain('data-stat="Overdue (unit items)"><span>逾期未完成</span><span class="en">Overdue (unit items)</span><b>0</b>');
    expect(html).toContain(
      "<figcaption>3项任务共5个有日期的时间节点（另有1个随事件或不在本年度，没有固定日期）；同一任务同一天的节点合为一个圆点，圆点中的数字为节点数。逾期未完成0项（按单位计），在0个红色圆点上；另有3个红色圆点的节点公文未列责任单位，不计入；另有1个红色圆点的节点责任单位组尚无成员，不计入。</figcaption>",
    );
    // Only the plan's year is drawn; with no dated item, the section says so.
    expect(renderReport({ plan: { ...plan, year: 2025 }, occurrences })).toContain("<p>没有带日期的时间节点。No dated items.</p>");
    // A dot counts as an empty group's when any of its items names one; several groups are listed with 、.
    const june = occurrences.filter((o) => o.due === "2024-06-30");
    const groups = [...(bulletin.emptyGroups ?? []), { occurrenceId: june[0]!.id, taskNo: 1, groups: ["各街道办事处", "县直有关单位"] }];
    const mixed = renderReport({ plan, occurrences, statuses: occurrenceStatus(occurrences, ledger, asOf), bulletin: { ...bulletin, emptyGroups: groups }, asOf });
    expect(mixed).toContain("2024-06-30 · 任务1 · 逾期未完成，责任单位组“各街道办事处”、“县直有关单位”尚无成员：6月底前：完成清理；6月底前：报送总结</li>");
    expect(mixed).toContain("；另有2个红色圆点的节点公文未列责任单位，不计入；另有2个红色圆点的节点责任单位组尚无成员，不计入。</figcaption>");
  });

  it("the timeline's markup: the drawing starts with the month bands (alternately shaded), the phone list is only its items", () => {
    const { w, statuses } = dataAsOf("2024-12-20");
    const html = renderReport({ plan: w.plan, occurrences: w.occurrences, statuses });
    expect(html).toContain('xmlns="http://www.w3.org/2000/svg"><rect x="200" y="20" width="70" height="88" fill="#f4f7fa"/>');
    expect(html.match(/<rect x="\d+" y="20" width="70" height="88" fill="([^"]+)"\/>/g)?.map((r) => /fill="([^"]+)"/.exec(r)![1])).toEqual(Array.from({ length: 12 }, (_, m) => (m % 2 === 0 ? "#f4f7fa" : "#fff")));
    expect(html).toMatch(/<ul class="dated legend-list"><li data-status="overdue">(?:[^<]|<i [^>]*><\/i>)*<\/li><li data-status="overdue">/);
    expect(html).toMatch(/<\/li><\/ul><\/div><\/section>/);
    // Occurrences of a task the plan lacks still get a row, named by number.
    const stray = renderReport({ plan: w.plan, occurrences: [{ ...w.occurrences[0]!, taskNo: 9 }] });
    expect(stray).toContain('<g class="task"><title>任务9 </title>');
    expect(stray).toContain(">任务9 </text></g>");
  });

  it("the scores: grade counts, rank, points with their decimals, a bar scaled to the best, the veto; printed expanded", () => {
    const { w } = dataAsOf("2024-12-20");
    const card = (unitId: string, name: string, total: number, grade: string, extra: Record<string, unknown> = {}) => ({ unitId, name, total, available: 10000, grade, assessed: true, vetoed: false, lines: [], ...extra });
    const cards = [card("sfj", "县司法局", 9250, "优秀", { rank: 1 }), card("zfb", "县政府办", 8050, "良好", { rank: 2 }), card("gaj", "县公安局", 0, "不合格", { rank: 3, vetoed: true }), card("xwb", "县委办", 0, "未考核", { assessed: false })] as never;
    const html = renderReport({ plan: w.plan, cards, schemeTitle: "2024年度考核方案" });
    expect(html).toContain("<p>2024年度考核方案。等次分布：优秀 1 个，良好 1 个，不合格 1 个，未考核 1 个。点击单位查看评分说明（打印时全部展开）。</p>");
    const rows = [...html.matchAll(/<summary class="row"><span class="rank">([^<]*)<\/span><span class="name">([^<]*)<\/span><span class="pts">([^<]*)<\/span><span class="barcol"><i class="bar" style="width:(\d+)%"><\/i><\/span><span class="grade">([^<]*)<\/span><\/summary>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ["1", "县司法局", "92.5", "100", "优秀"],
      ["2", "县政府办", "80.5", "87", "良好"],
      ["3", "县公安局", "0", "0", "不合格（一票否决）"],
      ["—", "县委办", "0", "0", "未考核"],
    ]);
    expect(html.match(/<pre class="explain print-copy" aria-hidden="true">/g)).toHaveLength(4);
    // A header row names the columns; the units' rows follow it and each other directly.
    expect(html).toContain('<div id="scores" class="scores"><div class="row head" aria-hidden="true"><span>名次</span><span>单位</span><span class="pts">得分</span><span class="barcol"></span><span>等次</span></div><details class="score" data-unit="sfj">');
    expect(html).toMatch(/<\/pre><details class="score" data-unit="zfb"><summary class="row">/);
    expect(renderReport({ plan: w.plan, cards: [card("x", "甲", 0, "合格")] as never })).toContain('<p>等次分布：合格 1 个。');
    expect(renderReport({ plan: w.plan, cards: [card("x", "甲", 0, "合格")] as never })).toContain('style="width:0%"');
  });

  it("refuses data that is not a report's with a FazhiError", () => {
    const { w } = dataAsOf("2024-12-20");
    for (const bad of [{}, { plan: w.plan, cards: "x" }, { plan: w.plan, notes: [5] }]) {
      expect(() => renderReport(bad as never)).toThrow(
        expect.objectContaining({ code: "invalid_argument", message: expect.stringMatching(/^renderReport：参数 data 不正确：/), messageEn: expect.stringMatching(/^renderReport: bad argument data: /) }),
      );
    }
  });

  it("long names are cut with … only past their room: 11 characters for a column, 16 for a unit, 10 for a timeline row", () => {
    const { w } = dataAsOf("2024-12-20");
    const clone = <T>(v: T) => JSON.parse(JSON.stringify(v)) as { -readonly [K in keyof T]: any };
    const matrix = clone(w.matrix);
    matrix.tasks[0].title = "一二三四五六七八九十甲"; // 11: fits
    matrix.tasks[1].title = "一二三四五六七八九十甲乙"; // 12: cut
    matrix.units[0].name = "一二三四五六七八九十甲乙丙丁戊己"; // 16: fits
    matrix.units[1].name = "一二三四五六七八九十甲乙丙丁戊己庚"; // 17: cut
    const heat = renderReport({ plan: w.plan, matrix });
    expect(heat).toContain(">1 一二三四五六七八九十甲</text>");
    expect(heat).toContain(">2 一二三四五六七八九十…</text>");
    expect(heat).toContain('text-anchor="end">一二三四五六七八九十甲乙丙丁戊己</text>');
    expect(heat).toContain('text-anchor="end">一二三四五六七八九十甲乙丙丁戊…</text>');
    const plan = clone(w.plan);
    plan.sections[0].tasks[0].title = "一二三四五六七八九十"; // 10: fits
    plan.sections[0].tasks[1].title = "一二三四五六七八九十甲"; // 11: cut
    const line = renderReport({ plan, occurrences: w.occurrences });
    expect(line).toContain(">任务1 一二三四五六七八九十</text>");
    expect(line).toContain(">任务2 一二三四五六七八九…</text>");
    expect(line).toContain("<title>任务2 一二三四五六七八九十甲</title>");
  });

  it("the outline joins a role's units with 、 and a task's clauses with a line break", () => {
    const text = "某县2024年度法治政府建设工作安排\n一、甲\n（一）任务一。6月底前完成清理（县司法局负责）。9月底前完成检查（县公安局、县财政局负责）。\n（二）任务二。\n牵头单位：县司法局、县公安局\n";
    const html = renderReport({ plan: parsePlanText(text, { id: "o-2024" }).plan });
    expect(html).toContain('<td class="units"><span class="tag resp">责任</span> 县司法局 <br><span class="tag resp">责任</span> 县公安局、县财政局 </td>');
    expect(html).toContain('<td class="units"><span class="tag lead">牵头</span> 县司法局、县公安局 </td>');
  });

  it("the matrix shows a unit's strongest role in a task: lead over responsible over support, a definite role over a candidate", () => {
    const { w } = dataAsOf("2024-12-20");
    const m = JSON.parse(JSON.stringify(w.matrix)) as { -readonly [K in keyof typeof w.matrix]: any };
    const cell = (unitId: string, task: number, role: string, certainty = "definite") => ({ ...m.cells[0], unitId, taskId: `test-2024.t0${task}`, clauseId: `test-2024.t0${task}.c1`, role, certainty });
    m.units.push({ id: "xwb", name: "县委办", kind: "party_department" });
    m.cells.push(
      cell("sfj", 1, "support"), // after its lead
      cell("gaj", 1, "lead", "candidate"), // after its definite responsible
      cell("xwb", 1, "support"),
      cell("xwb", 2, "support"),
      cell("xwb", 2, "responsible"),
      cell("xwb", 3, "lead", "candidate"),
      cell("xwb", 3, "responsible", "candidate"),
    );
    const html = renderReport({ plan: w.plan, matrix: m });
    const shown = [...html.matchAll(/<(rect|circle) class="cell" data-role="(\w+)" data-certainty="(\w+)" (?:x="(\d+)" y="(\d+)"|cx="([\d.]+)" cy="([\d.]+)")[^>]*><title>([^<]*)<\/title>/g)].map((x) => [x[8], x[2], x[3], ...(x[1] === "rect" ? [x[4], x[5]] : [x[6], x[7]])]);
    expect(shown).toEqual([
      ["县司法局 · 任务1 执法监督 · 牵头", "lead", "definite", "201", "151"],
      ["县司法局 · 任务3 年度报告 · 牵头", "lead", "definite", "241", "151"],
      ["县公安局 · 任务1 执法监督 · 责任", "responsible", "definite", "201", "171"],
      ["县政府办 · 任务2 专题讲座 · 牵头", "lead", "definite", "221", "191"],
      ["县政府办 · 任务3 年度报告 · 牵头", "lead", "definite", "241", "191"],
      ["县委办 · 任务1 执法监督 · 配合", "support", "definite", "201", "211"],
      ["县委办 · 任务2 专题讲座 · 责任", "responsible", "definite", "221", "211"],
      // A candidate is a dot at the middle of its place (x 240–260, y 210–230), a pixel up and left.
      ["县委办 · 任务3 年度报告 · 牵头（候选）", "lead", "candidate", "249", "219"],
    ]);
    expect(html).toContain('<li><b>县司法局</b>：<span class="tag lead">牵头</span> 任务1、3</li><li><b>县公安局</b>：<span class="tag resp">责任</span> 任务1</li>');
    expect(html).toContain('<li><b>县委办</b>：<span class="tag resp">责任</span> 任务2；<span class="tag supp">配合</span> 任务1<span class="units">；候选 1 项</span></li>');
    expect(html).toContain(
      '<figure class="wide-only"><p class="legend"><span><i style="background:var(--lead)"></i>牵头单位</span><span><i style="background:var(--resp)"></i>责任单位</span><span><i style="background:var(--supp)"></i>配合单位</span><span><i style="background:var(--cand);border-radius:6px;transform:scale(.5)"></i>候选（“有关单位”，未必负有责任）</span><span><i style="background:var(--resp);outline:1px dashed #fff;outline-offset:-3px"></i>经单位组得出（虚线框）</span></p><svg id="matrix"',
    );
  });

  it("the timeline has twelve months; a day early in a month sits 8 pixels in; only the plan's year is drawn, every year when the plan has none", () => {
    const { w } = dataAsOf("2024-12-20");
    const occurrences = w.occurrences.map((o) => (o.id === "test-2024.t03.r1.2024" ? { ...o, due: IsoDate.parse("2024-03-01") } : o));
    const html = renderReport({ plan: w.plan, occurrences });
    expect(html.match(/text-anchor="middle">\d+月<\/text>/g)).toHaveLength(12);
    expect(html).toContain('<circle cx="348.0" cy="90" r="8"'); // March starts at x = 340; 1/31 of 70 pixels is less than 8
    const { year: _year, ...noYear } = w.plan;
    const next = { ...w.occurrences[0]!, id: "test-2024.t01.r1.2025-Q1", due: IsoDate.parse("2025-03-31") };
    const all = renderReport({ plan: noYear as never, occurrences: [...w.occurrences, next] });
    expect(all.match(/<g class="occ"/g)).toHaveLength(7);
    expect(renderReport({ plan: w.plan, occurrences: [...w.occurrences, next] }).match(/<g class="occ"/g)).toHaveLength(6);
  });

  it("the timeline: a dot shared by items of one day takes the worst of their statuses, in either order; dots of one day go by task number", () => {
    const { w } = dataAsOf("2024-12-20");
    const q2 = w.occurrences.find((o) => o.id === "test-2024.t01.r1.2024-Q2")!;
    const other = { ...q2, id: "test-2024.t01.r1.2024-Q2b", unitIds: [] };
    const report = { ...w.occurrences.find((o) => o.taskNo === 3)!, id: "test-2024.t03.r1.2024b", due: q2.due };
    const status = (occurrenceId: string, status: string, unitId?: string) => ({ occurrenceId, ...(unitId !== undefined ? { unitId } : {}), status, done: 0, needed: 1, entries: [] });
    const dot = (occurrences: unknown[], statuses: unknown[]) =>
      [...renderReport({ plan: w.plan, occurrences, statuses } as never).matchAll(/<li data-status="(\w+)">[^·]*· 任务(\d)/g)].map((m) => `${m[2]}:${m[1]}`);
    const done = status(q2.id, "done_on_time", "sfj");
    const late = status(other.id, "overdue");
    expect(dot([q2, other], [done, late])).toEqual(["1:overdue"]);
    expect(dot([other, q2], [late, done])).toEqual(["1:overdue"]);
    expect(dot([other, q2], [done, late])).toEqual(["1:overdue"]);
    expect(dot([report, q2, other], [done, late])).toEqual(["1:overdue", "3:upcoming"]);
    // Bound to units if any of its items is: then it counts no item as "公文未列责任单位".
    const html = renderReport({ plan: w.plan, occurrences: [q2, other], statuses: [done, late] } as never);
    expect(html).toContain('data-unbound="false"');
    expect(html).toContain("2024-06-30 · 任务1 · 逾期未完成：");
  });

  it("the diagnostics: errors and warnings first with their line, notes folded away, and a word when there are only notes", () => {
    const { w } = dataAsOf("2024-12-20");
    const d = (code: string, severity: string, line?: number) => ({ code, severity, message: `消息${code}`, messageEn: `message ${code}`, path: [], ...(line !== undefined ? { source: { start: 0, end: 1, line } } : {}) });
    const html = renderReport({ plan: w.plan, diagnostics: [d("e1", "error", 3), d("w1", "warning"), d("i1", "info", 7), d("i2", "info")] as never });
    expect(html).toContain(
      '<section id="diagnostics"><h2>附：解析与校验提示 <small>Notes from reading the document</small></h2><div class="diag"><ul><li>第3行：消息e1 <span class="en">message e1</span><span class="code">错误 · e1</span></li><li>消息w1 <span class="en">message w1</span><span class="code">警告 · w1</span></li></ul>' +
        '<details><summary>另有2条说明（如被分页打断的句子已接合）/ 2 notes</summary><ul><li>第7行：消息i1 <span class="en">message i1</span><span class="code">说明 · i1</span></li><li>消息i2 <span class="en">message i2</span><span class="code">说明 · i2</span></li></ul></details></div></section>',
    );
    expect(renderReport({ plan: w.plan, diagnostics: [d("i1", "info")] as never })).toContain('<div class="diag"><p>没有错误或警告。No errors or warnings.</p><details><summary>另有1条说明');
    expect(renderReport({ plan: w.plan, diagnostics: [d("e1", "error")] as never })).toContain("</li></ul></div></section>");
    expect(renderReport({ plan: w.plan, diagnostics: [] })).not.toContain('id="diagnostics"');
  });

  it("sections appear in order, each only with its data, and the page ends with the footer", () => {
    const { w, statuses, asOf, ledger } = dataAsOf("2024-12-20");
    const bulletin = buildBulletin(w.plan, w.matrix, w.occurrences, ledger, asOf);
    const html = renderReport({ plan: w.plan, matrix: w.matrix, occurrences: w.occurrences, statuses, bulletin, cards: [], asOf });
    expect([...html.matchAll(/<section id="([\w-]+)"><h2>([^<]*) <small>([^<]*)<\/small>/g)].map((m) => m.slice(1).join(" "))).toEqual([
      "outline 一、工作安排与分工 Tasks and who does them",
      "matrix-section 二、责任矩阵 Responsibility matrix",
      "timeline-section 三、全年时间节点 The year&#39;s deadlines",
      "bulletin 四、工作进展通报 Progress bulletin",
      "scores-section 五、考核得分 Assessment scores",
    ]);
    expect(html).toContain(`<section id="bulletin"><h2>四、工作进展通报 <small>Progress bulletin</small></h2><pre>${escapeHtml(bulletinToText(bulletin))}</pre></section>`);
    expect(html.endsWith('<footer class="meta"><p>由 fazhi 生成。Generated by fazhi.</p></footer></main></body></html>\n')).toBe(true);
    expect(html).toContain('<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it("a plan alone: the outline and only its cards, no note, and the footer right after the outline", () => {
    const { w } = dataAsOf("2024-12-20");
    const html = renderReport({ plan: w.plan });
    expect(texts(html, /<div class="stat[^"]*" data-stat="[^"]*">(.*?)<\/div>/g)).toEqual(["部分Sections1", "任务Tasks3"]);
    expect(html).toContain('<div class="cards"><div class="stat" data-stat="Sections"><span>部分</span><span class="en">Sections</span><b>1</b></div><div class="stat" data-stat="Tasks"><span>任务</span><span class="en">Tasks</span><b>3</b></div></div></header>');
    expect(html).toContain('</tbody></table></section><footer class="meta">');
  });

  it("the outline: tasks and sections follow each other directly in one table", () => {
    const { plan } = parsePlanText("某县2024年度法治政府建设工作安排\n一、甲\n（一）任务一。\n（二）任务二。\n二、乙\n（三）任务三。", { id: "o-2024" });
    const html = renderReport({ plan });
    expect(html).toContain('<tbody><tr><th colspan="3">1. 甲</th></tr><tr data-task="1">');
    expect(html).toContain('<td class="units">（未列单位）</td></tr><tr data-task="2">');
    expect(html).toContain('<td class="units">（未列单位）</td></tr><tr><th colspan="3">2. 乙</th></tr><tr data-task="3">');
    expect(html).toContain('<td class="units">（未列单位）</td></tr></tbody></table></section>');
  });

  it("the timeline: a dated item given the status undated (随事件) is grey and says so, and any other status of its dot comes first", () => {
    const { w } = dataAsOf("2024-12-20");
    const q1 = w.occurrences.find((o) => o.id === "test-2024.t01.r1.2024-Q1")!;
    const render = (...kinds: string[]) => {
      const statuses = kinds.map((status, i) => ({ occurrenceId: q1.id, unitId: `u${i}`, status, done: 0, needed: 1, entries: [] })) as never;
      return renderReport({ plan: w.plan, occurrences: [q1], statuses });
    };
    const html = render("undated");
    expect(html).toContain('<li data-status="undated"><i style="background:#9aa5b1;border-radius:6px"></i>2024-03-31 · 任务1 · 随事件：');
    expect(html).toContain('r="8" fill="#9aa5b1"/>');
    expect(/<li data-status="(\w+)">/.exec(render("done_on_time", "undated"))?.[1]).toBe("done_on_time");
    expect(/<li data-status="(\w+)">/.exec(render("undated", "done_on_time"))?.[1]).toBe("done_on_time");
  });
});
