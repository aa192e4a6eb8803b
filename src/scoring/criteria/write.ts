// Writing criteria back as a table, in the phrasing the readers understand (internal).
import { formatPoints, toHundredths } from "../points.js";
import type { CriteriaItem, CriteriaPhrase, CriteriaRuleKind } from "./types.js";

/**
 * What a phrase says, without its source: the kind, the numbers and the condition; or a note
 * written as it is (for what a table cannot say — it reads back as not understood).
 */
export type PhraseSpec = (Omit<CriteriaPhrase, "source" | "text" | "rule"> & { readonly kind: CriteriaRuleKind }) | { readonly kind: "note"; readonly text: string };

const n = (x: number | undefined): string => formatPoints(toHundredths(x ?? 0));
/** A condition ends before 的 is added: 未制定年度计划 → 未制定年度计划的. */
const cond = (c: string | undefined): string => (c === undefined || c.length === 0 ? "" : `${c}的`);
const pct = (x: number | undefined): string => `${x ?? 0}%`;

/**
 * One phrase in the standard phrasing of published tables, read back by the phrase rules to the
 * same kind, numbers and condition (`未制定年度计划的扣2分`, `每少一次扣0.5分`, `扣完为止` …).
 */
export const writePhrase = (p: PhraseSpec): string => {
  if (p.kind === "note") return p.text;
  const c = p.condition ?? "";
  switch (p.kind) {
    case "condition":
      return `${cond(c)}扣${n(p.amount)}分`;
    case "per_occurrence":
      return c.length === 0 ? `每发现一起扣${n(p.amount)}分` : `${c}的，每起扣${n(p.amount)}分`;
    case "late":
      return `${c.length === 0 ? "迟报" : c}一次扣${n(p.amount)}分`;
    case "omitted":
      return `${c.length === 0 ? "漏报" : c}一次扣${n(p.amount)}分`;
    case "count_each_short":
      return `${c}${p.target === undefined ? "" : `不少于${p.target}次，`}每少一次扣${n(p.amount)}分`;
    case "count_below":
      return `${c}少于${p.target ?? 1}次的，扣${n(p.amount)}分`;
    case "rate_min":
      return p.stepPercent === undefined ? `${c}低于${pct(p.percent)}的扣${n(p.amount)}分` : `${c}低于${pct(p.percent)}的，每低${p.stepPercent}个百分点扣${n(p.amount)}分`;
    case "rate_max":
      return p.stepPercent === undefined ? `${c}高于${pct(p.percent)}的扣${n(p.amount)}分` : `${c}高于${pct(p.percent)}的，每高${p.stepPercent}个百分点扣${n(p.amount)}分`;
    case "floor":
      return p.multiple === undefined ? "扣完为止" : `扣完标准分的${p.multiple}倍为止`;
    case "deduction_cap":
      return c === "本项" ? `本项限扣${n(p.amount)}分` : `累计扣分不超过${n(p.amount)}分`;
    case "no_score":
      return `${cond(c)}不得分`;
    case "award":
      return `${cond(c)}得${n(p.amount)}分`;
    case "award_otherwise":
      return "否则得0分";
    case "bonus":
      return `${cond(c)}加${n(p.amount)}分`;
    case "bonus_cap":
      return `最高加${n(p.amount)}分`;
    case "veto":
      return `${c.length === 0 ? "发生" : cond(c)}，实行一票否决`;
    case "grade_cap":
      return `${c.length === 0 ? "" : `${cond(c)}，`}不得评为${p.grade ?? "优秀"}`;
    default: {
      const never: never = p;
      return never;
    }
  }
};

/** Numbers by level, so the reader finds the levels again: 一 / （一） / 1 / （1） / ①. */
const numberFor = (level: number, k: number): string => {
  const cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  const chinese = (i: number): string => (i <= 10 ? (cn[i - 1] as string) : i < 20 ? `十${cn[i - 11] ?? ""}` : `${cn[Math.floor(i / 10) - 1]}十${cn[(i % 10) - 1] ?? ""}`);
  switch (level) {
    case 1:
      return chinese(k);
    case 2:
      return `（${chinese(k)}）`;
    case 3:
      return String(k);
    case 4:
      return `（${k}）`;
    default:
      return String.fromCharCode(0x2460 + Math.min(k, 20) - 1);
  }
};

/** The header of a written criteria table. */
export const TABLE_HEADER = ["序号", "考核内容", "分值", "评分标准", "评分单位"] as const;

/**
 * Items → rows under the header 序号 | 考核内容 | 分值 | 评分标准 | 评分单位, numbered by level
 * (一 / （一） / 1 / （1） / ①, at most 99 items under one parent at levels 1–2 and 20 at level 5),
 * each item's phrases joined by ；. Read back by {@link readCriteriaTable}.
 */
export const criteriaToRows = (items: ReadonlyArray<Pick<CriteriaItem, "name" | "level" | "points" | "office"> & { readonly phrases: readonly PhraseSpec[] }>): string[][] => {
  const counters: number[] = [];
  const rows: string[][] = [[...TABLE_HEADER]];
  for (const item of items) {
    const level = Math.max(1, Math.min(5, item.level));
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    rows.push([numberFor(level, counters[level - 1] as number), item.name, item.points === undefined ? "" : n(item.points), item.phrases.map(writePhrase).join("；"), item.office ?? ""]);
  }
  return rows;
};
