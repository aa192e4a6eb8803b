/**
 * fazhi（法治）：把县级法治政府建设工作安排变成有类型、可校验的数据，并提供责任分工、时间节点、
 * 工作台账和考核评分的纯函数。
 *
 * fazhi turns a county's annual rule-of-law government work plan into typed, validated data,
 * with pure functions for responsibilities, schedules, progress and scoring.
 *
 * 这里导出的每个名称都是公开 API，按语义化版本管理；没有从这里导出的模块内部函数不是公开 API，
 * 可能随时改变（见 README 的“稳定性”一节）。
 * Every name exported here is public API under semantic versioning; anything not exported here is
 * internal and may change in any release (see "Stability" in the README).
 *
 * @packageDocumentation
 */

export {
  CellRef,
  Diagnostic,
  DiagnosticPath,
  FazhiError,
  type FazhiErrorCode,
  type Result,
  Severity,
  SourceSpan,
  hasErrors,
} from "./model/diagnostic.js";
export {
  IsoDate,
  addDays,
  addMonths,
  compareIsoDate,
  dayOfWeek,
  daysInMonth,
  differenceInDays,
  endOfHalfYear,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  isIsoDate,
  quarterOf,
  startOfHalfYear,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from "./model/dates.js";
export { ClauseId, GroupId, PlanId, RequirementId, TaskId, UnitId, isWellFormedId } from "./model/ids.js";
export {
  FormerName,
  GroupScope,
  GroupSelector,
  Roster,
  RosterSource,
  UNIT_KIND_LABELS,
  Unit,
  UnitGroup,
  UnitIdentifier,
  UnitKind,
  UnitLevel,
} from "./model/unit.js";
export {
  DeadlineRule,
  OnEventRule,
  OngoingRule,
  Period,
  QuotaRule,
  RecurringRule,
  ScheduleRule,
  type ScheduleRuleKind,
  WindowRule,
} from "./model/schedule.js";
export { Assignment, Clause, Plan, ROLE_LABELS, Requirement, Role, Section, Task, TaskGroup, UnitRef } from "./model/plan.js";
export { parseInput } from "./model/input.js";
export { readPlan, readRoster, validatePlan, validateRoster } from "./model/validate.js";
export { type JsonSchema, MODEL_NAMES, type ModelName, schemaFileName, toJsonSchema } from "./model/json-schema.js";
export { type DecodedText, type TextEncodingName, decodeText } from "./text/decode.js";
export { PLAN_RULES, type ParsePlanOptions, type ParsePlanResult, parsePlanText } from "./parse/parse-plan.js";
export { type NoiseRule, type PlanRuleOptions, type RoleReading, type RoleRule, type RoleSegment, type RuleContext } from "./parse/rules.js";
export type { NumberingStyle } from "./parse/numbering.js";
export type { MappedText } from "./text/normalize.js";
export { type ReadPlanTableOptions, type ReadPlanTableResult, type TableColumn, readPlanTable } from "./parse/table/read-table.js";
export type { ColumnKind } from "./parse/table/columns.js";
export type { TableMerge } from "./parse/table/grid.js";
export { CellOrigin, Certainty, MatrixCell, MatrixTask, MatrixUnit, ResponsibilityMatrix } from "./model/matrix.js";
export { DEFAULT_GROUPS } from "./units/groups.js";
export { type ResolveOptions, type ResolveResult, resolveUnits } from "./units/resolve.js";
export { type InferRosterOptions, type InferRosterResult, inferRoster } from "./units/infer.js";
export { type CellFilter, type WorkloadRow, buildMatrix, groupMembers, tasksLedBy, tasksOf, tasksWithoutLead, unitsFor, workload } from "./units/matrix.js";
export { type CsvOptions, type MatrixCsvOptions, matrixToCsv, toCsv } from "./export/csv.js";
export { ChangedDay, CalendarYear, WorkdayCalendar } from "./model/calendar.js";
export { EntryKind, Evidence, Ledger, ProgressEntry, type WorkEntry } from "./model/ledger.js";
export { EntryId, OccurrenceId } from "./model/ids.js";
export { Occurrence } from "./model/schedule.js";
export { type ExtractOptions, extractRequirements } from "./schedule/extract.js";
export { type ExpandOptions, type RulePeriod, expandSchedule, rulePeriods } from "./schedule/expand.js";
export {
  type RestDayPolicy,
  addWorkdays,
  adjustToWorkday,
  chinaWorkdayCalendar,
  coversDate,
  isWorkday,
  nextWorkday,
  previousWorkday,
  workdaysBetween,
} from "./schedule/workdays.js";
export { type LedgerContext, type LedgerResult, emptyLedger, isWorkEntry, readLedger, recordMany, recordProgress, removeEntry, replay } from "./ledger/ledger.js";
export { type OccurrenceStatus, type OccurrenceStatusKind, type StatusOptions, occurrenceStatus } from "./ledger/status.js";
export { type Bulletin, type BulletinItem, type BulletinOptions, type BulletinUnit, buildBulletin, bulletinToText } from "./ledger/bulletin.js";
export { type ICalendarOptions, scheduleToICalendar } from "./export/ical.js";
export {
  AdjustmentCategory,
  Adjustments,
  AppliesTo,
  Area,
  Floor,
  Indicator,
  NOT_ASSESSED,
  Points,
  Rounding,
  ScoreAdjustment,
  ScoreCard,
  ScoreLine,
  ScoringMethod,
  type ScoringMethodKind,
  ScoringScheme,
  Veto,
} from "./model/scoring.js";
export { formatPoints } from "./scoring/points.js";
export { type SchemeContext, readScheme, validateScheme } from "./scoring/validate-scheme.js";
export { migrateScheme } from "./scoring/migrate.js";
export { checkLedgerAgainstScheme } from "./scoring/check-ledger.js";
export { type ScoreInput, scoreUnits } from "./scoring/score.js";
export { explainScoreCard } from "./scoring/explain.js";
export { type ReportData, renderReport } from "./export/report.js";
export {
  AlignedPair,
  Alignment,
  AlignmentLink,
  ComparedTask,
  Coverage,
  CoverageLink,
  PairKind,
  PlanDiff,
  PlanRef,
  RequirementRef,
  ScheduleChange,
  TaskChange,
  TaskMove,
  TextEdit,
  UnitChange,
} from "./model/compare.js";
export { type AlignOptions, alignPlans } from "./compare/align.js";
export { type DiffOptions, diffPlans } from "./compare/diff.js";
export { type CoverageOptions, planCoverage } from "./compare/coverage.js";
export { coverageToText, planDiffToText } from "./compare/text.js";
export { type ComparePageOptions, renderCoverage, renderPlanDiff } from "./export/compare-report.js";
export {
  type CriteriaItem,
  type CriteriaPhrase,
  type CriteriaRuleKind,
  type CriteriaSource,
  type CriteriaTable,
} from "./scoring/criteria/types.js";
export { PHRASE_RULES, type PhraseContext, type PhraseFields, type PhraseRule } from "./scoring/criteria/phrase-rules.js";
export { type ReadCriteriaPhrasesOptions, readCriteriaPhrases } from "./scoring/criteria/phrases.js";
export { type ReadCriteriaOptions, readCriteriaTable, readCriteriaText } from "./scoring/criteria/read.js";
export { type ReadSchemeOptions, type ReadSchemeResult, readSchemeTable, readSchemeText, schemeToTable } from "./scoring/criteria/scheme.js";
