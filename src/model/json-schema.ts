import * as z from "zod";
import { FazhiError } from "./diagnostic.js";
import { shown } from "./guard.js";
import { Diagnostic } from "./diagnostic.js";
import { MatrixCell, ResponsibilityMatrix } from "./matrix.js";
import { Assignment, Clause, Plan, Requirement, Role, Section, Task, UnitRef } from "./plan.js";
import { Occurrence, ScheduleRule } from "./schedule.js";
import { Ledger, ProgressEntry } from "./ledger.js";
import { WorkdayCalendar } from "./calendar.js";
import { ScoreCard, ScoringScheme } from "./scoring.js";
import { Roster, Unit, UnitGroup } from "./unit.js";

/**
 * 可导出为 JSON Schema 的模型名称。The name of a model that has a JSON Schema.
 * @category JSON Schema
 * @example
 * const name: ModelName = "Plan";
 */
export type ModelName =
  | "Plan"
  | "Section"
  | "Task"
  | "Clause"
  | "Assignment"
  | "UnitRef"
  | "Role"
  | "Requirement"
  | "ScheduleRule"
  | "Roster"
  | "Unit"
  | "UnitGroup"
  | "Diagnostic"
  | "ResponsibilityMatrix"
  | "MatrixCell"
  | "Occurrence"
  | "ProgressEntry"
  | "Ledger"
  | "WorkdayCalendar"
  | "ScoringScheme"
  | "ScoreCard";

/**
 * 可导出 JSON Schema 的模型，键为 `$defs` 中的名称。The models exported as JSON Schema, by their
 * name in `$defs`; each is also written to `schemas/<kebab-name>.schema.json` in the package.
 */
const MODELS: Readonly<Record<ModelName, z.ZodType>> = {
  Plan,
  Section,
  Task,
  Clause,
  Assignment,
  UnitRef,
  Role,
  Requirement,
  ScheduleRule,
  Roster,
  Unit,
  UnitGroup,
  Diagnostic,
  ResponsibilityMatrix,
  MatrixCell,
  Occurrence,
  ProgressEntry,
  Ledger,
  WorkdayCalendar,
  ScoringScheme,
  ScoreCard,
};

/**
 * 所有可导出模型的名称。Every model name, in a stable order.
 *
 * @category JSON Schema
 * @example
 * MODEL_NAMES.includes("Roster");
 * //=> true
 */
export const MODEL_NAMES: readonly ModelName[] = Object.freeze(Object.keys(MODELS) as ModelName[]);

/**
 * JSON Schema 文档（draft 2020-12），普通 JSON 数据。A JSON Schema document, as plain JSON data.
 * @category JSON Schema
 * @example
 * const doc: JsonSchema = toJsonSchema("Unit");
 */
export type JsonSchema = { readonly [key: string]: unknown };

const one = (name: ModelName): Record<string, unknown> => {
  const doc = z.toJSONSchema(MODELS[name], { target: "draft-2020-12", unrepresentable: "throw", io: "output" }) as Record<string, unknown>;
  return doc;
};

/**
 * 生成 JSON Schema（draft 2020-12）。给出模型名称时返回以该模型为根的文档；不给时返回包含所有模型
 * `$defs` 的文档。Java、Python 等系统可用它校验同一份数据。
 * Build JSON Schema (draft 2020-12). With a model name, a document whose root is that model;
 * without, a document with every model under `$defs`. Give it to the Java or Python team.
 *
 * 只能由校验函数检查的跨字段规则（编号唯一、编号连续、别名冲突等）不在 JSON Schema 中，
 * 见 {@link validatePlan} 和 {@link validateRoster}。
 * Cross-field rules (unique ids, numbering, alias collisions, …) are not expressible here and
 * live in {@link validatePlan} and {@link validateRoster}.
 *
 * @category JSON Schema
 * @example
 * const schema = toJsonSchema("Plan");
 * schema.$ref;
 * //=> "#/$defs/Plan"
 */
export const toJsonSchema = (name?: ModelName): JsonSchema => {
  if (name !== undefined) {
    if (typeof name !== "string" || !Object.hasOwn(MODELS, name)) {
      throw new FazhiError("invalid_argument", `没有名为“${shown(name)}”的模型`, `No model named "${shown(name)}"`);
    }
    return one(name);
  }
  const defs: Record<string, unknown> = {};
  for (const model of MODEL_NAMES) Object.assign(defs, (one(model).$defs ?? {}) as Record<string, unknown>);
  const sorted = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]));
  return { $schema: "https://json-schema.org/draft/2020-12/schema", title: "fazhi", $defs: sorted };
};

/**
 * 模型在包内 `schemas/` 目录下的文件名，如 `Plan` → `plan.schema.json`。
 * The file name of a model's schema in the package's `schemas/` folder.
 *
 * @category JSON Schema
 * @example
 * schemaFileName("UnitGroup");
 * //=> "unit-group.schema.json"
 */
export const schemaFileName = (name: ModelName): string => {
  if (typeof name !== "string" || !Object.hasOwn(MODELS, name)) {
    throw new FazhiError("invalid_argument", `没有名为“${shown(name)}”的模型`, `No model named "${shown(name)}"`);
  }
  return `${name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()}.schema.json`;
};
