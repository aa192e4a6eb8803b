import { type Diagnostic, type DiagnosticPath, type Result, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { diagnosticsFromZod } from "../model/input.js";
import { argument, badArgument } from "../model/guard.js";
import { Plan } from "../model/plan.js";
import { NOT_ASSESSED, ScoringScheme } from "../model/scoring.js";
import { Roster } from "../model/unit.js";
import { migrateScheme } from "./migrate.js";
import { formatPoints, isHundredths, toHundredths } from "./points.js";

/**
 * 校验考核方案时参照的工作安排和单位名录（都可省略）。What a scheme is checked against: the plan
 * (tasks, requirements) and the roster (units named in `appliesTo`), both optional.
 * @category Scoring
 * @example
 * const context: SchemeContext = { plan, roster };
 */
export interface SchemeContext {
  readonly plan?: Plan;
  readonly roster?: Roster;
}

/** The context, checked at the boundary: a plan given alone, or { plan?, roster? }; anything else is a FazhiError. */
const contextOf = (fn: string, c: SchemeContext | Plan | undefined): SchemeContext => {
  if (c === undefined) return {};
  if (typeof c !== "object" || c === null || Array.isArray(c)) throw badArgument(fn, "context", "应为工作安排或 { plan, roster }", "must be a plan or { plan, roster }");
  if ("sections" in c) return { plan: argument(fn, "context", Plan, c) };
  if (c.plan !== undefined) argument(fn, "context.plan", Plan, c.plan);
  if (c.roster !== undefined) argument(fn, "context.roster", Roster, c.roster);
  return c;
};

/** The cross-field checks of a parsed scheme. */
const crossCheck = (scheme: ScoringScheme, context: SchemeContext): Diagnostic[] => {
  const out: Diagnostic[] = [];
  const err = (code: string, zh: string, en: string, path: DiagnosticPath) => out.push(diag(code, "error", zh, en, path));
  // One error, one message: points that are not to 0.01 are reported once, and sums that
  // involve them are not reported again.
  const imprecise = new Set<string>();
  const precise = (value: number, path: DiagnosticPath): boolean => {
    if (isHundredths(value)) return true;
    err("points_precision", `分值 ${value} 超过两位小数`, `Points ${value} have more than two decimals`, path);
    imprecise.add(path.join("."));
    return false;
  };
  const amount = (value: number | undefined, path: DiagnosticPath, what: string) => {
    if (value === undefined) return;
    if (value < 0) err("negative_amount", `${what}不能为负数（${value}）`, `${what}: the amount cannot be negative (${value})`, path);
    else precise(value, path);
  };
  const cap = (value: number | undefined, path: DiagnosticPath, what: string) => {
    if (value === undefined) return;
    if (value < 0) err("negative_cap", `${what}的上限不能为负数（${value}）`, `${what}: a cap cannot be negative (${value})`, path);
    else precise(value, path);
  };
  const unique = (kind: string, kindEn: string) => {
    const seen = new Set<string>();
    return (id: string, path: DiagnosticPath) => {
      if (seen.has(id)) err("duplicate_id", `${kind}编号“${id}”重复`, `Duplicate ${kindEn} id "${id}"`, path);
      seen.add(id);
    };
  };

  if (precise(scheme.total, ["total"]) && scheme.total <= 0) err("invalid_total", "总分必须大于0", "The total must be positive", ["total"]);
  cap(scheme.cap, ["cap"], "总分");
  const floorCheck = (floor: ScoringScheme["floor"], path: DiagnosticPath, what: string) => {
    if (floor?.kind === "deduction") amount(floor.points, [...path, "floor", "points"], `${what}的累计扣分上限`);
    if (floor?.kind === "multiple") precise(floor.multiple, [...path, "floor", "multiple"]);
  };
  floorCheck(scheme.floor, [], "总分");

  // Areas: unique ids, parents that exist, no cycles.
  const areaIds = new Map(scheme.areas.map((a, i) => [a.id, i]));
  const areaId = unique("考核内容", "area");
  scheme.areas.forEach((a, i) => {
    const path: DiagnosticPath = ["areas", i];
    areaId(a.id, [...path, "id"]);
    if (precise(a.points, [...path, "points"]) && a.points < 0) err("invalid_points", `考核内容“${a.name}”的分值不能为负数`, `Area "${a.name}" cannot have negative points`, [...path, "points"]);
    cap(a.cap, [...path, "cap"], `考核内容“${a.name}”`);
    floorCheck(a.floor, path, `考核内容“${a.name}”`);
    if (a.cap !== undefined && a.floor?.kind === "deduction" && a.cap < a.points - a.floor.points) {
      err("cap_below_floor", `考核内容“${a.name}”最多得${a.cap}分，低于扣分下限（${a.points}分最多扣${a.floor.points}分）`, `Area "${a.name}": its cap ${a.cap} is below its floor`, [...path, "cap"]);
    }
    if (a.parent !== undefined && !areaIds.has(a.parent)) err("unknown_area", `考核内容“${a.name}”的上级“${a.parent}”不存在`, `Area "${a.name}" has an unknown parent "${a.parent}"`, [...path, "parent"]);
  });
  const inCycle = new Set<number>();
  scheme.areas.forEach((a, i) => {
    const seen = new Set<number>([i]);
    let p = a.parent === undefined ? undefined : areaIds.get(a.parent);
    while (p !== undefined) {
      if (seen.has(p)) {
        if (p === i) {
          inCycle.add(i);
          err("area_cycle", `考核内容“${a.name}”的上下级关系成环`, `Area "${a.name}" is its own ancestor`, ["areas", i, "parent"]);
        }
        break;
      }
      seen.add(p);
      const parent = (scheme.areas[p] as ScoringScheme["areas"][number]).parent;
      p = parent === undefined ? undefined : areaIds.get(parent);
    }
  });

  // Indicators and their clauses.
  const tasks = new Map<string, Set<string>>();
  for (const s of context.plan?.sections ?? []) for (const t of s.tasks) tasks.set(t.id, new Set(t.requirements.map((r) => r.id)));
  const taskOfRequirement = new Map<string, string>();
  for (const [t, rs] of tasks) for (const r of rs) taskOfRequirement.set(r, t);
  const rosterUnits = context.roster === undefined ? undefined : new Set<string>(context.roster.units.map((u) => u.id));
  const indicatorId = unique("指标", "indicator");
  const children = new Map<string, { sum: number; exact: boolean; any: boolean }>();
  const addChild = (parent: string, points: number, exact: boolean) => {
    const c = children.get(parent) ?? { sum: 0, exact: true, any: false };
    c.sum += toHundredths(points);
    c.exact &&= exact;
    c.any = true;
    children.set(parent, c);
  };
  scheme.areas.forEach((a, i) => {
    if (a.parent !== undefined && areaIds.has(a.parent)) addChild(a.parent, a.points, !imprecise.has(`areas.${i}.points`));
  });
  scheme.indicators.forEach((ind, i) => {
    const path: DiagnosticPath = ["indicators", i];
    indicatorId(ind.id, [...path, "id"]);
    const exact = precise(ind.points, [...path, "points"]);
    if (exact && ind.points < 0) err("invalid_points", `指标“${ind.name}”的分值不能为负数`, `Indicator "${ind.name}" cannot have negative points`, [...path, "points"]);
    if (exact && ind.points === 0 && (ind.floor === undefined || ind.floor.kind === "zero")) {
      out.push(diag("zero_points_floor", "warning", `指标“${ind.name}”分值为0、扣完为止，永远不会扣分；只扣分的负面清单项请设 floor 为 none 或 deduction（限扣N分）`, `Indicator "${ind.name}" has 0 points and stops at zero, so it never deducts; a negative-list item needs floor none or deduction`, [...path, "floor"]));
    }
    floorCheck(ind.floor, path, `指标“${ind.name}”`);
    if (!areaIds.has(ind.area)) err("unknown_area", `指标“${ind.name}”引用了不存在的考核内容“${ind.area}”`, `Indicator "${ind.name}" points at unknown area "${ind.area}"`, [...path, "area"]);
    else addChild(ind.area, ind.points, exact);
    if (context.plan !== undefined) {
      ind.appliesTo.taskIds?.forEach((t, k) => {
        if (!tasks.has(t)) err("unknown_task", `指标“${ind.name}”引用了工作安排中没有的任务“${t}”`, `Indicator "${ind.name}" points at task "${t}", which the plan does not have`, [...path, "appliesTo", "taskIds", k]);
      });
    }
    if (rosterUnits !== undefined) {
      ind.appliesTo.units?.forEach((u, k) => {
        if (!rosterUnits.has(u)) err("unknown_unit", `指标“${ind.name}”点名的单位“${u}”不在单位名录中`, `Indicator "${ind.name}" names unit "${u}", which the roster does not have`, [...path, "appliesTo", "units", k]);
      });
    }
    const conditionTags = new Set<string>();
    ind.methods.forEach((m, j) => {
      const mp: DiagnosticPath = [...path, "methods", j];
      const what = `指标“${ind.name}”第${j + 1}条评分标准`;
      if ("cap" in m) cap(m.cap, [...mp, "cap"], what);
      switch (m.kind) {
        case "occurrences": {
          amount(m.perMissing, [...mp, "perMissing"], what);
          amount(m.perLate, [...mp, "perLate"], what);
          amount(m.latePer?.points, [...mp, "latePer", "points"], what);
          amount(m.perShort, [...mp, "perShort"], what);
          if (context.plan !== undefined) {
            const own = ind.appliesTo.taskIds === undefined ? undefined : new Set<string>(ind.appliesTo.taskIds);
            m.requirementIds?.forEach((r, k) => {
              const task = taskOfRequirement.get(r);
              if (task === undefined) err("unknown_requirement", `${what}引用了工作安排中没有的工作要求“${r}”`, `Indicator "${ind.name}" points at requirement "${r}", which the plan does not have`, [...mp, "requirementIds", k]);
              else if (own !== undefined && !own.has(task)) err("requirement_outside_tasks", `${what}引用的工作要求“${r}”不属于该指标的任务`, `Requirement "${r}" is not in the tasks of indicator "${ind.name}"`, [...mp, "requirementIds", k]);
            });
          }
          break;
        }
        case "incidents":
          amount(m.per, [...mp, "per"], what);
          break;
        case "condition":
          amount(m.points, [...mp, "points"], what);
          if (conditionTags.has(m.tag)) err("duplicate_tag", `${what}的情形“${m.tag}”在本指标中重复`, `Indicator "${ind.name}": tag "${m.tag}" appears twice`, [...mp, "tag"]);
          conditionTags.add(m.tag);
          break;
        case "tier": {
          const seen = new Set<string>();
          m.tiers.forEach((t, k) => {
            amount(t.deduct, [...mp, "tiers", k, "deduct"], what);
            if (seen.has(t.tag)) err("duplicate_tag", `${what}的等级“${t.tag}”重复`, `Indicator "${ind.name}": tier tag "${t.tag}" appears twice`, [...mp, "tiers", k, "tag"]);
            seen.add(t.tag);
          });
          break;
        }
        case "count": {
          amount(m.perShort, [...mp, "perShort"], what);
          amount(m.below, [...mp, "below"], what);
          const work = (m.taskIds?.length ?? 0) + (m.requirementIds?.length ?? 0) > 0;
          if ((m.metric !== undefined) === work) err("count_source", `${what}应给出次数的来源：metric（报送的次数），或 taskIds / requirementIds（计完成记录），二者取一`, `Indicator "${ind.name}": a count needs either metric or taskIds/requirementIds`, mp);
          if (m.perShort === undefined && m.below === undefined) err("count_amount", `${what}应给出 perShort（每少一次扣）或 below（少于即扣）`, `Indicator "${ind.name}": a count needs perShort or below`, mp);
          if (context.plan !== undefined) {
            m.taskIds?.forEach((t, k) => {
              if (!tasks.has(t)) err("unknown_task", `${what}引用了工作安排中没有的任务“${t}”`, `Indicator "${ind.name}" points at task "${t}", which the plan does not have`, [...mp, "taskIds", k]);
            });
            m.requirementIds?.forEach((r, k) => {
              if (!taskOfRequirement.has(r)) err("unknown_requirement", `${what}引用了工作安排中没有的工作要求“${r}”`, `Indicator "${ind.name}" points at requirement "${r}", which the plan does not have`, [...mp, "requirementIds", k]);
            });
          }
          break;
        }
        case "rate": {
          amount(m.per, [...mp, "per"], what);
          if ((m.metric !== undefined) === (m.ratio !== undefined)) err("rate_source", `${what}应给出 metric（报送的比率）或 ratio（分子、分母），二者取一`, `Indicator "${ind.name}": a rate needs either metric or ratio`, mp);
          if (typeof m.target === "number" && m.percent !== false && (m.target < 0 || m.target > 100)) err("rate_out_of_range", `${what}的目标值 ${m.target}% 不在 0–100% 之间`, `Indicator "${ind.name}": target ${m.target}% is outside 0–100%`, [...mp, "target"]);
          if (typeof m.target === "number" && !Number.isFinite(m.target)) err("rate_out_of_range", `${what}的目标值不是有限数`, `Indicator "${ind.name}": the target is not finite`, [...mp, "target"]);
          if (m.step !== undefined && !(m.step > 0 && Number.isFinite(m.step))) err("invalid_step", `${what}的步长必须大于0（${m.step}）`, `Indicator "${ind.name}": the step must be positive (${m.step})`, [...mp, "step"]);
          else if (m.step !== undefined) precise(m.step, [...mp, "step"]);
          break;
        }
        case "trend":
          amount(m.per, [...mp, "per"], what);
          break;
        case "rectification":
          amount(m.perOpen, [...mp, "perOpen"], what);
          amount(m.perLate, [...mp, "perLate"], what);
          break;
        default: {
          const never: never = m;
          return never;
        }
      }
    });
  });

  // Points add up: children to their area, top-level areas to the total.
  scheme.areas.forEach((a, i) => {
    const c = children.get(a.id);
    if (imprecise.has(`areas.${i}.points`) || (c !== undefined && !c.exact) || inCycle.has(i)) return;
    const sum = c?.sum ?? 0;
    if (sum !== toHundredths(a.points)) {
      err("points_mismatch", `考核内容“${a.name}”下各项分值之和 ${formatPoints(sum)} 不等于其分值 ${a.points}`, `The items under area "${a.name}" add up to ${formatPoints(sum)}, not ${a.points}`, ["areas", i, "points"]);
    }
  });
  const roots = scheme.areas.map((a, i) => [a, i] as const).filter(([a]) => a.parent === undefined || !areaIds.has(a.parent));
  if (inCycle.size === 0 && !imprecise.has("total") && roots.every(([, i]) => !imprecise.has(`areas.${i}.points`))) {
    const sum = roots.reduce((s, [a]) => s + toHundredths(a.points), 0);
    if (sum !== toHundredths(scheme.total)) err("points_mismatch", `各一级考核内容分值之和 ${formatPoints(sum)} 不等于总分 ${scheme.total}`, `The top-level areas add up to ${formatPoints(sum)}, not the total ${scheme.total}`, ["areas"]);
  }

  // Weighted components: weights add up to 100, no area counted twice.
  if (scheme.components !== undefined) {
    const componentId = unique("加权组成", "component");
    const weights = scheme.components.reduce((s, c) => s + c.weight, 0);
    if (weights !== 100) err("weights_mismatch", `加权组成的权重之和为 ${weights}%，应为 100%`, `Component weights add up to ${weights}%, not 100%`, ["components"]);
    const counted = new Set<string>();
    const ancestors = (id: string): string[] => {
      const out: string[] = [];
      let p = scheme.areas[areaIds.get(id) ?? -1]?.parent;
      while (p !== undefined && !out.includes(p) && out.length <= scheme.areas.length) {
        out.push(p);
        p = scheme.areas[areaIds.get(p) ?? -1]?.parent;
      }
      return out;
    };
    scheme.components.forEach((c, i) => {
      componentId(c.id, ["components", i, "id"]);
      c.areas.forEach((a, k) => {
        if (!areaIds.has(a)) err("unknown_area", `加权组成“${c.name}”引用了不存在的考核内容“${a}”`, `Component "${c.name}" points at unknown area "${a}"`, ["components", i, "areas", k]);
        else if (counted.has(a) || ancestors(a).some((p) => counted.has(p))) err("area_in_two_components", `考核内容“${a}”已计入加权组成（本身或其上级）`, `Area "${a}" is already counted in a component (itself or an ancestor)`, ["components", i, "areas", k]);
        counted.add(a);
      });
    });
    scheme.areas.forEach((a) => {
      if (!scheme.indicators.some((ind) => ind.area === a.id)) return;
      if (counted.has(a.id) || ancestors(a.id).some((p) => counted.has(p))) return;
      out.push(diag("area_without_component", "warning", `考核内容“${a.name}”不属于任何加权组成，不计入总分`, `Area "${a.name}" is in no component and does not count`, ["components"]));
    });
  }

  // Grades.
  const names = new Set<string>();
  const mins = new Set<number>();
  scheme.grades.forEach((g, i) => {
    if (g.name === NOT_ASSESSED) err("reserved_grade", `等次名称“${NOT_ASSESSED}”留给没有参加考核的单位`, `The grade name "${NOT_ASSESSED}" is reserved for units not assessed`, ["grades", i, "name"]);
    else if (names.has(g.name) || g.name === scheme.lowestGrade) err("duplicate_grade", `等次“${g.name}”重复`, `Duplicate grade "${g.name}"`, ["grades", i, "name"]);
    names.add(g.name);
    if (mins.has(g.min)) err("overlapping_grades", `等次分数线 ${g.min} 重复，等次重叠`, `Grade bands overlap at ${g.min}`, ["grades", i, "min"]);
    mins.add(g.min);
    if (i > 0 && g.min > (scheme.grades[i - 1] as { min: number }).min) err("grades_out_of_order", "等次应按分数线从高到低排列", "Grade bands must go from the highest minimum down", ["grades", i, "min"]);
  });
  if (scheme.lowestGrade === NOT_ASSESSED) err("reserved_grade", `等次名称“${NOT_ASSESSED}”留给没有参加考核的单位`, `The grade name "${NOT_ASSESSED}" is reserved for units not assessed`, ["lowestGrade"]);

  // Adjustments.
  const adj = scheme.adjustments;
  if (adj !== undefined) {
    cap(adj.cap, ["adjustments", "cap"], "加分");
    cap(adj.penaltyCap, ["adjustments", "penaltyCap"], "减分");
    const groupId = unique("加减分类别组", "adjustment group");
    const groups = new Set<string>();
    adj.groups?.forEach((g, i) => {
      groupId(g.id, ["adjustments", "groups", i, "id"]);
      groups.add(g.id);
      cap(g.cap, ["adjustments", "groups", i, "cap"], `“${g.name}”`);
    });
    const categoryId = unique("加减分类别", "adjustment category");
    adj.categories.forEach((c, i) => {
      const path: DiagnosticPath = ["adjustments", "categories", i];
      categoryId(c.id, [...path, "id"]);
      amount(c.per, [...path, "per"], `加减分类别“${c.name}”`);
      cap(c.cap, [...path, "cap"], `加减分类别“${c.name}”`);
      if (c.group !== undefined && !groups.has(c.group)) err("unknown_group", `加减分类别“${c.name}”引用了不存在的类别组“${c.group}”`, `Category "${c.name}" points at unknown group "${c.group}"`, [...path, "group"]);
      if (c.area !== undefined) {
        if (c.stage !== "inside") err("area_needs_inside", `加减分类别“${c.name}”指定了考核内容，应同时写 stage: "inside"（折算前计入该考核内容）`, `Category "${c.name}" names an area but is not counted inside (stage "inside")`, [...path, "area"]);
        else if (!areaIds.has(c.area)) err("unknown_area", `加减分类别“${c.name}”引用了不存在的考核内容“${c.area}”`, `Category "${c.name}" points at unknown area "${c.area}"`, [...path, "area"]);
      }
    });
  }

  // Vetoes.
  const vetoId = unique("一票否决事项", "veto");
  scheme.vetoes?.forEach((v, i) => {
    vetoId(v.id, ["vetoes", i, "id"]);
    if (v.below !== undefined && !names.has(v.below)) err("unknown_grade", `一票否决事项“${v.name}”引用了不存在的等次“${v.below}”`, `Veto "${v.name}" names unknown grade "${v.below}"`, ["vetoes", i, "below"]);
  });
  return out;
};

/** Migrate, parse and cross-check: the value when it is usable, and every issue. */
const checkScheme = (fn: string, input: unknown, context: SchemeContext | Plan | undefined): { value?: ScoringScheme; issues: Diagnostic[] } => {
  const ctx = contextOf(fn, context);
  const { scheme, notices } = migrateScheme(input);
  const parsed = ScoringScheme.safeParse(scheme, { reportInput: true });
  if (!parsed.success) return { issues: [...notices, ...diagnosticsFromZod(parsed.error)] };
  return { value: parsed.data, issues: [...notices, ...crossCheck(parsed.data, ctx)] };
};

/**
 * 考核方案的校验，不抛出：先把旧格式改写为当前格式（附提示），再做模式校验和跨字段校验——分值精确到0.01分；
 * 各级分值相加相符；引用的考核内容、上级、任务、工作要求（给出工作安排时）、点名单位（给出名录时）存在，且
 * 工作要求属于指标的任务；编号唯一、层级不成环；扣分、上限不为负；比率目标在0–100%之间；次数和比率的来源
 * 明确；等级标签不重复；加权组成的权重之和为100；等次分数线不重复、不越界。一处错误只报一条。
 *
 * Check a scheme without throwing: migrate an old format (with notices), then the schema and
 * the cross-field rules — points to 0.01; points that add up at every level; areas, parents,
 * tasks and requirements (with a plan) and named units (with a roster) that exist, requirements
 * inside the indicator's tasks; unique ids and no cycles; no negative amounts or caps; rate
 * targets within 0–100%; clear sources for counts and rates; no repeated tier tags; weights that
 * add up to 100; sane grade bands. One error, one message. Any input gives diagnostics:
 * `validateScheme({})` lists the missing fields.
 *
 * @category Scoring
 * @example
 * validateScheme(scheme, { plan, roster }).filter((d) => d.severity === "error");
 * //=> []
 * validateScheme({}).map((d) => d.code);
 * //=> ["invalid_type", …]
 */
export const validateScheme = (scheme: unknown, context?: SchemeContext | Plan): Diagnostic[] => checkScheme("validateScheme", scheme, context).issues;

/**
 * 读取不可信的考核方案 JSON：旧格式改写（附提示）、模式校验加跨字段校验；有 error 时失败。成功的值深度冻结。
 * Read untrusted scheme JSON: migrate, parse and check; fails on any error. The value is frozen.
 *
 * @category Scoring
 * @example
 * const r = readScheme(JSON.parse(text), { plan, roster });
 * if (!r.ok) r.issues.forEach((d) => console.log(d.path.join("."), d.message));
 */
export const readScheme = (input: unknown, context?: SchemeContext | Plan): Result<ScoringScheme> => {
  const { value, issues } = checkScheme("readScheme", input, context);
  if (value === undefined || issues.some((d) => d.severity === "error")) return { ok: false, issues };
  return { ok: true, value: deepFreeze(value), issues };
};
