import { type Command, stopOnProblems } from "../command.js";
import { diagnosticLines, inferredRoster, loadPlan } from "../inputs.js";
import { emit, note } from "../io.js";
import { text } from "../messages.js";
import { ID, OUT_FILE, PLAN_FILE, PLAN_YEAR, yearValue } from "../options.js";

export const roster: Command = {
  name: "roster",
  summary: text("按公文推断单位名录（供核对、修改）", "infer a roster from the document, for staff to edit"),
  description: text(
    "按公文中点名的单位推断一份待核对的单位名录（JSON）：每个单位的类别和层级按名称猜测，简称和全称合并（每处合并在标准错误中列出，" +
      "可在名录中拆开），集合称谓成为成员待补充的单位组。核对、补充乡镇等名单、删去 source.provisional 后，用 --roster 传给其他命令。",
    "Infer a provisional roster (JSON) from the units the document names: kinds and levels guessed from the names, short and long forms merged " +
      "(each merge listed on standard error, to be split in the file if wrong), collective phrases as groups whose members are to be listed. Check it, " +
      "add the townships and other members, remove source.provisional, and pass it to the other commands with --roster.",
  ),
  positionals: [PLAN_FILE],
  options: { out: OUT_FILE, id: ID, year: PLAN_YEAR },
  examples: ["fazhi roster 公文.txt --out 名录.json", "fazhi report 公文.txt --roster 名录.json --out out/2025"],
  run(args, env, problems) {
    const year = yearValue(problems, args);
    stopOnProblems(this, problems);
    const { plan, where } = loadPlan(env, args.positionals[0] as string, { id: args.string("id"), year });
    const { roster: inferred, diagnostics, summary } = inferredRoster(plan);
    note(env, text(`已按公文推断单位名录：${summary.zh}。类别和层级按名称猜测，请核对。`, `Inferred a roster from the document: ${summary.en}. Kinds and levels are guessed from the names; please check them.`));
    const shown = diagnosticLines(where, diagnostics, "  ");
    if (shown.length > 0) env.stderr(`${["请核对 Please check:", ...shown].join("\n")}\n`);
    if (inferred.missing !== undefined && inferred.missing.length > 0) env.stderr(`${["待补充 To be filled in:", ...inferred.missing.map((m) => `  ${m}`)].join("\n")}\n`);
    emit(env, args.string("out"), JSON.stringify(inferred, null, 2));
  },
};
