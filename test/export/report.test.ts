import { describe, expect, it } from "vitest";
import { renderReport, escapeHtml } from "../../src/export/report.js";
import { buildBulletin } from "../../src/ledger/bulletin.js";
import { emptyLedger } from "../../src/ledger/ledger.js";
import { occurrenceStatus } from "../../src/ledger/status.js";
import { IsoDate } from "../../src/model/dates.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { expandSchedule } from "../../src/schedule/expand.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { seedRoster } from "../support/rosters.js";
import { seedContext } from "../support/context.js";
import { lazy } from "../support/lazy.js";

describe("renderReport", () => {
  const ctx = seedContext("2024-07-15");
  const ledger = emptyLedger(ctx.plan.id);
  // Rendered inside the tests (lazy), not when the file loads: see test/support/lazy.ts.
  const html = lazy(() =>
    renderReport({
      plan: ctx.plan,
      matrix: ctx.matrix,
      occurrences: ctx.occurrences,
      statuses: occurrenceStatus(ctx.occurrences, ledger, ctx.asOf),
      bulletin: buildBulletin(ctx.plan, ctx.matrix, ctx.occurrences, ledger, ctx.asOf),
      asOf: ctx.asOf,
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
    const dated = new Set(ctx.occurrences.filter((o) => o.due !== undefined).map((o) => o.taskNo));
    const rows = [...html().matchAll(/<g class="task"><title>任务(\d+) /g)].map((m) => Number(m[1]));
    expect(new Set(rows)).toEqual(dated);
    const overdue = [...html().matchAll(/data-overdue="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
    const card = Number(/data-stat="Overdue \(unit items\)"><span>逾期未完成<\/span><span class="en">[^<]*<\/span><b>(\d+)<\/b>/.exec(html())?.[1]);
    expect(overdue).toBe(card);
    expect(card).toBe(buildBulletin(ctx.plan, ctx.matrix, ctx.occurrences, ledger, ctx.asOf).totals.overdue);
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
