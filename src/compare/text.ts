import { type ComparedTask, Coverage, PlanDiff, type PlanRef, type ScheduleChange, type TaskChange, type TextEdit, type UnitChange } from "../model/compare.js";
import { argument } from "../model/guard.js";
import { ROLE_LABELS } from "../model/plan.js";
import type { ScheduleRule } from "../model/schedule.js";

// Plain-text renderings of the comparison results, Chinese first, for the terminal and e-mail.
// Shared with the HTML page (src/export/compare-report.ts): the words for kinds, moves and rules.

/** How a task is named in text: its label as printed (or its number) and its title. */
export const taskName = (t: ComparedTask): string => `${t.label ?? `${t.no}.`}${t.title}`;

const planLine = (p: PlanRef, tasks: number): string => `${p.title || "（无标题）"}（${p.id}，${tasks}项任务）`;

export const KIND_ZH: Readonly<Record<TaskChange["kind"], string>> = { same: "对应", split: "拆分", merge: "合并" };
export const MOVE_ZH: Readonly<Record<TaskChange["move"], string>> = { none: "", order: "调整顺序", section: "移到其他部分" };

const PERIOD_ZH: Readonly<Record<string, string>> = { month: "每月", quarter: "每季度", half_year: "每半年", year: "每年" };

/** A schedule rule in words: 2024-06-30前, 每季度1次, 每年至少2次, 持续, 及时. */
export const ruleText = (r: ScheduleRule): string => {
  switch (r.kind) {
    case "deadline":
      return `${r.due}前`;
    case "window":
      return `${r.from}至${r.to}`;
    case "recurring":
      return `${PERIOD_ZH[r.period]}${r.times}次`;
    case "quota":
      return `${PERIOD_ZH[r.period]}至少${r.atLeast}次`;
    case "ongoing":
      return "持续";
    case "on_event":
      return "及时（随事件）";
    default: {
      const never: never = r;
      return never;
    }
  }
};

/** A unit change in words. */
export const unitChangeText = (u: UnitChange): string => {
  const role = ROLE_LABELS[u.role];
  switch (u.change) {
    case "added":
      return `${role}新增 ${u.unit}`;
    case "removed":
      return `${role}删去 ${u.unit}`;
    case "renamed":
      return `${role}更名 ${u.from} → ${u.to}`;
    default: {
      const never: never = u;
      return never;
    }
  }
};

/** A schedule change in words. */
export const scheduleChangeText = (s: ScheduleChange): string => {
  const from = s.previous !== undefined ? `${ruleText(s.previous.rule)}（${s.previous.phrase}）` : "";
  const to = s.next !== undefined ? `${ruleText(s.next.rule)}（${s.next.phrase}）` : "";
  switch (s.change) {
    case "deadline_moved":
      return `截止时间变化：${from} → ${to}`;
    case "window_moved":
      return `时间段变化：${from} → ${to}`;
    case "rule_changed":
      return `时间规则变化：${from} → ${to}`;
    case "added":
      return `新增时间要求：${to}`;
    case "removed":
      return `删去时间要求：${from}`;
    default: {
      const never: never = s.change;
      return never;
    }
  }
};

/** Equal text longer than this is shortened around the changes. */
const CONTEXT = 12;

/** A text diff inline, git word-diff style: [-deleted-]{+inserted+}, long equal runs shortened. */
export const inlineDiff = (edits: readonly TextEdit[]): string =>
  edits
    .map((e, k) => {
      if (e.op === "delete") return `[-${e.text}-]`;
      if (e.op === "insert") return `{+${e.text}+}`;
      const cps = [...e.text];
      if (cps.length <= 2 * CONTEXT) return e.text;
      const head = k === 0 ? "" : cps.slice(0, CONTEXT).join("");
      const tail = k === edits.length - 1 ? "" : cps.slice(-CONTEXT).join("");
      return `${head}…${tail}`;
    })
    .join("");

