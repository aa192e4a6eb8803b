import type { ScoreCard } from "../model/scoring.js";
import { formatPoints } from "./points.js";

/**
 * 把评分卡写成中文说明：总分、等次、名次，逐行列出每个指标的得分和每一项扣分、加分的理由及依据。
 * Render a score card as readable Chinese text: total, grade and rank, then every line with each
 * deduction or bonus, its reason and the entries and requirement behind it.
 *
 * @category Scoring
 * @example
 * console.log(explainScoreCard(cards[0]!));
 */
export const explainScoreCard = (card: ScoreCard): string => {
  const out: string[] = [];
  out.push(`${card.name}：${formatPoints(card.total)}分，${card.grade}，第${card.rank}名${card.vetoed ? "（一票否决）" : ""}`);
  for (const line of card.lines) {
    const head =
      line.kind === "indicator"
        ? `· ${line.name}：${formatPoints(line.earned)}/${formatPoints(line.available)}分${line.state === "missing_data" ? "（缺少数据）" : ""}`
        : line.kind === "normalisation"
          ? `· ${line.name}：${line.earned >= 0 ? "+" : ""}${formatPoints(line.earned)}分`
          : line.kind === "bonus"
            ? `· 加分 ${line.name}：+${formatPoints(line.earned)}分`
            : `· 一票否决 ${line.name}`;
    out.push(`${head}${line.note !== undefined ? `（${line.note}）` : ""}`);
    for (const a of line.adjustments) {
      const amount = a.hundredths > 0 ? `扣${formatPoints(a.hundredths)}分` : a.hundredths < 0 ? `加${formatPoints(-a.hundredths)}分` : "";
      const basis = [a.entries.length > 0 ? `台账记录：${a.entries.join("、")}` : "", a.requirement !== undefined ? `依据：“${a.requirement.phrase}”${a.requirement.source !== undefined ? `（原文第${a.requirement.source.line}行）` : ""}` : ""].filter((x) => x !== "");
      out.push(`    - ${a.reason}${amount !== "" ? `，${amount}` : ""}${basis.length > 0 ? `；${basis.join("；")}` : ""}`);
    }
  }
  const sum = card.lines.reduce((s, l) => s + l.earned, 0);
  out.push(`合计：${card.lines.filter((l) => l.earned !== 0).map((l) => formatPoints(l.earned)).join(" + ") || "0"} = ${formatPoints(sum)}分`);
  return `${out.join("\n")}\n`;
};
