import * as z from "zod";

/**
 * 编号的字符规则：ASCII 字母或数字开头，其后为字母、数字、`.`、`_`、`:`、`-`，最长 128 个字符。
 * ASCII only, so that Java, Python and database systems can use ids as keys without surprises.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const id = <B extends string>(brand: B, title: string, description: string) =>
  z.string().regex(ID_PATTERN).brand<B>().meta({ id: brand, title, description });

/**
 * 工作安排编号，如 `wuzhi-2024`。A plan id.
 * @category Model
 * @example
 * PlanId.parse("wuzhi-2024");
 */
export const PlanId = id("PlanId", "工作安排编号", "Plan id, e.g. wuzhi-2024.");
/** @category Model */
export type PlanId = z.infer<typeof PlanId>;

/**
 * 任务编号，如 `wuzhi-2024.t04`。A task id.
 * @category Model
 * @example
 * TaskId.parse("wuzhi-2024.t04");
 */
export const TaskId = id("TaskId", "任务编号", "Task id, e.g. wuzhi-2024.t04.");
/** @category Model */
export type TaskId = z.infer<typeof TaskId>;

/**
 * 分工段落编号，如 `wuzhi-2024.t04.c2`。A clause id.
 * @category Model
 * @example
 * ClauseId.parse("wuzhi-2024.t04.c2");
 */
export const ClauseId = id("ClauseId", "分工段落编号", "Clause id, e.g. wuzhi-2024.t04.c2.");
/** @category Model */
export type ClauseId = z.infer<typeof ClauseId>;

/**
 * 工作要求编号，如 `wuzhi-2024.t13.r1`。A requirement id.
 * @category Model
 * @example
 * RequirementId.parse("wuzhi-2024.t13.r1");
 */
export const RequirementId = id("RequirementId", "工作要求编号", "Requirement id, e.g. wuzhi-2024.t13.r1.");
/** @category Model */
export type RequirementId = z.infer<typeof RequirementId>;

/**
 * 单位编号（由单位名录确定）。A unit id, chosen by the roster.
 * @category Model
 * @example
 * UnitId.parse("sfj");
 */
export const UnitId = id("UnitId", "单位编号", "Unit id, chosen by the roster.");
/** @category Model */
export type UnitId = z.infer<typeof UnitId>;

/**
 * 单位组编号（由单位名录确定）。A unit group id, chosen by the roster.
 * @category Model
 * @example
 * GroupId.parse("townships");
 */
export const GroupId = id("GroupId", "单位组编号", "Unit group id, chosen by the roster.");
/** @category Model */
export type GroupId = z.infer<typeof GroupId>;

/**
 * 时间节点编号，如 `wuzhi-2024.t23.r2.2024-Q1`。An occurrence id.
 * @category Model
 * @example
 * OccurrenceId.parse("wuzhi-2024.t23.r2.2024-Q1");
 */
export const OccurrenceId = id("OccurrenceId", "时间节点编号", "Occurrence id, e.g. wuzhi-2024.t23.r2.2024-Q1.");
/** @category Model */
export type OccurrenceId = z.infer<typeof OccurrenceId>;

/**
 * 台账记录编号（由报送系统确定）。A ledger entry id, chosen by the reporting system.
 * @category Model
 * @example
 * EntryId.parse("e-000123");
 */
export const EntryId = id("EntryId", "台账记录编号", "Ledger entry id, chosen by the reporting system.");
/** @category Model */
export type EntryId = z.infer<typeof EntryId>;

/**
 * 判断字符串能否作为编号。Whether a string is a well-formed id (of any kind).
 * @category Model
 * @example
 * isWellFormedId("wuzhi-2024.t01");
 * //=> true
 * isWellFormedId("县司法局");
 * //=> false
 */
export const isWellFormedId = (value: string): boolean => typeof value === "string" && ID_PATTERN.test(value);