const changeLines = (c: TaskChange): string[] => {
  const tags = [c.kind !== "same" ? KIND_ZH[c.kind] : "", MOVE_ZH[c.move], c.reworded ? "改写" : "", c.renumbered && c.move === "none" ? "重新编号" : ""].filter((x) => x !== "");
  const lines = [`  ${c.previous.map(taskName).join(" + ")}\n    → ${c.next.map(taskName).join(" + ")}  [${tags.join("、") || "未变"}] 相似度 ${c.score.toFixed(2)}`];
  if (c.move === "section") lines.push(`    部分：${c.previous[0]?.section.title} → ${c.next[0]?.section.title}`);
  if (c.text !== undefined) lines.push(`    文字：${inlineDiff(c.text)}`);
  for (const u of c.units) lines.push(`    单位：${unitChangeText(u)}`);
  for (const s of c.schedule) lines.push(`    ${scheduleChangeText(s)}`);
  return lines;
};

/**
 * 把工作安排差异写成文字（中文），供终端和邮件使用：概况、新增、删去、有变化的任务（改写处用 [-删-]{+增+} 标出）。
 * The plan diff as plain text (Chinese): the counts, tasks added and removed, and every task that
 * changed, with its text diff inline ([-deleted-]{+inserted+}), unit and schedule changes.
 *
 * @category Compare
 * @example
 * console.log(planDiffToText(diffPlans(plan2024, plan2025)));
 */
export const planDiffToText = (diff: PlanDiff): string => {
  argument("planDiffToText", "diff", PlanDiff, diff);
  const c = diff.counts;
  const changed = diff.tasks.filter((t) => t.kind !== "same" || t.move !== "none" || t.reworded || t.units.length > 0 || t.schedule.length > 0);
  const lines = [
    "工作安排差异 Plan diff",
    `上一版 Previous：${planLine(diff.previous, c.previousTasks)}`,
    `本版 Next：${planLine(diff.next, c.nextTasks)}`,
    `新增 ${c.added} · 删去 ${c.removed} · 拆分 ${c.split} · 合并 ${c.merged} · 移动 ${c.moved} · 改写 ${c.reworded} · 单位变化 ${c.unitChanges} · 时间变化 ${c.scheduleChanges} · 未变 ${c.unchanged}`,
  ];
  if (diff.added.length > 0) lines.push("", `新增任务 Added（${diff.added.length}）`, ...diff.added.map((t) => `  + ${taskName(t)}（${t.section.title}）`));
  if (diff.removed.length > 0) lines.push("", `删去任务 Removed（${diff.removed.length}）`, ...diff.removed.map((t) => `  - ${taskName(t)}（${t.section.title}）`));
  if (changed.length > 0) lines.push("", `有变化的任务 Changed（${changed.length}）`, ...changed.flatMap(changeLines));
  return lines.join("\n");
};

/**
 * 把对照落实情况写成文字（中文）：概况、上级逐项的承接任务（相似度、包含比例、共同词句）、未承接的上级任务、
 * 无上级依据的本级任务。
 * The coverage as plain text (Chinese): the counts, each higher-level task with the tasks that take
 * it up, the tasks nobody took up, and the plan's tasks with no anchor.
 *
 * @category Compare
 * @example
 * console.log(coverageToText(planCoverage(cityPlan, countyPlan)));
 */
export const coverageToText = (coverage: Coverage): string => {
  argument("coverageToText", "coverage", Coverage, coverage);
  const c = coverage.counts;
  const lines = [
    "对照落实情况 Coverage",
    `上级文件 Upper：${planLine(coverage.upper, c.upperTasks)}`,
    `本级安排 Plan：${planLine(coverage.plan, c.planTasks)}`,
    `上级任务 ${c.upperTasks} 项：已承接 ${c.taken}，未承接 ${c.untaken}；本级任务 ${c.planTasks} 项：有上级依据 ${c.anchored}，无上级依据 ${c.unanchored}`,
    "",
    "逐项对照 Item by item",
  ];
  for (const item of coverage.items) {
    lines.push(`  ${taskName(item.task)}${item.takenUpBy.length === 0 ? "  [未承接 not taken up]" : ""}`);
    for (const l of item.takenUpBy) {
      lines.push(`    ← ${taskName(l.task)}（相似度 ${l.score.toFixed(2)}，包含上级文字 ${Math.round(l.coverage * 100)}%）`);
      if (l.phrases.length > 0) lines.push(`      共同词句：${l.phrases.map((p) => `“${p}”`).join("、")}`);
    }
  }
  if (coverage.unanchored.length > 0) lines.push("", `无上级依据的本级任务 Without an anchor（${coverage.unanchored.length}）`, ...coverage.unanchored.map((t) => `  ${taskName(t)}`));
  return lines.join("\n");
};
