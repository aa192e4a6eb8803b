import { type Diagnostic, type DiagnosticPath, type Result, diag } from "../model/diagnostic.js";
import { parseAndValidate } from "../model/input.js";
import type { Plan } from "../model/plan.js";
import { ScoringScheme } from "../model/scoring.js";
import { formatPoints, isHundredths, toHundredths } from "./points.js";

/**
 * 考核方案的跨字段校验：分值精确到0.01分；各考核内容的分值之和等于总分，各指标之和等于所属考核内容；
 * 指标引用的考核内容、任务、工作要求存在（给出工作安排时）；编号唯一；加权组成的权重之和为100，
 * 每个考核内容至多属于一个组成；等次分数线不重复、不越界；加分上限合理。
 * Cross-field checks of a scheme: points to 0.01; areas add up to the total and indicators to
 * their area; indicators point at areas, tasks and requirements that exist (with a plan); unique
 * ids; component weights add up to 100 with each area in at most one component; grade bands that
 * do not overlap; sane bonus caps.
 *
 * @category Scoring
 * @example
 * validateScheme(scheme, plan).filter((d) => d.severity === "error");
 * //=> []
 */
export const validateScheme = (scheme: ScoringScheme, plan?: Plan): Diagnostic[] => {
  const out: Diagnostic[] = [];
  const err = (code: string, zh: string, en: string, path: DiagnosticPath) => out.push(diag(code, "error", zh, en, path));
  const precise = (value: number, path: DiagnosticPath) => {
    if (!isHundredths(value)) err("points_precision", `分值 ${value} 超过两位小数`, `Points ${value} have more than two decimals`, path);
  };
  precise(scheme.total, ["total"]);
  if (scheme.total <= 0) err("invalid_total", "总分必须大于0", "The total must be positive", ["total"]);

  const areaIds = new Set<string>();
  scheme.areas.forEach((a, i) => {
    if (areaIds.has(a.id)) err("duplicate_id", `考核内容编号“${a.id}”重复`, `Duplicate area id "${a.id}"`, ["areas", i, "id"]);
    areaIds.add(a.id);
    precise(a.points, ["areas", i, "points"]);
  });
  const areaSum = scheme.areas.reduce((s, a) => s + toHundredths(a.points), 0);
  if (areaSum !== toHundredths(scheme.total)) {
    err("points_mismatch", `各考核内容分值之和 ${formatPoints(areaSum)} 不等于总分 ${scheme.total}`, `The areas add up to ${formatPoints(areaSum)}, not the total ${scheme.total}`, ["areas"]);
  }

  const tasks = new Map<string, Set<string>>();
  for (const s of plan?.sections ?? []) for (const t of s.tasks) tasks.set(t.id, new Set(t.requirements.map((r) => r.id)));
  const allRequirements = new Set([...tasks.values()].flatMap((r) => [...r]));
  const indicatorIds = new Set<string>();
  const perArea = new Map<string, number>();
  scheme.indicators.forEach((ind, i) => {
    const path: DiagnosticPath = ["indicators", i];
    if (indicatorIds.has(ind.id)) err("duplicate_id", `指标编号“${ind.id}”重复`, `Duplicate indicator id "${ind.id}"`, [...path, "id"]);
    indicatorIds.add(ind.id);
    precise(ind.points, [...path, "points"]);
    if (ind.points <= 0) err("invalid_points", `指标“${ind.name}”的分值必须大于0`, `Indicator "${ind.name}" must have positive points`, [...path, "points"]);
    if (!areaIds.has(ind.area)) err("unknown_area", `指标“${ind.name}”引用了不存在的考核内容“${ind.area}”`, `Indicator "${ind.name}" points at unknown area "${ind.area}"`, [...path, "area"]);
    perArea.set(ind.area, (perArea.get(ind.area) ?? 0) + toHundredths(ind.points));
    if (plan !== undefined) {
      ind.appliesTo.taskIds?.forEach((t, k) => {
        if (!tasks.has(t)) err("unknown_task", `指标“${ind.name}”引用了工作安排中没有的任务“${t}”`, `Indicator "${ind.name}" points at task "${t}", which the plan does not have`, [...path, "appliesTo", "taskIds", k]);
      });
      if (ind.method.kind === "occurrences") {
        ind.method.requirementIds?.forEach((r, k) => {
          if (!allRequirements.has(r)) err("unknown_requirement", `指标“${ind.name}”引用了工作安排中没有的工作要求“${r}”`, `Indicator "${ind.name}" points at requirement "${r}", which the plan does not have`, [...path, "method", "requirementIds", k]);
        });
      }
    }
  });
  scheme.areas.forEach((a, i) => {
    const sum = perArea.get(a.id) ?? 0;
    if (sum !== toHundredths(a.points)) {
      err("points_mismatch", `考核内容“${a.name}”的指标分值之和 ${formatPoints(sum)} 不等于其分值 ${a.points}`, `The indicators of area "${a.name}" add up to ${formatPoints(sum)}, not ${a.points}`, ["areas", i, "points"]);
    }
  });

  if (scheme.components !== undefined) {
    const weights = scheme.components.reduce((s, c) => s + c.weight, 0);
    if (weights !== 100) err("weights_mismatch", `加权组成的权重之和为 ${weights}%，应为 100%`, `Component weights add up to ${weights}%, not 100%`, ["components"]);
    const seen = new Set<string>();
    scheme.components.forEach((c, i) =>
      c.areas.forEach((a, k) => {
        if (!areaIds.has(a)) err("unknown_area", `加权组成“${c.name}”引用了不存在的考核内容“${a}”`, `Component "${c.name}" points at unknown area "${a}"`, ["components", i, "areas", k]);
        if (seen.has(a)) err("area_in_two_components", `考核内容“${a}”属于多个加权组成`, `Area "${a}" is in more than one component`, ["components", i, "areas", k]);
        seen.add(a);
      }),
    );
    for (const a of areaIds) if (!seen.has(a)) out.push(diag("area_without_component", "warning", `考核内容“${a}”不属于任何加权组成，不计入总分`, `Area "${a}" is in no component and does not count`, ["components"]));
  }

  const names = new Set<string>();
  const mins = new Set<number>();
  scheme.grades.forEach((g, i) => {
    if (names.has(g.name) || g.name === scheme.lowestGrade) err("duplicate_grade", `等次“${g.name}”重复`, `Duplicate grade "${g.name}"`, ["grades", i, "name"]);
    names.add(g.name);
    if (mins.has(g.min)) err("overlapping_grades", `等次分数线 ${g.min} 重复，等次重叠`, `Grade bands overlap at ${g.min}`, ["grades", i, "min"]);
    mins.add(g.min);
    if (i > 0 && g.min > (scheme.grades[i - 1] as { min: number }).min) err("grades_out_of_order", "等次应按分数线从高到低排列", "Grade bands must go from the highest minimum down", ["grades", i, "min"]);
  });

  if (scheme.bonus !== undefined) {
    precise(scheme.bonus.cap, ["bonus", "cap"]);
    const cats = new Set<string>();
    scheme.bonus.categories.forEach((c, i) => {
      if (cats.has(c.id)) err("duplicate_id", `加分类别“${c.id}”重复`, `Duplicate bonus category "${c.id}"`, ["bonus", "categories", i, "id"]);
      cats.add(c.id);
      if (c.per < 0 || c.cap < 0) err("invalid_points", `加分类别“${c.name}”的分值不能为负`, `Bonus category "${c.name}" cannot be negative`, ["bonus", "categories", i]);
    });
  }
  const vetoes = new Set<string>();
  scheme.vetoes?.forEach((v, i) => {
    if (vetoes.has(v.id)) err("duplicate_id", `一票否决事项“${v.id}”重复`, `Duplicate veto "${v.id}"`, ["vetoes", i, "id"]);
    vetoes.add(v.id);
  });
  return out;
};

/**
 * 读取不可信的考核方案 JSON：模式校验加 {@link validateScheme}。Read untrusted scheme JSON.
 *
 * @category Scoring
 * @example
 * const r = readScheme(JSON.parse(text), plan);
 * if (!r.ok) r.issues.forEach((d) => console.log(d.path.join("."), d.message));
 */
export const readScheme = (input: unknown, plan?: Plan): Result<ScoringScheme> => parseAndValidate(ScoringScheme, input, (s) => validateScheme(s, plan));
