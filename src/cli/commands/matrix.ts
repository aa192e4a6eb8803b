import { buildMatrix, matrixToCsv, toCsv, workload } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { checkMatrix, diagnosticLines, loadPlan, loadRoster } from "../inputs.js";
import { note, print } from "../io.js";
import { text } from "../messages.js";
import { FORMAT, ID, PLAN_FILE, PLAN_YEAR, ROSTER, choiceValue, yearValue } from "../options.js";
import { renderTable } from "../table.js";

export const matrix: Command = {
  name: "matrix",
  summary: text("责任分工表", "the responsibility matrix"),
  description: text(
    "按单位名录生成责任分工表。未给出 --roster 时按公文原文列出各任务的分工（不做单位匹配）。",
    "Build the responsibility matrix with a roster; without --roster, list each task's units as the document writes them.",
  ),
  positionals: [PLAN_FILE],
  options: {
    roster: ROSTER,
    format: FORMAT,
    layout: { type: "string", value: "long|wide", help: text("CSV 的版式：每格一行（long，默认）或单位×任务（wide）", "CSV layout: a row per cell (long, default) or units × tasks (wide)") },
    bom: { type: "boolean", help: text("CSV 开头写 BOM（Excel 直接打开不乱码）", "start the CSV with a BOM (for Excel)") },
    id: ID,
    year: PLAN_YEAR,
  },
  examples: ["fazhi matrix seeds/wuzhi-2024.txt --roster seeds/wuzhi-2024.roster.json --format csv --layout wide --bom > 分工表.csv"],
  run(args, env, problems) {
    const format = choiceValue(problems, args, "format", ["table", "csv", "json"] as const, "table");
    const layout = choiceValue(problems, args, "layout", ["long", "wide"] as const, "long");
    const year = yearValue(problems, args);
    stopOnProblems(this, problems);
    const { plan, where } = loadPlan(env, args.positionals[0] as string, { id: args.string("id"), year });
    const rosterFile = args.string("roster");
    if (rosterFile === undefined) {
      const rows = plan.sections.flatMap((s) =>
        s.tasks.flatMap((t) => t.clauses.map((c) => [t.no, t.title, ...(["lead", "responsible", "support"] as const).map((role) => c.assignment[role].map((r) => r.text).join("、"))] as const)),
      );
      if (format === "json") print(env, JSON.stringify(rows.map(([no, title, lead, responsible, support]) => ({ no, title, lead, responsible, support })), null, 2));
      else if (format === "csv") print(env, toCsv([["任务序号", "任务", "牵头单位", "责任单位", "配合单位"], ...rows], { bom: args.flag("bom") }));
      else {
        note(env, text("未给出 --roster：按公文原文列出分工。", "No --roster: the units as the document writes them."));
        for (const [no, title, lead, resp, supp] of rows) print(env, `${String(no).padStart(2)}  ${title}\n    牵头 lead：${lead || "—"}\n    责任 responsible：${resp || "—"}${supp !== "" ? `\n    配合 support：${supp}` : ""}`);
      }
      return;
    }
    const m = checkMatrix(buildMatrix(plan, loadRoster(env, rosterFile)), where);
    if (format === "json") print(env, JSON.stringify(m, null, 2));
    else if (format === "csv") print(env, matrixToCsv(m, { layout, bom: args.flag("bom") }));
    else {
      print(env, `单位 Units：${m.units.length}　单元格 Cells：${m.cells.length}`);
      const rows = workload(m).map((r) => [r.name, String(r.lead.definite), String(r.responsible.definite), String(r.responsible.candidate), String(r.support.definite)]);
      print(env, renderTable(["单位 Unit", "牵头 Lead", "责任 Resp.", "候选 Cand.", "配合 Supp."], rows, new Set([1, 2, 3, 4])));
      const shown = diagnosticLines(where, m.diagnostics.filter((d) => d.severity !== "info"), "  ");
      if (shown.length > 0) print(env, ["诊断 Diagnostics：", ...shown].join("\n"));
    }
  },
};
