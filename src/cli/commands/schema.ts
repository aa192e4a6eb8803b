import { MODEL_NAMES, type ModelName, toJsonSchema } from "../../index.js";
import { type Command, stopOnProblems } from "../command.js";
import { print } from "../io.js";
import { text } from "../messages.js";

export const schema: Command = {
  name: "schema",
  summary: text("输出 JSON Schema", "print JSON Schema"),
  description: text(
    `输出 JSON Schema（draft 2020-12）。不给名称时输出包含全部模型的文档。可选的名称：${MODEL_NAMES.join(", ")}`,
    "Print JSON Schema (draft 2020-12) of one model, or without a name of every model.",
  ),
  positionals: [{ name: "name", help: text("模型名称，如 Plan、Roster、Ledger", "a model name such as Plan, Roster, Ledger") }],
  options: {},
  examples: ["fazhi schema Plan > plan.schema.json"],
  run(args, env, problems) {
    const name = args.positionals[0];
    if (name !== undefined && !MODEL_NAMES.includes(name as ModelName)) {
      problems.push(text(`没有名为“${name}”的模型；可选：${MODEL_NAMES.join(", ")}`, `no model named "${name}"; choose one of ${MODEL_NAMES.join(", ")}`));
    }
    stopOnProblems(this, problems);
    print(env, JSON.stringify(toJsonSchema(name as ModelName | undefined), null, 2));
  },
};
