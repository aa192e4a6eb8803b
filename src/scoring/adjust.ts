// Adjustments (加减分): bonuses from awards and penalties from negative lists, with eligibility,
// tiers within one award document, and caps per category, per group and overall.
import type { EntryId } from "../model/ids.js";
import type { AdjustmentCategory, Rounding, ScoreAdjustment, ScoreLine, ScoringScheme } from "../model/scoring.js";
import { type UnitFacts, byDateThenId, creditKey } from "./facts.js";
import { divide, formatPoints, toHundredths } from "./points.js";

interface Category {
  readonly def: AdjustmentCategory;
  readonly order: number;
  readonly bonus: boolean;
  readonly per: number;
  readonly cap?: number;
  readonly group?: { readonly id: string; readonly name: string; readonly cap?: number; readonly othersShare?: number };
}

/** An adjustment line and where it counts: before normalisation (in an area or the whole) or after. */
export interface AdjustmentLine {
  readonly line: ScoreLine;
  readonly inside: boolean;
  readonly area?: string;
}

interface Item {
  readonly entry: EntryId;
  awardId?: string;
  amount: number;
  reason: string;
  reasonEn: string;
}

export type AdjustmentScorer = (facts: UnitFacts, credited: ReadonlySet<string>) => AdjustmentLine[];

