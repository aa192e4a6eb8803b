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
import { Alignment, Coverage, PlanDiff } from "./compare.js";

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
  | "ScoreCard"
  | "Alignment"
  | "PlanDiff"
  | "Coverage";

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
  Alignment,
  PlanDiff,
  Coverage,
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

/**
 * 包版本，用于 `$id`。The package version, for the `$id`s (test/model/json-schema.test.ts checks it
 * against package.json, so a release cannot forget it).
 */
const PACKAGE_VERSION = "0.1.0";
/**
 * Where the package's schema files will be served once it is on npm (unpkg serves every published
 * file at `<name>@<version>/<path>`). The `$id` names the contract; nothing fetches it.
 */
const SCHEMA_BASE = `https://unpkg.com/fazhi@${PACKAGE_VERSION}/schemas/`;

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => v !== null && typeof v === "object" && !Array.isArray(v);

/** The `const` each branch gives `key` (branches may be `$ref`s into `defs`), or undefined if one does not. */
const branchConsts = (branches: readonly unknown[], key: string, defs: Node): string[] | undefined => {
  const consts: string[] = [];
  for (const b of branches) {
    const ref = isNode(b) && typeof b.$ref === "string" && b.$ref.startsWith("#/$defs/") ? defs[b.$ref.slice(8)] : b;
    const props = isNode(ref) ? ref.properties : undefined;
    const prop = isNode(props) ? props[key] : undefined;
    const required = isNode(ref) && Array.isArray(ref.required) ? ref.required : [];
    if (!isNode(prop) || typeof prop.const !== "string" || !required.includes(key)) return undefined;
    consts.push(prop.const);
  }
  return new Set(consts).size === consts.length ? consts : undefined;
};

/**
 * A discriminated union (`oneOf` whose branches each fix `kind` to a different constant) written as
 * one `if`/`then` per kind. Both accept the same instances, but with `oneOf` a standard validator
 * can only say that the value matched no branch ("is not valid under any of the given schemas", at
 * the entry); with `if`/`then` it checks the one branch the `kind` selects and names the failing
 * field (`entries/0/date`). An unknown `kind` fails at `kind`.
 */
const discriminated = (node: Node, defs: Node): Node => {
  const branches = node.oneOf;
  if (!Array.isArray(branches) || branches.length < 2) return node;
  const consts = branchConsts(branches, "kind", defs);
  if (consts === undefined) return node;
  const { oneOf: _, ...rest } = node;
  return {
    ...rest,
    type: "object",
    required: ["kind"],
    properties: { kind: { type: "string", enum: consts } },
    allOf: branches.map((then, i) => ({ if: { properties: { kind: { const: consts[i] } }, required: ["kind"] }, then })),
  };
};

/** Apply {@link discriminated} everywhere in a schema document. */
const rewrite = (value: unknown, defs: Node): unknown => {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, defs));
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [k, v] of Object.entries(value)) out[k] = rewrite(v, defs);
  return discriminated(out, defs);
};

const one = (name: ModelName): Node => {
  const doc = z.toJSONSchema(MODELS[name], { target: "draft-2020-12", unrepresentable: "throw", io: "output" }) as Node;
  const defs = isNode(doc.$defs) ? doc.$defs : {};
  const { $schema, ...body } = rewrite(doc, defs) as Node;
  return { $schema, $id: `${SCHEMA_BASE}${schemaFileName(name)}`, ...body };
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
 * 每个文档都有 `$id`（包发布后在 unpkg 上的地址，带版本号）。按 `kind` 区分的类型（台账记录、时间规则、评分方法等）
 * 写成每种 `kind` 一组 `if`/`then`，标准校验器（ajv、Python `jsonschema`、networknt）报错时指向出错的字段
 * （如 `entries/0/date`），而不是笼统地说“不符合任何一种”。
 * Every document has an `$id` (its versioned address on unpkg once published). Unions discriminated
 * by `kind` are written as one `if`/`then` per kind, so standard validators name the failing field
 * (`entries/0/date`) instead of "not valid under any of the given schemas".
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
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `${SCHEMA_BASE}fazhi.schema.json`, title: "fazhi", $defs: sorted };
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
