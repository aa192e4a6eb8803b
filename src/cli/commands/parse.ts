import type { Diagnostic } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { diagnosticLines, loadPlan } from "../inputs.js";
import { print } from "../io.js";
import { text } from "../messages.js";
import { ID, PLAN_FILE, PLAN_YEAR, yearValue } from "../options.js";
import { FORMAT_NAMES, type PlanFile } from "../plan-file.js";

const summary = ({ plan, diagnostics, format, where }: PlanFile): string => {
  const tasks = plan.sections.flatMap((s) => s.tasks);
  const count = (severity: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === severity).length;
  return [
    `${plan.title || "（无标题 untitled）"}${plan.docNumber !== undefined ? `（${plan.docNumber}）` : ""}`,
    `读作 Read as：${FORMAT_NAMES[format].zh} / ${FORMAT_NAMES[format].en}`,
    `发文单位 Issuer：${plan.issuer ?? "—"}　年度 Year：${plan.year ?? "—"}`,
    `部分 Sections：${plan.sections.length}　任务 Tasks：${tasks.length}　工作要求 Requirements：${tasks.reduce((n, t) => n + t.requirements.length, 0)}`,
    ...plan.sections.map((s) => `  ${s.no}. ${s.title}（${s.tasks.length}项）`),
    `诊断 Diagnostics：${count("error")} error，${count("warning")} warning，${count("info")} info`,
    ...diagnosticLines(where, diagnostics.filter((d) => d.severity !== "info"), "  "),
  ].join("\n");
};

export const parse: Command = {
  name: "parse",
  summary: text("解析公文，输出摘要或 JSON", "read a plan document: a summary, or the Plan as JSON"),
  description: text(
    "解析公文文本，打印摘要（部分、任务、分工、诊断）；--json 输出 Plan JSON。",
    "Read a plan document and print a summary (sections, tasks, diagnostics), or with --json the Plan as JSON.",
  ),
  positionals: [PLAN_FILE],
  options: {
    json: { type: "boolean", help: text("输出 Plan JSON", "print the Plan as JSON") },
    id: ID,
    year: PLAN_YEAR,
  },
  examples: ["fazhi parse seeds/wuzhi-2024.txt", "cat 公文.txt | fazhi parse - --json > plan.json"],
  run(args, env, problems) {
    const year = yearValue(problems, args);
    stopOnProblems(this, problems);
    const loaded = loadPlan(env, args.positionals[0] as string, { id: args.string("id"), year });
    print(env, args.flag("json") ? JSON.stringify(loaded.plan, null, 2) : summary(loaded));
  },
};
