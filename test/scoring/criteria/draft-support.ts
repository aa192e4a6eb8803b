// What a scheme draft still lacks, by readScheme, and whether the draft's diagnostics name each
// part of it (shared by the example and property tests of scheme drafts).
import type { ReadSchemeResult } from "../../../src/scoring/criteria/scheme.js";
import { readScheme } from "../../../src/scoring/validate-scheme.js";

/** The diagnostics that may name each kind of readScheme error, on the item it comes from or an item below. */
const NAMED_BY: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^indicators\.\d+\.methods/, ["criteria_item_without_rule", "criteria_phrase_unread", "scheme_phrase_not_mapped", "scheme_indicator_without_method"]],
  [/^(areas|indicators)\.\d+\.points$/, ["criteria_points_mismatch", "criteria_points_missing", "scheme_points_missing", "scheme_points_mismatch"]],
  [/^areas$/, ["criteria_total_mismatch", "criteria_points_mismatch", "criteria_points_missing", "scheme_points_missing", "scheme_no_indicators"]],
  [/^indicators$/, ["scheme_no_indicators"]],
  [/^total$/, ["scheme_total_missing"]],
  [/^title$/, ["scheme_title_missing"]],
  [/^(grades|lowestGrade)/, ["scheme_grades_missing"]],
];

/**
 * The readScheme errors of a draft that no diagnostic of the draft names (empty when the draft
 * passes once its diagnostics are resolved). An error on an area or indicator is named by a
 * diagnostic on its item or an item below it; scheme-wide errors by a scheme-wide diagnostic.
 */
export const unnamedErrors = (draft: ReadSchemeResult): string[] => {
  const check = readScheme(draft.scheme);
  if (check.ok) return [];
  const items = draft.table.items;
  const under = (top: number, i: number | undefined): boolean => {
    for (let k = i; k !== undefined; k = items[k]?.parent) if (k === top) return true;
    return false;
  };
  const itemOf = (path: readonly (string | number)[]): number | undefined => {
    const part = path[0] === "areas" ? draft.scheme.areas[path[1] as number] : path[0] === "indicators" ? draft.scheme.indicators[path[1] as number] : undefined;
    const n = part === undefined ? Number.NaN : Number(part.id.slice(1)) - 1;
    return Number.isInteger(n) && n >= 0 ? n : undefined; // a0, the area made for items with no parent, is no item
  };
  return check.issues
    .filter((e) => e.severity === "error")
    .filter((e) => {
      const at = e.path.join(".");
      const codes = NAMED_BY.find(([re]) => re.test(at))?.[1];
      if (codes === undefined) return true;
      const item = itemOf(e.path);
      return !draft.diagnostics.some((d) => codes.includes(d.code) && (item === undefined || (d.path[0] === "items" && under(item, d.path[1] as number))));
    })
    .map((e) => `${e.code} ${e.path.join(".")}: ${e.message}`);
};
