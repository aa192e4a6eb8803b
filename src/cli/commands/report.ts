import { resolve } from "node:path";
import {
  type Ledger,
  type ScoreCard,
  type ScoringScheme,
  buildBulletin,
  bulletinToText,
  checkLedgerAgainstScheme,
  emptyLedger,
  expandSchedule,
  matrixToCsv,
  occurrenceStatus,
  renderReport,
  scheduleToICalendar,
  scoreUnits,
} from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { BUNDLED, isBundledPlan, loadLedger, loadMatrix, loadPlanAsOf, loadScheme, showNotices } from "../inputs.js";
import { note, print, writeOutputs } from "../io.js";
import { whereIn } from "../plan-file.js";
import { capped, text } from "../messages.js";
import { AS_OF, BUNDLED_ROSTER, ID, PLAN_YEAR, dateValue, yearValue } from "../options.js";
import { scoresCsv } from "./score.js";

/** The files `report` writes, in this order. */
export const REPORT_FILES = ["plan.json", "matrix.csv", "calendar.ics", "bulletin.txt", "scores.csv", "report.html"] as const;

export const report: Command = {
  name: "report",
  summary: text("生成全部结果和 HTML 报告", "write every output and the HTML report"),
  description: text(
    "写出 plan.json、matrix.csv、calendar.ics、bulletin.txt、scores.csv、report.html。不给公文时使用随包附带的武陟县示例及其名录、示例方案和虚构台账" +
      "（仅供演示）。本县公文不给 --roster 时按公文推断单位名录（并在标准错误中说明），不给 --scheme 时不评分，不给 --ledger 时台账为空：武陟县的示例文件只用于武陟县的公文。" +
      "先在 --out 旁的临时目录中写好全部文件再一次换入：任何输入有误或写入失败时，原有输出保持不变，不留临时文件。",
    "Write every output into --out. Without a document, the bundled Wuzhi example is used with its roster, example scheme and synthetic ledger (for the demo). " +
      "For your own document, a missing --roster is inferred from it (said on standard error), a missing --scheme means no scores and a missing --ledger an " +
      "empty ledger: Wuzhi's example files apply to Wuzhi's document only. Everything is written into a temporary directory beside --out and moved into place " +
      "at the end: on invalid input or a failed write, earlier outputs stay as they were and no temporary files are left.",
  ),
  positionals: [{ name: "<file>", help: text("公文：文本、Word（.docx）或 CSV/TSV 表格文件，或 fazhi parse --json 写出的计划 JSON，- 表示标准输入；默认为随包附带的武陟县2024年工作安排", "the plan: a text, Word (.docx) or CSV/TSV file, or a plan as JSON from fazhi parse --json, - reads standard input; default the bundled Wuzhi 2024 plan") }],
  options: {
    out: { type: "string", value: "<dir>", required: true, help: text("输出目录", "the output directory") },
    roster: BUNDLED_ROSTER,
    scheme: { type: "string", value: "s.json", help: text("考核方案；不给时武陟县示例用随包附带的示例方案，其他公文不评分", "the scoring scheme; default the bundled example for the Wuzhi document, else no scores") },
    ledger: { type: "string", value: "l.json", help: text("工作台账；不给时武陟县示例用随包附带的虚构台账，其他公文为空台账", "the ledger; default the bundled synthetic one for the Wuzhi document, else an empty ledger") },
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
    // Wuzhi's example scheme and ledger go with Wuzhi's document only (a copy, renamed or piped, included).
    const example = args.positionals[0] === undefined || isBundledPlan(plan);
    const schemeFile = args.string("scheme") ?? (example ? BUNDLED.scheme : undefined);
    const scheme: ScoringScheme | undefined = schemeFile === undefined ? undefined : loadScheme(env, schemeFile, { plan, roster }, schemeFile === BUNDLED.scheme);
    const ledgerFile = args.string("ledger") ?? (example ? BUNDLED.ledger : undefined);
    const ledger: Ledger = ledgerFile === undefined ? emptyLedger(plan.id) : loadLedger(env, ledgerFile, { plan, matrix, occurrences, roster }, ledgerFile === BUNDLED.ledger);
    if (scheme === undefined) note(env, text("未给出 --scheme：不评分（随包附带的示例方案只用于武陟县的公文）。", "No --scheme: no scores (the bundled example scheme is for the Wuzhi document only)."));
    if (ledgerFile === undefined) note(env, text("未给出 --ledger：台账为空，时间节点都按未报送计。", "No --ledger: the ledger is empty, so nothing counts as reported."));
    if (scheme !== undefined && ledgerFile !== undefined && ledgerFile !== BUNDLED.ledger) showNotices(env, whereIn(ledgerFile), checkLedgerAgainstScheme(ledger, scheme));
    const statuses = occurrenceStatus(occurrences, ledger, asOf);
    const bulletin = buildBulletin(plan, matrix, occurrences, ledger, asOf, { roster });
    const cards: ScoreCard[] | undefined = scheme === undefined ? undefined : scoreUnits({ plan, roster, matrix, scheme, ledger, asOf });
    const notes = [
      ...(roster.source?.provisional === true
        ? ["单位名录为按公文推断的临时名录：单位和单位组均由公文中的名称推断，类别、层级和组的成员须核对、补充后才可作准。The roster is provisional: its units and groups were inferred from the document; check their kinds, levels and group members before relying on this report."]
        : []),
      ...(schemeFile === BUNDLED.scheme ? ["考核方案为随包附带的示例方案，不是官方方案。The scheme is the bundled example, not an official one."] : []),
      ...(ledgerFile === BUNDLED.ledger
        ? ["台账为随包附带的虚构示例数据，仅供演示，不反映任何单位的真实工作情况。The ledger is the bundled synthetic sample, for the demo only; it says nothing about any real unit."]
        : ledger.description !== undefined
          ? [ledger.description]
          : []),
    ];
    const html = renderReport({
      plan,
      matrix,
      occurrences,
      statuses,
      bulletin,
      ...(cards !== undefined ? { cards } : {}),
      asOf,
      diagnostics,
      ...(scheme !== undefined ? { schemeTitle: scheme.title } : {}),
      generatedOn: env.today(),
      notes,
    });
    const dir = args.string("out") as string;
    const contents: Record<(typeof REPORT_FILES)[number], string> = {
      "plan.json": `${JSON.stringify(plan, null, 2)}\n`,
      "matrix.csv": matrixToCsv(matrix, { bom: true }),
      "calendar.ics": scheduleToICalendar(occurrences, { dtstamp: env.stamp(), calendarName: plan.title }),
      "bulletin.txt": bulletinToText(bulletin),
      "scores.csv": scoresCsv(cards ?? [], true),
      "report.html": html,
    };
    writeOutputs(env, dir, REPORT_FILES.map((name) => [name, contents[name]] as const));

    const tasks = plan.sections.flatMap((s) => s.tasks);
    const dated = occurrences.filter((o) => o.due !== undefined).length;
    const emptyGroups = bulletin.emptyGroups ?? [];
    const next = occurrences.filter((o) => o.due !== undefined && o.due >= asOf && o.kind !== "ongoing").map((o) => `  ${o.due}  任务${o.taskNo} ${o.label}：${o.action}`);
    const overdue = bulletin.units.flatMap((u) => u.overdue.map((i) => `  ${u.name}：任务${i.taskNo} ${i.label}：${i.action}（截止${i.due ?? "—"}）`));
    const grades = new Map<string, number>();
    for (const c of cards ?? []) grades.set(c.grade, (grades.get(c.grade) ?? 0) + 1);
    print(
      env,
      [
        `${plan.title}（${plan.docNumber ?? "—"}），数据截至 ${asOf} / as of ${asOf}`,
        `部分 Sections ${plan.sections.length} · 任务 Tasks ${tasks.length} · 单位 Units ${matrix.units.length} · 时间节点 Scheduled items ${occurrences.length} · 逾期未完成 Overdue ${bulletin.totals.overdue}`,
        ...(dated === 0
          ? ["没有带日期的时间节点。No dated items."]
          : next.length > 0
            ? ["接下来的截止日期 Next deadlines：", ...capped(next, 5, "项")]
            : overdue.length > 0
              ? ["本年度时间节点均已到期。逾期未完成 All deadlines have passed; overdue：", ...capped(overdue, 5, "项")]
              : ["本年度时间节点均已到期，没有逾期未完成的事项。All deadlines have passed; nothing is overdue."]),
        ...(emptyGroups.length > 0
          ? [
              `${emptyGroups.length}个时间节点的责任单位组（${[...new Set(emptyGroups.flatMap((g) => g.groups))].join("、")}）尚无成员，未计入任何单位，请在名录中补充。` +
                `${emptyGroups.length} dated item${emptyGroups.length === 1 ? "" : "s"} belong${emptyGroups.length === 1 ? "s" : ""} to a unit group with no members yet, so no unit is held to ${emptyGroups.length === 1 ? "it" : "them"}: list its members in the roster.`,
            ]
          : []),
        ...(roster.source?.provisional === true ? ["单位名录为按公文推断的临时名录，须核对。The roster was inferred from the document (provisional): check it."] : []),
        cards === undefined ? "未评分（没有考核方案）Not scored (no scheme)" : `等次 Grades：${[...grades].map(([g, n]) => `${g} ${n}`).join("，")}`,
        `已写出 Written：${resolve(dir)}/{${REPORT_FILES.join(", ")}}`,
        `打开报告 Open the report：${resolve(dir, "report.html")}`,
      ].join("\n"),
    );
  },
};
