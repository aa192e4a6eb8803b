import { type Diagnostic, diag } from "../../model/diagnostic.js";
import { formatPoints, toHundredths } from "../points.js";
import { toSourceSpan } from "./phrases.js";
import type { CriteriaItem, CriteriaPhrase } from "./types.js";

const clip = (s: string): string => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
const label = (item: CriteriaItem, i: number): string => `第${i + 1}项${item.number === "" ? "" : `（${item.number}）`}“${clip(item.name)}”`;
const labelEn = (item: CriteriaItem, i: number): string => `item ${i + 1}${item.number === "" ? "" : ` (${item.number})`}`;

/** The most a phrase can deduct, in hundredths; Infinity when it has no bound (每发现一起…). */
export const maxDeduction = (phrase: CriteriaPhrase, points: number): number => {
  const a = toHundredths(phrase.amount ?? 0);
  switch (phrase.kind) {
    case "condition":
    case "count_below":
      return a;
    case "per_occurrence":
    case "late":
    case "omitted":
      return Number.POSITIVE_INFINITY;
    case "count_each_short":
      return phrase.target === undefined ? Number.POSITIVE_INFINITY : phrase.target * a;
    case "rate_min":
    case "rate_max": {
      if (phrase.stepPercent === undefined) return a;
      const room = phrase.kind === "rate_min" ? (phrase.percent ?? 100) : 100 - (phrase.percent ?? 0);
      return Math.ceil(room / phrase.stepPercent - 1e-9) * a;
    }
    case "no_score":
      return toHundredths(points);
    case "floor":
    case "deduction_cap":
    case "award":
    case "award_otherwise":
    case "bonus":
    case "bonus_cap":
    case "veto":
    case "grade_cap":
    case undefined:
      return 0;
    default: {
      const never: never = phrase.kind;
      return never;
    }
  }
};

/**
 * The checks staff want on a criteria table (internal; {@link readCriteriaText} and
 * {@link readCriteriaTable} run them): a parent's declared points against the sum of its
 * children; the declared total against the top level; leaf items with no rule read; rules that
 * can deduct more than the item's points where the table does not say 扣完为止 (or cap the
 * deductions).
 */
export const checkCriteria = (items: readonly CriteriaItem[], total?: number): Diagnostic[] => {
  const out: Diagnostic[] = [];
  const children: number[][] = items.map(() => []);
  const top: number[] = [];
  items.forEach((item, i) => (item.parent === undefined ? top : (children[item.parent] as number[])).push(i));

  // declared points against the sum of the children
  items.forEach((item, i) => {
    const kids = children[i] as number[];
    if (item.points === undefined || kids.length === 0) return;
    const missing = kids.filter((k) => items[k]?.points === undefined);
    const sum = kids.reduce((s, k) => s + toHundredths(items[k]?.points ?? 0), 0);
    const declared = toHundredths(item.points);
    if (missing.length === 0 && sum !== declared) {
      out.push(
        diag(
          "criteria_points_mismatch",
          "warning",
          `${label(item, i)}的分值为${formatPoints(declared)}分，下级各项合计${formatPoints(sum)}分`,
          `${labelEn(item, i)} declares ${formatPoints(declared)} points; its items add up to ${formatPoints(sum)}`,
          ["items", i, "points"],
          toSourceSpan(item.pointsSource ?? item.source),
        ),
      );
    } else if (missing.length > 0 && sum > declared) {
      out.push(
        diag(
          "criteria_points_mismatch",
          "warning",
          `${label(item, i)}的分值为${formatPoints(declared)}分，已标分值的下级各项合计已达${formatPoints(sum)}分`,
          `${labelEn(item, i)} declares ${formatPoints(declared)} points; its items with points already add up to ${formatPoints(sum)}`,
          ["items", i, "points"],
          toSourceSpan(item.pointsSource ?? item.source),
        ),
      );
    }
  });
  if (total !== undefined && top.length > 0 && top.every((k) => items[k]?.points !== undefined)) {
    const sum = top.reduce((s, k) => s + toHundredths(items[k]?.points ?? 0), 0);
    if (sum !== toHundredths(total)) {
      out.push(diag("criteria_total_mismatch", "warning", `总分为${total}分，一级各项合计${formatPoints(sum)}分`, `The total is ${total} points; the top-level items add up to ${formatPoints(sum)}`, ["total"]));
    }
  }

  // items with no rule, and leaf items with no points under no parent with points
  items.forEach((item, i) => {
    if ((children[i] as number[]).length > 0) return;
    if (!item.phrases.some((p) => p.kind !== undefined)) {
      out.push(
        diag(
          "criteria_item_without_rule",
          "warning",
          `${label(item, i)}没有可识别的评分规则，请人工补充`,
          `${labelEn(item, i)} has no scoring rule that could be read; fill it in by hand`,
          ["items", i, "phrases"],
          toSourceSpan(item.source),
        ),
      );
    }
    let up = item.parent;
    let pointed = item.points !== undefined;
    while (!pointed && up !== undefined) {
      pointed = items[up]?.points !== undefined;
      up = items[up]?.parent;
    }
    if (!pointed) out.push(diag("criteria_points_missing", "warning", `${label(item, i)}没有分值`, `${labelEn(item, i)} has no points`, ["items", i, "points"], toSourceSpan(item.source)));
  });

  // deductions beyond the points, with no 扣完为止: over the item and the items below it that have no points of their own
  items.forEach((item, i) => {
    if (item.points === undefined) return;
    const phrases: CriteriaPhrase[] = [...item.phrases];
    const stack = [...(children[i] as number[])];
    while (stack.length > 0) {
      const k = stack.pop() as number;
      const kid = items[k] as CriteriaItem;
      if (kid.points !== undefined) continue;
      phrases.push(...kid.phrases);
      stack.push(...(children[k] as number[]));
    }
    const bounded = phrases.some((p) => p.kind === "floor" || (p.kind === "deduction_cap" && toHundredths(p.amount ?? 0) <= toHundredths(item.points ?? 0)));
    if (bounded) return;
    const most = phrases.reduce((s, p) => s + maxDeduction(p, item.points ?? 0), 0);
    if (most > toHundredths(item.points)) {
      const said = Number.isFinite(most) ? `最多可扣${formatPoints(most)}分` : "可扣分不设上限";
      const saidEn = Number.isFinite(most) ? `can deduct up to ${formatPoints(most)} points` : "can deduct without limit";
      out.push(
        diag(
          "criteria_deduction_exceeds_points",
          "warning",
          `${label(item, i)}分值${item.points}分，评分规则${said}，但未写明“扣完为止”`,
          `${labelEn(item, i)} has ${item.points} points but its rules ${saidEn}, and 扣完为止 is not stated`,
          ["items", i],
          toSourceSpan(item.source),
        ),
      );
    }
  });
  return out;
};
