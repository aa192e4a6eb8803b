import { resolve } from "node:path";
import { buildBulletin, bulletinToText, expandSchedule, matrixToCsv, occurrenceStatus, renderReport, scheduleToICalendar, scoreUnits } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { BUNDLED, loadLedger, loadMatrix, loadPlanAsOf, loadScheme } from "../inputs.js";
import { print, writeOutputs } from "../io.js";
import { capped, text } from "../messages.js";
import { AS_OF, BUNDLED_ROSTER, ID, PLAN_YEAR, dateValue, yearValue } from "../options.js";
import { scoresCsv } from "./score.js";

/** The files `report` writes, in this order. */
export const REPORT_FILES = ["plan.json", "matrix.csv", "calendar.ics", "bulletin.txt", "scores.csv", "report.html"] as const;

export const report: Command = {
  name: "report",
  summary: text("生成全部结果和 HTML 报告", "write every output and the HTML report"),
  description: text(
    "写出 plan.json、matrix.csv、calendar.ics、bulletin.txt、scores.csv、report.html。未给出的公文、名录、方案、台账使用随包附带的武陟县示例" +
      "（示例方案和虚构台账仅供演示）。先在 --out 旁的临时目录中写好全部文件再一次换入：任何输入有误或写入失败时，原有输出保持不变，不留临时文件。",
    "Write every output into --out. A missing document, roster, scheme or ledger defaults to the bundled Wuzhi example (the scheme is an example, " +
      "the ledger synthetic). Everything is written into a temporary directory beside --out and moved into place at the end: on invalid input or a " +
      "failed write, earlier outputs stay as they were and no temporary files are left.",
  ),
  positionals: [{ name: "<file>", help: text("公文：文本、Word（.docx）或 CSV/TSV 表格文件，- 表示标准输入；默认为随包附带的武陟县2024年工作安排", "the plan: a text, Word (.docx) or CSV/TSV file, - reads standard input; default the bundled Wuzhi 2024 plan") }],
  options: {
    out: { type: "string", value: "<dir>", required: true, help: text("输出目录", "the output directory") },
    roster: BUNDLED_ROSTER,
    scheme: { type: "string", value: "s.json", help: text("考核方案，默认为随包附带的示例方案", "the scoring scheme; default the bundled example") },
    ledger: { type: "string", value: "l.json", help: text("工作台账，默认为随包附带的虚构台账", "the ledger; default the bundled synthetic one") },
    "as-of": AS_OF,
    id: ID,
    year: PLAN_YEAR,
  },
  examples: ["fazhi report --out out/wuzhi-2024", "fazhi report 公文.txt --roster 名录.json --scheme 方案.json --ledger 台账.json --out out/2025"],
  run(args, env, problems) {
    const asOfGiven = dateValue(problems, args, "as-of");
    const year = yearValue(problems, args);
    stopOnProblems(this, problems);
    const file = args.positionals[0] ?? BUNDLED.plan;
    const loaded = loadPlanAsOf(env, file, { id: args.string("id"), year, asOf: asOfGiven });
    const { plan, diagnostics, asOf } = loaded;
    const { roster, matrix } = loadMatrix(env, loaded, args.string("roster"), true);
    const occurrences = expandSchedule(plan, { matrix });
    const schemeFile = args.string("scheme");
    const scheme = loadScheme(env, schemeFile ?? BUNDLED.scheme, plan);
    const ledgerFile = args.string("ledger");
    const ledger = loadLedger(env, ledgerFile ?? BUNDLED.ledger, { plan, matrix, occurrences });
    const statuses = occurrenceStatus(occurrences, ledger, asOf);
    const bulletin = buildBulletin(plan, matrix, occurrences, ledger, asOf);
    const cards = scoreUnits({ plan, roster, matrix, scheme, ledger, asOf });
    const notes = [
      ...(schemeFile === undefined ? ["考核方案为随包附带的示例方案，不是官方方案。The scheme is the bundled example, not an official one."] : []),
      ...(ledgerFile === undefined
        ? ["台账为随包附带的虚构示例数据，仅供演示，不反映任何单位的真实工作情况。The ledger is the bundled synthetic sample, for the demo only; it says nothing about any real unit."]
        : ledger.description !== undefined
          ? [ledger.description]
          : []),
    ];
    const html = renderReport({ plan, matrix, occurrences, statuses, bulletin, cards, asOf, diagnostics, schemeTitle: scheme.title, generatedOn: env.today(), notes });
    const dir = args.string("out") as string;
    const contents: Record<(typeof REPORT_FILES)[number], string> = {
      "plan.json": `${JSON.stringify(plan, null, 2)}\n`,
      "matrix.csv": matrixToCsv(matrix, { bom: true }),
      "calendar.ics": scheduleToICalendar(occurrences, { dtstamp: env.stamp(), calendarName: plan.title }),
      "bulletin.txt": bulletinToText(bulletin),
      "scores.csv": scoresCsv(cards, true),
      "report.html": html,
    };
    writeOutputs(env, dir, REPORT_FILES.map((name) => [name, contents[name]] as const));

    const tasks = plan.sections.flatMap((s) => s.tasks);
    const next = occurrences.filter((o) => o.due !== undefined && o.due >= asOf && o.kind !== "ongoing").map((o) => `  ${o.due}  任务${o.taskNo} ${o.label}：${o.action}`);
    const overdue = bulletin.units.flatMap((u) => u.overdue.map((i) => `  ${u.name}：任务${i.taskNo} ${i.label}：${i.action}（截止${i.due ?? "—"}）`));
    const grades = new Map<string, number>();
    for (const c of cards) grades.set(c.grade, (grades.get(c.grade) ?? 0) + 1);
    print(
      env,
      [
        `${plan.title}（${plan.docNumber ?? "—"}），数据截至 ${asOf} / as of ${asOf}`,
        `部分 Sections ${plan.sections.length} · 任务 Tasks ${tasks.length} · 单位 Units ${matrix.units.length} · 时间节点 Scheduled items ${occurrences.length} · 逾期未完成 Overdue ${bulletin.totals.overdue}`,
        ...(next.length > 0
          ? ["接下来的截止日期 Next deadlines：", ...capped(next, 5, "项")]
          : overdue.length > 0
            ? ["本年度时间节点均已到期。逾期未完成 All deadlines have passed; overdue：", ...capped(overdue, 5, "项")]
            : ["本年度时间节点均已到期，没有逾期未完成的事项。All deadlines have passed; nothing is overdue."]),
        `等次 Grades：${[...grades].map(([g, n]) => `${g} ${n}`).join("，")}`,
        `已写出 Written：${resolve(dir)}/{${REPORT_FILES.join(", ")}}`,
        `打开报告 Open the report：${resolve(dir, "report.html")}`,
      ].join("\n"),
    );
  },
};
