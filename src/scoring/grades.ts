// Ranks and grades: competition ranking, grade bands with quotas (counted over assessed units,
// with a declared tie policy), vetoes to the lowest grade or below a named one; units nobody
// assessed are outside ranks and quotas.
import { NOT_ASSESSED, type ScoreCard, type ScoringScheme } from "../model/scoring.js";
import { divide, toHundredths } from "./points.js";

export type Unranked = Omit<ScoreCard, "rank" | "grade"> & { readonly order: number; readonly below?: number };

/** The index of the band a total reaches (total/T × 100 ≥ min), or -1 for the lowest grade. */
export const bandOf = (scheme: ScoringScheme, total: number, T: number): number =>
  scheme.grades.findIndex((b) => BigInt(total) * 10000n >= BigInt(toHundredths(b.min)) * BigInt(T));

export const rankAndGrade = (cards: readonly Unranked[], scheme: ScoringScheme, T: number): ScoreCard[] => {
  const assessed = cards.filter((c) => c.assessed).sort((a, b) => b.total - a.total || a.order - b.order);
  const ranks = new Map<string, number>();
  assessed.forEach((c, i) => {
    const prev = assessed[i - 1];
    ranks.set(c.unitId, prev !== undefined && prev.total === c.total ? (ranks.get(prev.unitId) as number) : i + 1);
  });
  const bands = scheme.grades;
  const lowest = -1;
  const grade = new Map<string, number>();
  for (const c of assessed) {
    let g = bandOf(scheme, c.total, T);
    // A veto: the lowest grade, or a grade below the one it names (不得评为优秀).
    if (c.below !== undefined) g = c.below < 0 ? lowest : g === lowest || g > c.below ? g : c.below + 1 < bands.length ? c.below + 1 : lowest;
    grade.set(c.unitId, g);
  }
  // Quotas, from the top band down, over the assessed units only. A tie group that crosses the
  // line moves down whole (all_down) or stays whole (all_in).
  const ties = scheme.quotaTies ?? "all_down";
  const mode = scheme.quotaRounding ?? "down";
  bands.forEach((band, b) => {
    if (band.maxShare === undefined) return;
    const limit = Number(divide(BigInt(assessed.length * band.maxShare), 100n, mode));
    const inBand = assessed.filter((c) => grade.get(c.unitId) === b);
    let taken = 0;
    let i = 0;
    while (i < inBand.length) {
      let j = i;
      while (j < inBand.length && (inBand[j] as Unranked).total === (inBand[i] as Unranked).total) j += 1;
      if (taken + (j - i) > limit) {
        const from = ties === "all_in" && taken < limit ? j : i;
        for (const c of inBand.slice(from)) grade.set(c.unitId, b + 1 < bands.length ? b + 1 : lowest);
        break;
      }
      taken += j - i;
      i = j;
    }
  });
  const name = (g: number): string => (g === lowest ? scheme.lowestGrade : (bands[g] as { name: string }).name);
  const strip = ({ order: _order, below: _below, ...c }: Unranked) => c;
  return [
    ...assessed.map((c) => ({ ...strip(c), rank: ranks.get(c.unitId) as number, grade: name(grade.get(c.unitId) as number) })),
    ...cards.filter((c) => !c.assessed).map((c) => ({ ...strip(c), grade: NOT_ASSESSED })),
  ];
};
