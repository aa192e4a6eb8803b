/**
 * fazhi（法治）：把县级法治政府建设工作安排变成有类型、可校验的数据，并提供责任分工、时间节点、
 * 工作台账和考核评分的纯函数。
 *
 * fazhi turns a county's annual rule-of-law government work plan into typed, validated data,
 * with pure functions for responsibilities, schedules, progress and scoring.
 *
 * @packageDocumentation
 */

export {
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
  isoDate,
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
  ScheduleRuleKindSchema,
  WindowRule,
} from "./model/schedule.js";
export { Assignment, Clause, Plan, ROLE_LABELS, Requirement, Role, Section, Task, UnitRef } from "./model/plan.js";
export { diagnosticsFromZod, parseAndValidate, parseInput } from "./model/input.js";
export { readPlan, readRoster, validatePlan, validateRoster } from "./model/validate.js";
export { type JsonSchema, MODEL_NAMES, type ModelName, schemaFileName, toJsonSchema } from "./model/json-schema.js";
export { formatChineseNumeral, parseChineseNumeral } from "./text/numerals.js";
export { normalizeText } from "./text/normalize.js";
export { type ParsePlanOptions, type ParsePlanResult, parsePlanText } from "./parse/parse-plan.js";
export { DEFAULT_GROUP_PHRASES, ROLE_WORDS } from "./parse/units.js";
export { CellOrigin, Certainty, MatrixCell, MatrixTask, MatrixUnit, ResponsibilityMatrix } from "./model/matrix.js";
export { DEFAULT_GROUPS } from "./units/groups.js";
export { type ResolveOptions, type ResolveResult, resolveUnits } from "./units/resolve.js";
export { type CellFilter, type WorkloadRow, buildMatrix, groupMembers, tasksLedBy, tasksOf, tasksWithoutLead, unitsFor, workload } from "./units/matrix.js";
export { type CsvOptions, type MatrixCsvOptions, csvField, matrixToCsv, toCsv } from "./export/csv.js";
export { ChangedDay, CalendarYear, WorkdayCalendar } from "./model/calendar.js";
export { EntryKind, Evidence, Ledger, ProgressEntry, type WorkEntry } from "./model/ledger.js";
export { EntryId, OccurrenceId } from "./model/ids.js";
export { Occurrence } from "./model/schedule.js";
export { type ExtractOptions, extractRequirements } from "./schedule/extract.js";
export { type ExpandOptions, type RulePeriod, boundUnits, expandSchedule, rulePeriods } from "./schedule/expand.js";
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
export { AppliesTo, Floor, Indicator, Points, ScoreAdjustment, ScoreCard, ScoreLine, ScoringMethod, ScoringScheme } from "./model/scoring.js";
export { formatPoints, toHundredths } from "./scoring/points.js";
export { readScheme, validateScheme } from "./scoring/validate-scheme.js";
export { type ScoreInput, scoreUnits } from "./scoring/score.js";
export { explainScoreCard } from "./scoring/explain.js";
export { type ReportData, escapeHtml, renderReport } from "./export/report.js";
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
