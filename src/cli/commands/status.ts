import { buildBulletin, bulletinToText, expandSchedule } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { loadLedger, loadMatrix, loadPlanAsOf } from "../inputs.js";
import { print } from "../io.js";
import { text } from "../messages.js";
import { AS_OF, BUNDLED_ROSTER, ID, LEDGER, PLAN_FILE, PLAN_YEAR, dateValue, intValue, yearValue } from "../options.js";

export const status: Command = {
  name: "status",
  summary: text("工作进展通报", "the progress bulletin"),
  description: text(
    "按工作台账生成工作进展通报：逾期未完成、近期到期、逾期完成、按时完成，可直接发送。",
    "Write the bulletin (通报) from a ledger: what is overdue, due soon, done late and done on time, ready to send.",
  ),
  positionals: [PLAN_FILE],
  options: {
    ledger: LEDGER,
    "as-of": AS_OF,
    roster: BUNDLED_ROSTER,
    horizon: { type: "string", value: "DAYS", help: text("列出多少天内到期的节点（0–366，默认14）", "list items due within this many days (0-366, default 14)") },
    id: ID,
    year: PLAN_YEAR,
  },
  examples: ["fazhi status seeds/wuzhi-2024.txt --ledger seeds/wuzhi-2024.ledger.sample.json --as-of 2024-07-15"],
  run(args, env, problems) {
    const asOfGiven = dateValue(problems, args, "as-of");
    const horizon = intValue(problems, args, "horizon", 0, 366, 14, text("天", "days"));
    const year = yearValue(problems, args);
    stopOnProblems(this, problems);
    const loaded = loadPlanAsOf(env, args.positionals[0] as string, { id: args.string("id"), year, asOf: asOfGiven });
    const { plan, asOf } = loaded;
    const { matrix, roster } = loadMatrix(env, loaded, args.string("roster"));
    const occurrences = expandSchedule(plan, { matrix });
    const ledger = loadLedger(env, args.string("ledger") as string, { plan, matrix, occurrences, roster });
    print(env, bulletinToText(buildBulletin(plan, matrix, occurrences, ledger, asOf, { horizonDays: horizon, roster })));
  },
};
