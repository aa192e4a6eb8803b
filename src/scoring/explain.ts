import { argument } from "../model/guard.js";
import { type ScoreAdjustment, ScoreCard, type ScoreLine } from "../model/scoring.js";
import { formatPoints } from "./points.js";

const p = formatPoints;
const signed = (h: number): string => (h >= 0 ? `+${p(h)}` : p(h));

/** The references behind an adjustment, kept out of the sentence: the requirement and the ledger entries. */
const references = (a: ScoreAdjustment): string => {
  const refs: string[] = [];
  if (a.requirement !== undefined) refs.push(`依据工作安排“${a.requirement.phrase}”${a.requirement.source !== undefined ? `（原文第${a.requirement.source.line}行）` : ""}`);
  if (a.entries.length > 0) refs.push(`台账记录 ${a.entries.length > 6 ? `${a.entries.slice(0, 5).join("、")}等${a.entries.length}条` : a.entries.join("、")}`);
  return refs.length > 0 ? `〔${refs.join("；")}〕` : "";
};

const item = (a: ScoreAdjustment): string => {
  const amount = a.hundredths > 0 ? `，扣${p(a.hundredths)}分` : a.hundredths < 0 ? `，加${p(-a.hundredths)}分` : "";
  return `${a.reason}${amount}。${references(a)}`;
};

const head = (line: ScoreLine, areaOffice: string | undefined): string => {
  const office = line.office !== undefined && line.office !== areaOffice ? `（评分单位：${line.office}）` : "";
  switch (line.kind) {
    case "indicator": {
      if (line.state === "missing_data") return `${line.name}（满分${p(line.available)}分）：${line.note ?? "缺少数据"}。${office}`;
      const lost = line.available - line.earned;
      const how = lost > 0 ? `，合计扣${p(lost)}分` : lost < 0 ? `，合计加${p(-lost)}分` : "，未扣分";
      return `${line.name}（满分${p(line.available)}分）：得${p(line.earned)}分${how}${line.note !== undefined ? `（${line.note}）` : ""}。${office}`;
    }
    case "limit":
      return `${line.id === "total" ? "总分" : `“${line.name}”`}${line.note ?? ""}，调整${signed(line.earned)}分。`;
    case "normalisation":
      return `${line.note ?? line.name}，${line.earned >= 0 ? "增加" : "减少"}${p(Math.abs(line.earned))}分。`;
    case "bonus":
      return `加分“${line.name}”：加${p(line.earned)}分${line.note !== undefined ? `（${line.note}）` : ""}。`;
    case "penalty":
      return `减分“${line.name}”：扣${p(-line.earned)}分${line.note !== undefined ? `（${line.note}）` : ""}。`;
    case "veto":
      return `一票否决“${line.name}”：${line.note ?? ""}。`;
    default: {
      const never: never = line.kind;
      return never;
    }
  }
};

/**
 * 把评分卡写成给工作人员看的中文说明：总分、等次、名次；按考核内容分级列出每个指标的得分、合计扣分和每一项
 * 扣分、加分的理由，依据的工作要求和台账记录编号写在句末的〔〕中；折算一步用文字说明；最后一句用文字合计。
 * Render a score card as plain Chinese for staff: total, grade and rank; every indicator under
 * its areas with its points, total deduction and each reason, the requirement and ledger entries
 * as references at the end of the sentence (〔…〕); the normalisation step in words; a closing
 * sum in words.
 *
 * @category Scoring
 * @example
 * console.log(explainScoreCard(cards[0]!));
 */
export const explainScoreCard = (card: ScoreCard): string => {
  argument("explainScoreCard", "card", ScoreCard, card);
  if (!card.assessed) return `${card.name}：${card.grade}（没有适用于本单位的考核指标）。\n`;
  const out: string[] = [`${card.name}：${p(card.total)}分，${card.grade}，第${card.rank ?? "-"}名${card.vetoed ? "（一票否决）" : ""}。`];
  const depth = new Map<string, number>();
  for (const a of card.areas ?? []) depth.set(a.id, a.parent === undefined ? 0 : (depth.get(a.parent) ?? -1) + 1);
  const render = (line: ScoreLine, indent: string, areaOffice?: string) => {
    out.push(`${indent}· ${head(line, areaOffice)}`);
    for (const a of line.adjustments) out.push(`${indent}    - ${item(a)}`);
  };
  const shown = new Set<ScoreLine>();
  for (const a of card.areas ?? []) {
    const indent = "  ".repeat(depth.get(a.id) ?? 0);
    out.push(`${indent}【${a.name}】满分${p(a.available)}分，得${p(a.earned)}分${a.office !== undefined ? `（评分单位：${a.office}）` : ""}`);
    for (const line of card.lines) {
      if (line.area !== a.id) continue;
      render(line, `${indent}  `, a.office);
      shown.add(line);
    }
  }
  for (const line of card.lines) if (!shown.has(line)) render(line, "");
  out.push(`合计：${closing(card)}`);
  return `${out.join("\n")}\n`;
};

/** The closing sum, in words: what each kind of line added, and the total. */
const closing = (card: ScoreCard): string => {
  const sum = (kind: ScoreLine["kind"]) => card.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l.earned, 0);
  const parts = [`各指标得分${p(sum("indicator"))}分`];
  const limit = sum("limit");
  if (limit !== 0) parts.push(`封顶保底调整${signed(limit)}分`);
  const norm = sum("normalisation");
  if (norm !== 0) parts.push(`折算${norm > 0 ? "增加" : "减少"}${p(Math.abs(norm))}分`);
  const bonus = sum("bonus");
  if (bonus !== 0) parts.push(`加分${p(bonus)}分`);
  const penalty = sum("penalty");
  if (penalty !== 0) parts.push(`减分${p(-penalty)}分`);
  return `${parts.join("，")}，总分${p(card.total)}分。`;
};
