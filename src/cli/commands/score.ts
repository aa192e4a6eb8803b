import { type ScoreCard, explainScoreCard, formatPoints, scoreUnits, toCsv } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { loadLedger, loadMatrix, loadPlanAsOf, loadScheme } from "../inputs.js";
import { print } from "../io.js";
import { failure, text } from "../messages.js";
import { AS_OF, BUNDLED_ROSTER, FORMAT, ID, LEDGER, PLAN_FILE, PLAN_YEAR, SCHEME, choiceValue, dateValue, yearValue } from "../options.js";
import { renderTable } from "../table.js";

/** The score table as CSV (名次, 单位编号, 单位, 得分, 等次, 一票否决). */
export const scoresCsv = (cards: readonly ScoreCard[], bom = false): string =>
  toCsv([["名次", "单位编号", "单位", "得分", "等次", "一票否决"], ...cards.map((c) => [c.rank, c.unitId, c.name, formatPoints(c.total), c.grade, c.vetoed ? "是" : "否"])], { bom });

export const score: Command = {
  name: "score",
  summary: text("考核评分", "score every unit"),
  description: text("按考核方案为每个单位评分；--explain 打印某单位每一分的来历。", "Score every unit by the scheme; --explain prints where each of a unit's points came from."),
  positionals: [PLAN_FILE],
  options: {
    scheme: SCHEME,
    ledger: LEDGER,
    "as-of": AS_OF,
    roster: BUNDLED_ROSTER,
    previous: { type: "string", value: "p.json", help: text("上一年度的台账（用于“双下降”等比较）", "last year's ledger (for year-on-year indicators)") },
    format: FORMAT,
    explain: { type: "string", value: "UNIT", help: text("打印该单位（编号或名称）的评分说明", "print this unit's explanation (id or name)") },
    id: ID,
    year: PLAN_YEAR,
  },
  examples: ["fazhi score seeds/wuzhi-2024.txt --scheme seeds/wuzhi-2024.scheme.json --ledger seeds/wuzhi-2024.ledger.sample.json --explain 县司法局"],
  run(args, env, problems) {
    const asOfGiven = dateValue(problems, args, "as-of");
    const format = choiceValue(problems, args, "format", ["table", "csv", "json"] as const, "table");
    const year = yearValue(problems, args);
    stopOnProblems(this, problems);
    const loaded = loadPlanAsOf(env, args.positionals[0] as string, { id: args.string("id"), year, asOf: asOfGiven });
    const { plan, asOf } = loaded;
    const { roster, matrix } = loadMatrix(env, loaded, args.string("roster"));
    const scheme = loadScheme(env, args.string("scheme") as string, plan);
    const ledger = loadLedger(env, args.string("ledger") as string, { plan, matrix });
    const previousFile = args.string("previous");
    const previous = previousFile === undefined ? undefined : loadLedger(env, previousFile, { plan, matrix });
    const cards = scoreUnits({ plan, roster, matrix, scheme, ledger, asOf, ...(previous !== undefined ? { previous } : {}) });
    const unit = args.string("explain");
    if (unit !== undefined) {
      const card = cards.find((c) => c.unitId === unit || c.name === unit);
      if (card === undefined) throw failure(text(`没有单位“${unit}”（请给出名录中的编号或名称）`, `no unit "${unit}" (give an id or a name from the roster)`));
      print(env, explainScoreCard(card));
      return;
    }
    if (format === "json") print(env, JSON.stringify(cards, null, 2));
    else if (format === "csv") print(env, scoresCsv(cards));
    else {
      print(env, `${scheme.title}，数据截至 ${asOf} / as of ${asOf}`);
      const rows = cards.map((c) => [String(c.rank), c.name, formatPoints(c.total), `${c.grade}${c.vetoed ? "（一票否决）" : ""}`]);
      print(env, renderTable(["名次 Rank", "单位 Unit", "得分 Score", "等次 Grade"], rows, new Set([0, 2])));
    }
  },
};
