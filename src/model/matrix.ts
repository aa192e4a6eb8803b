import * as z from "zod";
import { Diagnostic, SourceSpan } from "./diagnostic.js";
import { ClauseId, GroupId, PlanId, TaskId, UnitId } from "./ids.js";
import { Role } from "./plan.js";
import { UnitKind } from "./unit.js";

/**
 * 单元格的确定性：`definite` 为直接点名或“各……”全部成员；`candidate` 为“有关单位”等候选。
 * `definite`: named directly, or a member of an `all` group; `candidate`: a member of a
 * `relevant` (有关) group, which may or may not be bound.
 *
 * @category Responsibility
 * @example
 * Certainty.parse("candidate");
 */
export const Certainty = z.enum(["definite", "candidate"]).meta({ id: "Certainty", title: "确定性" });
/** @category Responsibility */
export type Certainty = z.infer<typeof Certainty>;

/**
 * 单元格的来源：直接点名（`direct`），或经由单位组（`group`，带 `groupId`）。`text` 为原文写法。
 * How a cell got there: named directly, or through a group; `text` is the document's wording.
 *
 * @category Responsibility
 * @example
 * CellOrigin.parse({ kind: "group", groupId: "townships", text: "各乡镇人民政府、街道办事处" });
 */
export const CellOrigin = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("direct"), text: z.string() }),
    z.strictObject({ kind: z.literal("group"), groupId: GroupId, text: z.string() }),
  ])
  .meta({ id: "CellOrigin", title: "来源" });
/** @category Responsibility */
export type CellOrigin = z.infer<typeof CellOrigin>;

/**
 * 责任矩阵的一个单元格：某单位在某任务某段落中的角色。One (unit, task, clause, role) cell.
 *
 * @category Responsibility
 * @example
 * MatrixCell.parse({
 *   unitId: "sfj", taskId: "wuzhi-2024.t06", clauseId: "wuzhi-2024.t06.c1", role: "lead",
 *   certainty: "definite", origin: { kind: "direct", text: "县司法局" },
 * });
 */
export const MatrixCell = z
  .strictObject({
    unitId: UnitId,
    taskId: TaskId,
    clauseId: ClauseId,
    role: Role,
    certainty: Certainty,
    origin: CellOrigin,
    source: SourceSpan.optional(),
  })
  .meta({ id: "MatrixCell", title: "责任单元格" });
/** @category Responsibility */
export type MatrixCell = z.infer<typeof MatrixCell>;

/**
 * 矩阵中的单位（名录中的单位，只列出矩阵用到的）。A unit of the matrix.
 * @category Responsibility
 * @example
 * MatrixUnit.parse({ id: "sfj", name: "县司法局", kind: "government_department" });
 */
export const MatrixUnit = z
  .strictObject({ id: UnitId, name: z.string(), kind: UnitKind })
  .meta({ id: "MatrixUnit", title: "矩阵单位" });
/** @category Responsibility */
export type MatrixUnit = z.infer<typeof MatrixUnit>;

/**
 * 矩阵中的任务摘要。A task of the matrix: id, number and title.
 * @category Responsibility
 * @example
 * MatrixTask.parse({ id: "wuzhi-2024.t01", no: 1, title: "坚持把习近平法治思想作为推进法治政府建设的根本遵循" });
 */
export const MatrixTask = z
  .strictObject({ id: TaskId, no: z.int().min(1), title: z.string() })
  .meta({ id: "MatrixTask", title: "矩阵任务" });
/** @category Responsibility */
export type MatrixTask = z.infer<typeof MatrixTask>;

/**
 * 责任分工表：单位 × 任务 × 段落 × 角色的单元格，以及生成过程中的诊断信息。
 * The responsibility matrix: its units (in roster order), tasks (in plan order), cells and the
 * diagnostics of building it.
 *
 * @category Responsibility
 * @example
 * const matrix: ResponsibilityMatrix = buildMatrix(plan, roster);
 * matrix.cells.length;
 */
export const ResponsibilityMatrix = z
  .strictObject({
    planId: PlanId,
    units: z.array(MatrixUnit),
    tasks: z.array(MatrixTask),
    cells: z.array(MatrixCell),
    diagnostics: z.array(Diagnostic),
  })
  .meta({ id: "ResponsibilityMatrix", title: "责任分工表" });
/** @category Responsibility */
export type ResponsibilityMatrix = z.infer<typeof ResponsibilityMatrix>;
