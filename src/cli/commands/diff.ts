import { diffPlans, planDiffToText, renderPlanDiff } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { loadPlans, loadRoster } from "../inputs.js";
import { emit } from "../io.js";
import { text } from "../messages.js";
import { COMPARE_FORMAT, OUT_FILE, choiceValue, stdinOnce } from "../options.js";

export const diff: Command = {
  name: "diff",
  summary: text("对比两版工作安排（如去年与今年）", "what changed between two plans (last year's and this year's)"),
  description: text(
    "按任务文字对应两版工作安排（与编号、顺序、所在部分无关），列出新增、删去、拆分、合并、移动、改写的任务，以及牵头、责任、配合单位和时间节点的变化。" +
      "给出 --roster 时，名录中同一单位的不同名称（别名、曾用名）记为更名，而非一删一增。两份文件都可以是文本、Word（.docx）或 CSV/TSV 表格。" +
      "比较完成即退出码 0：有差异不是错误。",
    "Pair the tasks of two plans by their text (whatever their numbers, order and sections) and list the tasks added, removed, split, merged, " +
      "moved and reworded, and the changes of lead, responsible and support units and of dates. With --roster, two names of one unit (an alias, a " +
      "former name) count as a rename, not as a removal and an addition. Either file may be text, Word (.docx) or a CSV/TSV sheet. The exit code " +
      "is 0 when the comparison ran: differences are not errors.",
  ),
  positionals: [
    { name: "<previous>", required: true, help: text("上一版（如去年的）工作安排文件，- 表示标准输入", "the earlier plan (say last year's); - reads standard input") },
    { name: "<next>", required: true, help: text("本版工作安排文件，- 表示标准输入", "the later plan; - reads standard input") },
  ],
  options: {
    roster: { type: "string", value: "r.json", help: text("单位名录：同一单位的不同名称记为更名", "the roster: two names of one unit count as a rename") },
    format: COMPARE_FORMAT,
    out: OUT_FILE,
  },
  examples: ["fazhi diff 2024.txt 2025.docx", "fazhi diff 2024.txt 2025.txt --roster 名录.json --format html --out 差异.html"],
  run(args, env, problems) {
    const format = choiceValue(problems, args, "format", ["text", "json", "html"] as const, "text");
    stdinOnce(problems, args.positionals);
    stopOnProblems(this, problems);
    const [previous, next] = loadPlans(env, [args.positionals[0] as string, args.positionals[1] as string]);
    const rosterFile = args.string("roster");
    const result = diffPlans(previous.plan, next.plan, rosterFile !== undefined ? { roster: loadRoster(env, rosterFile) } : {});
    const out = format === "json" ? JSON.stringify(result, null, 2) : format === "html" ? renderPlanDiff(result, { generatedOn: env.today() }) : planDiffToText(result);
    emit(env, args.string("out"), out);
  },
};
