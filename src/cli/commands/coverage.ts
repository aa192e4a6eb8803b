import { coverageToText, planCoverage, renderCoverage } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { loadPlans } from "../inputs.js";
import { emit } from "../io.js";
import { text } from "../messages.js";
import { COMPARE_FORMAT, OUT_FILE, choiceValue, shareValue, stdinOnce } from "../options.js";

export const coverage: Command = {
  name: "coverage",
  summary: text("对照上级要点，看本级工作安排是否逐项落实", "how a plan takes up a higher-level document's tasks"),
  description: text(
    "对上级文件（市、省的工作要点）的每一项任务，列出承接它的本级任务（相似度、包含上级文字的比例、共同词句），以及没有承接的上级任务和没有上级依据的本级任务。" +
      "两份文件都可以是文本、Word（.docx）或 CSV/TSV 表格。比较完成即退出码 0：有未承接的任务不是错误。",
    "For each task of the higher-level document (the city's or province's 要点), list the plan's tasks that take it up (similarity, share of " +
      "the higher-level text, shared phrases), the higher-level tasks nobody took up, and the plan's tasks with no anchor above. Either file may " +
      "be text, Word (.docx) or a CSV/TSV sheet. The exit code is 0 when the comparison ran: tasks not taken up are not errors.",
  ),
  positionals: [
    { name: "<upper>", required: true, help: text("上级文件（如市里的工作要点），- 表示标准输入", "the higher-level document (say the city's 要点); - reads standard input") },
    { name: "<plan>", required: true, help: text("本级工作安排，- 表示标准输入", "the plan made under it; - reads standard input") },
  ],
  options: {
    format: COMPARE_FORMAT,
    out: OUT_FILE,
    threshold: {
      type: "string",
      value: "N",
      help: text("算作承接的最低相似度，0 到 1 之间（默认 0.25；调低会多列出较弱的承接）", "the least similarity that counts as taking a task up, from 0 to 1 (default 0.25; lower lists weaker links)"),
    },
  },
  examples: ["fazhi coverage 市要点.docx 县安排.txt", "fazhi coverage 市要点.txt 县安排.txt --format html --out 对照.html"],
  run(args, env, problems) {
    const format = choiceValue(problems, args, "format", ["text", "json", "html"] as const, "text");
    const threshold = shareValue(problems, args, "threshold");
    stdinOnce(problems, args.positionals);
    stopOnProblems(this, problems);
    const [upper, plan] = loadPlans(env, [args.positionals[0] as string, args.positionals[1] as string]);
    const result = planCoverage(upper.plan, plan.plan, threshold !== undefined ? { threshold } : {});
    const out = format === "json" ? JSON.stringify(result, null, 2) : format === "html" ? renderCoverage(result, { generatedOn: env.today() }) : coverageToText(result);
    emit(env, args.string("out"), out);
  },
};