/** Compile a scheme's adjustments once; the result scores one unit. */
export const compileAdjustments = (scheme: ScoringScheme, rounding: Rounding): AdjustmentScorer => {
  const a = scheme.adjustments;
  if (a === undefined || a.categories.length === 0) return () => [];
  const groups = new Map((a.groups ?? []).map((g) => [g.id, { id: g.id, name: g.name, ...(g.cap !== undefined ? { cap: toHundredths(g.cap) } : {}), ...(g.othersShare !== undefined ? { othersShare: g.othersShare } : {}) }]));
  const categories: Category[] = a.categories.map((def, order) => {
    const group = def.group === undefined ? undefined : groups.get(def.group);
    return { def, order, bonus: def.sign !== "penalty", per: toHundredths(def.per), ...(def.cap !== undefined ? { cap: toHundredths(def.cap) } : {}), ...(group !== undefined ? { group } : {}) };
  });
  const overall = { bonus: a.cap === undefined ? Number.POSITIVE_INFINITY : toHundredths(a.cap), penalty: a.penaltyCap === undefined ? Number.POSITIVE_INFINITY : toHundredths(a.penaltyCap) };

  return (facts, credited) => {
    // 1. What each category finds, and what is eligible.
    const found: Array<{ cat: Category; items: Item[]; ineligible: ScoreAdjustment[] }> = [];
    for (const cat of categories) {
      const items: Item[] = [];
      const ineligible: ScoreAdjustment[] = [];
      const per = formatPoints(cat.per);
      if (cat.bonus) {
        const awards = facts.awards.get(cat.def.id);
        if (awards === undefined) continue;
        const seen = new Set<string>();
        for (const e of [...awards].sort(byDateThenId)) {
          const key = e.awardId ?? e.id;
          if (seen.has(key)) continue; // one award reported twice counts once
          seen.add(key);
          if (e.awardId !== undefined && credited.has(creditKey(e.unitId, e.awardId))) {
            ineligible.push({ reason: `“${cat.def.name}”已在以前年度加过分，不重复加分`, reasonEn: `"${cat.def.name}" was credited in an earlier year`, hundredths: 0, entries: [e.id] });
          } else if (cat.def.requiresEvidence === true && (e.evidence === undefined || e.evidence.length === 0)) {
            ineligible.push({ reason: `“${cat.def.name}”没有表彰文件等佐证，不加分`, reasonEn: `"${cat.def.name}" has no evidence: no bonus`, hundredths: 0, entries: [e.id] });
          } else {
            const item: Item = { entry: e.id, amount: cat.per, reason: `获得“${cat.def.name}”`, reasonEn: `${cat.def.name}: +${per}` };
            if (e.awardId !== undefined) item.awardId = e.awardId;
            items.push(item);
          }
        }
      } else {
        const hits = facts.incidents.get(cat.def.id);
        if (hits === undefined) continue;
        for (const e of [...hits].sort(byDateThenId)) {
          const n = e.count ?? 1;
          items.push({ entry: e.id, amount: n * cat.per, reason: n > 1 ? `“${cat.def.name}”${n}次，每次扣${per}分` : `“${cat.def.name}”一次`, reasonEn: `${cat.def.name}: −${formatPoints(n * cat.per)}` });
        }
      }
      if (items.length > 0 || ineligible.length > 0) found.push({ cat, items, ineligible });
    }

    // 2. Within one award document (awardId) in a group with othersShare: the highest tier counts
    //    in full, the others at othersShare percent.
    const tiers = new Map<string, Array<{ cat: Category; item: Item }>>();
    for (const { cat, items } of found) {
      if (!cat.bonus || cat.group?.othersShare === undefined) continue;
      for (const item of items) if (item.awardId !== undefined) {
        const key = `${cat.group.id}\u0000${item.awardId}`;
        const list = tiers.get(key);
        if (list === undefined) tiers.set(key, [{ cat, item }]);
        else list.push({ cat, item });
      }
    }
    for (const list of tiers.values()) {
      if (list.length < 2) continue;
      list.sort((x, y) => y.item.amount - x.item.amount || x.cat.order - y.cat.order);
      for (const { cat, item } of list.slice(1)) {
        const share = cat.group?.othersShare as number;
        item.amount = Number(divide(BigInt(item.amount) * BigInt(share), 100n, rounding));
        item.reason = `获得“${cat.def.name}”（同一表彰的其他层次，按${share}%计）`;
        item.reasonEn = `${cat.def.name} (another tier of the same award, at ${share}%): +${formatPoints(item.amount)}`;
      }
    }

    // 3. Caps: the category's, then its group's, then the overall one for its sign.
    const groupLeft = new Map<string, number>();
    const left = { ...overall };
    const out: AdjustmentLine[] = [];
    for (const { cat, items, ineligible } of found) {
      const sum = items.reduce((s, i) => s + i.amount, 0);
      let amount = sum;
      const notes: string[] = [];
      const notesEn: string[] = [];
      if (cat.cap !== undefined && amount > cat.cap) {
        amount = cat.cap;
        notes.push(`本类最多${formatPoints(cat.cap)}分，已封顶`);
        notesEn.push(`capped at ${formatPoints(cat.cap)} for the category`);
      }
      const g = cat.group;
      if (g?.cap !== undefined) {
        const rest = groupLeft.get(g.id) ?? g.cap;
        if (amount > rest) {
          amount = rest;
          notes.push(`${g.name}合计最多${formatPoints(g.cap)}分，已封顶`);
          notesEn.push(`capped at ${formatPoints(g.cap)} for ${g.name}`);
        }
        groupLeft.set(g.id, rest - amount);
      }
      const sign = cat.bonus ? "bonus" : "penalty";
      if (amount > left[sign]) {
        amount = left[sign];
        notes.push(`${cat.bonus ? "加分" : "减分"}合计最多${formatPoints(overall[sign])}分，已封顶`);
        notesEn.push(`capped at ${formatPoints(overall[sign])} in all`);
      }
      left[sign] -= amount;
      // Adjustments count deductions as positive (a bonus is negative); written as 0 − x so that no −0 appears.
      const adjustments: ScoreAdjustment[] = [];
      for (const i of items) adjustments.push({ reason: i.reason, reasonEn: i.reasonEn, hundredths: cat.bonus ? 0 - i.amount : i.amount, entries: [i.entry] });
      for (const a of ineligible) adjustments.push(a);
      if (amount < sum) adjustments.push({ reason: `超出上限的${formatPoints(sum - amount)}分不计`, reasonEn: `${formatPoints(sum - amount)} over the cap not counted`, hundredths: cat.bonus ? sum - amount : amount - sum, entries: [] });
      const inside = cat.def.stage === "inside";
      const line: ScoreLine = { kind: sign, id: cat.def.id, name: cat.def.name, available: 0, earned: cat.bonus ? amount : 0 - amount, state: "scored", adjustments };
      if (notes.length > 0) {
        line.note = notes.join("；");
        line.noteEn = notesEn.join("; ");
      }
      if (inside && cat.def.area !== undefined) {
        line.area = cat.def.area;
        out.push({ line, inside, area: cat.def.area });
      } else out.push({ line, inside });
    }
    return out;
  };
};
