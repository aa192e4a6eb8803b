// Criteria tables ↔ scoring schemes: the phrases read from a table become the scheme's methods,
// floors, caps, adjustments and vetoes; a scheme is written back as a table in the same phrasing.
import { type Diagnostic, type DiagnosticPath, type SourceSpan, diag } from "../../model/diagnostic.js";
import { deepFreeze } from "../../model/freeze.js";
import { argument } from "../../model/guard.js";
import { type AdjustmentCategory, type Area, type Floor, type Indicator, type ScoringMethod, ScoringScheme, type Veto } from "../../model/scoring.js";
import { formatPoints, toHundredths } from "../points.js";
import { toSourceSpan } from "./phrases.js";
import { type ReadCriteriaOptions, readCriteriaTable, readCriteriaText } from "./read.js";
import type { CriteriaItem, CriteriaPhrase, CriteriaTable } from "./types.js";
import { type PhraseSpec, criteriaToRows } from "./write.js";

/**
 * {@link readSchemeTable} 和 {@link readSchemeText} 的选项：表格里没有的方案信息（编号、标题、年度、总分、等次）。
 * Options of {@link readSchemeTable} and {@link readSchemeText}: what a criteria table does not
 * print (the scheme's id, title, year, total, grade bands), and the phrase rules.
 * @category Criteria
 * @example
 * const options: ReadSchemeOptions = {
 *   id: "xian-2024", title: "某县2024年度法治政府建设考核细则", year: 2024,
 *   grades: [{ name: "优秀", min: 90 }, { name: "良好", min: 80 }, { name: "合格", min: 60 }], lowestGrade: "不合格",
 * };
 */
export interface ReadSchemeOptions extends ReadCriteriaOptions {
  /** 方案编号，默认 `scheme`。The scheme's id, `scheme` by default. */
  readonly id?: string;
  /** 标题；默认取表格的标题行。The title; by default the table's title line. */
  readonly title?: string;
  readonly year?: number;
  /** 总分；默认取印出的总分，否则为一级各项分值之和。The total; by default the printed total, else the sum of the top level. */
  readonly total?: number;
  /** 等次分数线（表格通常不写）。Grade bands (tables rarely print them). */
  readonly grades?: ScoringScheme["grades"];
  readonly lowestGrade?: string;
}

/**
 * {@link readSchemeTable} 和 {@link readSchemeText} 的结果：方案草稿（各考核内容、指标、评分方法、一票否决和加分类别都带
 * `source` 原文位置）、诊断（每条需要人工处理的都在其中，带原文位置）和读出的表格。The result: the drafted scheme
 * (every area, indicator, method, veto and bonus category carries its `source`), the diagnostics
 * (everything that needs a hand, each with where it is) and the criteria table as read.
 * @category Criteria
 * @example
 * const { scheme, diagnostics }: ReadSchemeResult = readSchemeText(text, { grades, lowestGrade: "不合格" });
 */
export interface ReadSchemeResult {
  /** 方案草稿：诊断处理完后可通过 `readScheme`。The draft: it passes `readScheme` once the diagnostics are resolved. */
  readonly scheme: ScoringScheme;
  readonly diagnostics: readonly Diagnostic[];
  readonly table: CriteriaTable;
}

const clip = (s: string, n = 20): string => (s.length > n ? `${s.slice(0, n)}…` : s);
const MAX_KEY = 128;
const key = (s: string): string => (s.length > MAX_KEY ? s.slice(0, MAX_KEY) : s);
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + toHundredths(b), 0) / 100;

/** A phrase that repeats (per occurrence, per time short, per point) can carry its own cap (累计扣分不超过N分). */
const REPEATS = new Set<ScoringMethod["kind"]>(["incidents", "count", "rate", "trend", "rectification", "occurrences"]);

/** The span from a to b when both are in the same text or cell (else a). */
const joinSpans = (a: SourceSpan, b: SourceSpan): SourceSpan =>
  a.cell?.row === b.cell?.row && a.cell?.column === b.cell?.column && b.end >= a.start ? { ...a, end: b.end } : a;

/** What the phrases of all items add to the scheme as a whole. */
interface SchemeParts {
  readonly vetoes: Veto[];
  readonly bonuses: AdjustmentCategory[];
  bonusCap: number | undefined;
  readonly diagnostics: Diagnostic[];
}

interface Built {
  methods: ScoringMethod[];
  floor?: Floor;
  points?: number;
}

/**
 * The methods, floor and adjustments of one item's phrases (internal). Vetoes and bonuses go to
 * the scheme; phrases that cannot be written into the scheme get a diagnostic.
 */
const mapPhrases = (
  item: CriteriaItem,
  phrases: readonly CriteriaPhrase[],
  at: DiagnosticPath,
  out: SchemeParts,
): Built => {
  const built: Built = { methods: [] };
  const name = item.name.length > 0 ? item.name : item.number;
  const tagOf = (p: CriteriaPhrase): string => key(p.condition !== undefined && p.condition.length > 0 ? p.condition : name.length > 0 ? name : "未写明的情形");
  // rule `distinct_tags`: clauses with no condition of their own (扣二分；扣二分, or 每发现一起…；迟报一次…) would all take
  // the item's name as their tag and count the same ledger entries twice; two 未…的扣N分 with one condition are one
  // tag twice, which readScheme refuses. The later clause takes its phrase as its tag (or a numbered one).
  const taken = new Set<string>();
  const conditionTags = new Set<string>();
  const next = new Map<string, number>(); // the next number to try for a base, so many repeats stay linear
  const fresh = (base: string, p: CriteriaPhrase, used: Set<string>): string => {
    let tag = used.has(base) ? key(p.text) : base;
    let n = next.get(base) ?? 2;
    while (used.has(tag)) tag = key(`${base.slice(0, MAX_KEY - 8)}（${n++}）`);
    next.set(base, n);
    used.add(tag);
    return tag;
  };
  const tagFor = (p: CriteriaPhrase, kind: "condition" | "incidents"): string => {
    const base = tagOf(p);
    const ownCondition = p.condition !== undefined && p.condition.length > 0;
    const clash = ownCondition ? kind === "condition" && conditionTags.has(base) : taken.has(base);
    const tag = clash ? fresh(base, p, taken) : base;
    taken.add(tag);
    if (kind === "condition") conditionTags.add(tag);
    return tag;
  };
  const note = (p: CriteriaPhrase, zh: string, en: string) =>
    out.diagnostics.push(diag("scheme_phrase_not_mapped", "warning", `“${clip(item.name)}”的评分标准“${p.text}”${zh}`, `"${clip(item.name)}": "${p.text}" ${en}`, at, toSourceSpan(p.source)));
  const push = (m: ScoringMethod, p: CriteriaPhrase) => {
    built.methods.push({ ...m, phrase: p.text, source: toSourceSpan(p.source) } as ScoringMethod);
  };
  // award ladders (有…的得3分，有…的得2分，否则得0分) become one tier method
  const awards = phrases.filter((p) => p.kind === "award" || p.kind === "award_otherwise");
  const full = awards.reduce((m, p) => Math.max(m, p.amount ?? 0), item.points ?? 0);
  let tierDone = false;
  phrases.forEach((p, k) => {
    switch (p.kind) {
      case "condition":
        push({ kind: "condition", tag: tagFor(p, "condition"), points: p.amount ?? 0 }, p);
        break;
      case "no_score":
        push({ kind: "condition", tag: tagFor(p, "condition"), points: item.points ?? full }, p);
        break;
      case "per_occurrence":
      case "late":
      case "omitted":
        push({ kind: "incidents", tag: tagFor(p, "incidents"), per: p.amount ?? 0 }, p);
        break;
      case "count_each_short":
      case "count_below": {
        if (p.target === undefined) {
          note(p, "未印出次数目标（不少于N次），未写入方案，请补充", "prints no target count (不少于N次); not written into the scheme — add it");
          break;
        }
        const metric = tagOf(p);
        const last = built.methods[built.methods.length - 1];
        // 不少于3次，每少一次扣0.5分；少于2次的扣2分 on one count: one method
        if (last?.kind === "count" && last.metric === metric && last.atLeast === p.target && (p.kind === "count_below" ? last.below === undefined : last.perShort === undefined)) {
          built.methods[built.methods.length - 1] = { ...last, ...(p.kind === "count_below" ? { below: p.amount ?? 0 } : { perShort: p.amount ?? 0 }), phrase: `${last.phrase ?? ""}；${p.text}`, ...(last.source === undefined ? {} : { source: joinSpans(last.source, toSourceSpan(p.source)) }) };
          break;
        }
        push({ kind: "count", atLeast: p.target, metric, ...(p.kind === "count_below" ? { below: p.amount ?? 0 } : { perShort: p.amount ?? 0 }) }, p);
        break;
      }
      case "rate_min":
      case "rate_max":
        push(
          {
            kind: "rate",
            metric: tagOf(p),
            bound: p.kind === "rate_min" ? "at_least" : "at_most",
            target: p.percent ?? 0,
            per: p.amount ?? 0,
            ...(p.stepPercent === undefined ? { steps: "once" as const } : p.stepPercent === 1 ? {} : { step: p.stepPercent }),
          },
          p,
        );
        break;
      case "floor":
        built.floor = p.multiple === undefined ? { kind: "zero" } : { kind: "multiple", multiple: p.multiple };
        break;
      case "deduction_cap": {
        const last = built.methods[built.methods.length - 1];
        // 累计扣分不超过N分 right after a repeating clause caps that clause; 本项限扣N分 caps the item
        if (last !== undefined && REPEATS.has(last.kind) && p.condition !== "本项") {
          built.methods[built.methods.length - 1] = { ...last, cap: p.amount ?? 0 } as ScoringMethod;
        } else built.floor = { kind: "deduction", points: p.amount ?? 0 };
        break;
      }
      case "award":
      case "award_otherwise": {
        if (tierDone) break;
        tierDone = true;
        const tierTags = new Set<string>();
        const tiers = awards
          .filter((a) => a.kind === "award_otherwise" || (a.amount ?? 0) < full)
          .map((a) => {
            const tag = fresh(a.kind === "award_otherwise" ? "其他情形" : tagOf(a), a, tierTags);
            return { tag, name: tag, deduct: a.kind === "award_otherwise" ? full : Math.round((full - (a.amount ?? 0)) * 100) / 100 };
          });
        if (tiers.length > 0) push({ kind: "tier", tiers }, p);
        else note(p, "只写了得满分的情形，其他情形得几分未写明，未写入方案，请补充", "names only the case that earns full marks; what other cases earn is not said — not written into the scheme, add it");
        if (item.points === undefined) built.points = full;
        break;
      }
      case "bonus":
        out.bonuses.push({ id: `b${out.bonuses.length + 1}`, name: tagOf(p), sign: "bonus", per: p.amount ?? 0, source: toSourceSpan(p.source) });
        break;
      case "bonus_cap": {
        const last = out.bonuses[out.bonuses.length - 1];
        const prev = phrases[k - 1];
        if (last !== undefined && prev?.kind === "bonus") out.bonuses[out.bonuses.length - 1] = { ...last, cap: p.amount ?? 0 };
        else out.bonusCap = p.amount ?? 0;
        break;
      }
      case "veto":
      case "grade_cap": {
        const id = `v${out.vetoes.length + 1}`;
        out.vetoes.push({ id, name: tagOf(p), ...(p.kind === "grade_cap" ? { below: p.grade ?? "优秀" } : {}), source: toSourceSpan(p.source) });
        break;
      }
      case undefined:
        break; // reported by the reader (criteria_phrase_unread)
      default: {
        const never: never = p.kind;
        return never;
      }
    }
  });
  return built;
};

/**
 * Criteria table → scheme draft (internal; {@link readSchemeTable} and {@link readSchemeText}).
 */
export const criteriaToScheme = (table: CriteriaTable, options: ReadSchemeOptions): ReadSchemeResult => {
  const items = table.items;
  const diagnostics: Diagnostic[] = [...table.diagnostics];
  const children: number[][] = items.map(() => []);
  items.forEach((it, i) => {
    if (it.parent !== undefined) (children[it.parent] as number[]).push(i);
  });
  // rule `unpointed_children_fold`: sub-items with no points of their own, under an item with points,
  // are the requirements of that item (连云港: 第一条（5分）'s (一)(二)); their rules are the item's rules
  const folded = new Set<number>();
  items.forEach((it, i) => {
    const kids = children[i] as number[];
    if (it.points !== undefined && kids.length > 0 && kids.every((k) => items[k]?.points === undefined && (children[k] as number[]).length === 0)) for (const k of kids) folded.add(k);
  });
  const isArea = (i: number): boolean => (children[i] as number[]).some((k) => !folded.has(k));

  const areas: Area[] = [];
  const indicators: Indicator[] = [];
  const out: SchemeParts = { vetoes: [], bonuses: [], bonusCap: undefined, diagnostics };
  const areaId = (i: number): string => `a${i + 1}`;
  let root: Area | undefined;
  const rootId = "a0";

  // an area without printed points: the sum of its parts when all have points (each item summed once)
  const summed = new Map<number, number | undefined>();
  const pointsOf = (i: number): number | undefined => {
    const it = items[i] as CriteriaItem;
    if (it.points !== undefined) return it.points;
    if (summed.has(i)) return summed.get(i);
    const kids = (children[i] as number[]).filter((k) => !folded.has(k));
    const pts = kids.map(pointsOf);
    const got = kids.length > 0 && pts.every((p) => p !== undefined) ? sum(pts as number[]) : undefined;
    summed.set(i, got);
    return got;
  };

  items.forEach((it, i) => {
    if (folded.has(i)) return;
    const path: DiagnosticPath = ["items", i];
    const at = toSourceSpan(it.source);
    const name = it.name.length > 0 ? it.name : it.number.length > 0 ? it.number : `第${i + 1}项`;
    if (it.name.length === 0) diagnostics.push(diag("scheme_name_missing", "warning", `第${i + 1}项没有名称，暂以“${name}”代替，请补充`, `Item ${i + 1} has no name; "${name}" stands in — fill it in`, path, at));
    const parent = it.parent === undefined || folded.has(it.parent) ? undefined : areaId(it.parent);
    if (isArea(i)) {
      let points = pointsOf(i);
      if (points === undefined) {
        points = 0;
        diagnostics.push(diag("scheme_points_missing", "warning", `考核内容“${clip(name)}”没有分值，暂记0分，请补充`, `Area "${clip(name)}" has no points; 0 stands in — fill it in`, [...path, "points"], at));
      }
      const own = mapPhrases(it, it.phrases, path, out);
      if (own.methods.length > 0) diagnostics.push(diag("scheme_area_rules", "warning", `考核内容“${clip(name)}”本身的评分规则未写入方案（规则应在其下的指标中）`, `Area "${clip(name)}" carries rules of its own; they are not written into the scheme`, path, at));
      areas.push({ id: areaId(i), name, points, ...(parent === undefined ? {} : { parent }), ...(own.floor === undefined ? {} : { floor: own.floor }), ...(it.office === undefined ? {} : { office: it.office }), source: toSourceSpan(it.source) });
      return;
    }
    const kids = (children[i] as number[]).filter((k) => folded.has(k)).map((k) => items[k] as CriteriaItem);
    const phrases = [...it.phrases, ...kids.flatMap((k) => k.phrases)];
    const noted = diagnostics.length;
    const built = mapPhrases(it, phrases, path, out);
    const onlyScheme = phrases.length > 0 && phrases.every((p) => p.kind === "veto" || p.kind === "grade_cap" || p.kind === "bonus" || p.kind === "bonus_cap");
    if (onlyScheme && it.points === undefined) return; // 一票否决事项 / 加分项目: scheme-wide, not an indicator
    // rules were read (so criteria_item_without_rule was not said) and none became a method, with no note on why
    if (built.methods.length === 0 && phrases.some((p) => p.kind !== undefined) && diagnostics.length === noted) {
      diagnostics.push(diag("scheme_indicator_without_method", "warning", `指标“${clip(name)}”的评分标准只有扣分上下限、加分或否决，没有扣分方法，请补充`, `Indicator "${clip(name)}": its rules give only bounds, bonuses or vetoes, no way to deduct — add one`, [...path, "phrases"], at));
    }
    let points = it.points ?? built.points;
    let floor = built.floor;
    if (points === undefined) {
      let up = it.parent;
      while (up !== undefined && items[up]?.points === undefined) up = items[up]?.parent;
      if (up === undefined && built.methods.length > 0) {
        // rule `negative_list`: deductions with no points anywhere above them count against the whole score
        points = 0;
        floor ??= { kind: "none" };
        diagnostics.push(diag("scheme_negative_list", "info", `“${clip(name)}”没有分值，按负面清单处理（0分指标，只扣分）`, `"${clip(name)}" has no points: a negative-list item (0 points, deductions only)`, [...path, "points"], at));
      } else {
        points = 0;
        diagnostics.push(diag("scheme_points_missing", "warning", `指标“${clip(name)}”没有分值，暂记0分，请补充`, `Indicator "${clip(name)}" has no points; 0 stands in — fill it in`, [...path, "points"], at));
      }
    }
    let area = parent;
    if (area === undefined) {
      root ??= { id: rootId, name: table.title ?? options.title ?? "考核内容", points: 0 };
      area = rootId;
    }
    const rule = phrases.map((p) => p.text).join("；");
    indicators.push({
      id: `i${i + 1}`,
      name,
      area,
      points,
      ...(floor === undefined ? {} : { floor }),
      ...(it.office === undefined ? {} : { office: it.office }),
      appliesTo: {},
      methods: built.methods,
      ...(rule.length === 0 ? {} : { rule }),
      source: toSourceSpan(it.source),
    });
  });
  if (root !== undefined) {
    const r: Area = root;
    r.points = sum(indicators.filter((x) => x.area === rootId).map((x) => x.points));
    areas.unshift(r);
  }
  // an area's printed points against what its parts add up to in the draft, where the table's check could not
  // tell (parts without printed points count as the draft counts them)
  const within = new Map<string, number>();
  for (const x of [...areas.map((a) => ({ up: a.parent, points: a.points })), ...indicators.map((x) => ({ up: x.area, points: x.points }))]) {
    if (x.up !== undefined) within.set(x.up, (within.get(x.up) ?? 0) + toHundredths(x.points));
  }
  const warned = new Set(diagnostics.filter((d) => d.code === "criteria_points_mismatch").map((d) => d.path[1]));
  items.forEach((it, i) => {
    const got = within.get(areaId(i));
    if (it.points === undefined || got === undefined || got === toHundredths(it.points) || warned.has(i)) return;
    diagnostics.push(diag("scheme_points_mismatch", "warning", `考核内容“${clip(it.name)}”的分值为${formatPoints(toHundredths(it.points))}分，方案中其下各项合计${formatPoints(got)}分`, `Area "${clip(it.name)}" declares ${formatPoints(toHundredths(it.points))} points; its parts in the draft add up to ${formatPoints(got)}`, ["items", i, "points"], toSourceSpan(it.pointsSource ?? it.source)));
  });

  const top = areas.filter((a) => a.parent === undefined);
  const total = options.total ?? table.total ?? sum(top.map((a) => a.points));
  if (!(total > 0)) {
    diagnostics.push(diag("scheme_total_missing", "warning", "表格没有印出总分，各项也没有分值（如只扣分的负面清单），请在选项或方案中补充 total", "No total is printed and no item has points (a negative list, say): give the total (options.total)", ["total"]));
  }
  const title = options.title ?? table.title;
  if (title === undefined) diagnostics.push(diag("scheme_title_missing", "warning", "表格中没有可认出的标题，请在选项或方案中补充 title", "No title found in the table; give one (options.title)", ["title"]));
  if (options.grades === undefined || options.lowestGrade === undefined) {
    diagnostics.push(diag("scheme_grades_missing", "warning", "考核细则表没有写等次分数线，请补充 grades 和 lowestGrade（如 优秀≥90、良好≥80、合格≥60、不合格）", "The table prints no grade bands: add grades and lowestGrade", ["grades"]));
  }
  if (indicators.length === 0) diagnostics.push(diag("scheme_no_indicators", "warning", "表格中没有能写成考核指标的项目（有分值或扣分规则的项目），请补充", "No item could become an indicator (an item with points or deductions): add them", ["indicators"]));
  if (indicators.length > 0) diagnostics.push(diag("scheme_applies_to_all", "info", "表格未写明各指标适用的单位：appliesTo 为空，即适用于全部单位，请按需要补充", "The table does not say which units each indicator applies to: appliesTo is empty (every unit)", ["indicators"]));
  const adjustments = out.bonuses.length === 0 && out.bonusCap === undefined ? undefined : { ...(out.bonusCap === undefined ? {} : { cap: out.bonusCap }), categories: out.bonuses };
  const scheme = {
    id: options.id ?? "scheme",
    title: title ?? "",
    ...(options.year === undefined ? {} : { year: options.year }),
    total,
    areas,
    indicators,
    ...(adjustments === undefined ? {} : { adjustments }),
    ...(out.vetoes.length === 0 ? {} : { vetoes: out.vetoes }),
    grades: options.grades ?? [],
    lowestGrade: options.lowestGrade ?? "",
  } as ScoringScheme;
  return deepFreeze({ scheme, diagnostics, table });
};

/**
 * 把考核细则表格（Word、Excel、CSV 的各行）读成考核方案草稿：各级考核项目成为考核内容和指标，每条评分标准成为评分方法、
 * 扣分下限、累计上限、加分类别或一票否决，并记下来历；读不懂或表格没写的（等次、适用单位、次数目标……）都在诊断中列出。
 * 诊断处理完后，草稿即可通过 `readScheme`。对任何输入都不抛出异常。
 * Read the rows of a criteria table into a draft scheme: items become areas and indicators, each
 * phrase of a 评分标准 a method, a floor, a cap, a bonus category or a veto, with its source; what
 * the phrasing does not say (grade bands, who is assessed, a target count) or what could not be
 * read is listed in the diagnostics. Once they are resolved the draft passes `readScheme`.
 * Never throws.
 *
 * @category Criteria
 * @example
 * const { scheme, diagnostics } = readSchemeTable(
 *   [
 *     ["序号", "考核内容", "分值", "评分标准"],
 *     ["一", "组织领导", "5", ""],
 *     ["1", "制定年度工作计划", "2", "未制定年度计划的扣2分"],
 *     ["2", "专题研究法治建设", "3", "每年不少于2次，每少一次扣1.5分"],
 *   ],
 *   { title: "某县法治政府建设考核细则", grades: [{ name: "优秀", min: 90 }], lowestGrade: "不合格" },
 * );
 * scheme.indicators.map((i) => i.methods[0]?.kind);
 * //=> ["condition", "count"]
 * readScheme(scheme).ok;
 * //=> true
 */
export const readSchemeTable = (rows: readonly (readonly string[])[], options: ReadSchemeOptions = {}): ReadSchemeResult => {
  const o = optionsOrEmpty(options);
  return guarded(() => criteriaToScheme(readCriteriaTable(rows, o), o));
};

/**
 * 把复制出来的考核细则文字读成考核方案草稿（见 {@link readSchemeTable}）。Read criteria copied as text
 * (a web page, a PDF, a flattened Word table) into a draft scheme; see {@link readSchemeTable}.
 *
 * @category Criteria
 * @example
 * const { scheme } = readSchemeText("一、组织领导（5分）\n1.制定年度工作计划（2分）考核：未制定的扣2分。\n2.按时报送总结（3分）考核：迟报一次扣1分，扣完为止。");
 * scheme.indicators.map((i) => [i.name, i.points, i.methods.map((m) => m.kind), i.floor?.kind]);
 * //=> [["制定年度工作计划", 2, ["condition"], undefined], ["按时报送总结", 3, ["incidents"], "zero"]]
 */
export const readSchemeText = (text: string, options: ReadSchemeOptions = {}): ReadSchemeResult => {
  const o = optionsOrEmpty(options);
  return guarded(() => criteriaToScheme(readCriteriaText(text, o), o));
};

/** Options that are not an object are ignored, as the criteria readers do. */
const optionsOrEmpty = (options: unknown): ReadSchemeOptions => (typeof options === "object" && options !== null && !Array.isArray(options) ? (options as ReadSchemeOptions) : {});

/** Readers never throw: an internal error is a diagnostic beside an empty draft. */
const guarded = (read: () => ReadSchemeResult): ReadSchemeResult => {
  try {
    return read();
  } catch (error) {
    const diagnostics = [diag("internal_error", "error", `读取考核细则时发生内部错误：${String(error)}`, `Internal error while reading criteria: ${String(error)}`)];
    const scheme = { id: "scheme", title: "", total: 0, areas: [], indicators: [], grades: [], lowestGrade: "" } as unknown as ScoringScheme;
    return deepFreeze({ scheme, diagnostics, table: { items: [], diagnostics } });
  }
};

// ---- writing ----

/** The phrases of one method, in the table's phrasing; undefined for what a criteria table cannot say. */
const phrasesOf = (m: ScoringMethod, points: number): PhraseSpec[] | undefined => {
  const cap = (ps: PhraseSpec[]): PhraseSpec[] => ("cap" in m && m.cap !== undefined ? [...ps, { kind: "deduction_cap", amount: m.cap }] : ps);
  switch (m.kind) {
    case "condition":
      return [{ kind: "condition", amount: m.points, condition: m.tag }];
    case "incidents":
      return cap([{ kind: "per_occurrence", amount: m.per, condition: m.tag }]);
    case "count": {
      if (m.metric === undefined) return undefined;
      const out: PhraseSpec[] = [];
      if (m.perShort !== undefined) out.push({ kind: "count_each_short", amount: m.perShort, target: m.atLeast, condition: m.metric });
      if (m.below !== undefined) out.push({ kind: "count_below", amount: m.below, target: m.atLeast, condition: m.metric });
      return cap(out);
    }
    case "rate": {
      if (m.metric === undefined || typeof m.target !== "number" || m.percent === false || m.rounding !== undefined || m.steps === "whole" || m.steps === "started") return undefined;
      const kind = m.bound === "at_least" ? "rate_min" : "rate_max";
      const step = m.steps === "once" ? {} : { stepPercent: m.step ?? 1 };
      return cap([{ kind, amount: m.per, percent: m.target, condition: m.metric, ...step }]);
    }
    case "tier":
      // an award ladder: 有…的得N分 (a tier that takes more than the item's points cannot be said so)
      return m.tiers.every((t) => t.deduct > 0 && t.deduct <= points) ? m.tiers.map((t) => ({ kind: "award" as const, amount: Math.round((points - t.deduct) * 100) / 100, condition: t.tag })) : undefined;
    case "occurrences":
    case "trend":
    case "rectification":
      return undefined;
    default: {
      const never: never = m;
      return never;
    }
  }
};

/** How a clause a table cannot say is named in the table (it reads back as not understood, never as something else). */
const UNWRITABLE_ZH: Readonly<Record<ScoringMethod["kind"], string>> = {
  occurrences: "按工作安排的时间节点评分",
  trend: "按与上年相比的变化评分",
  rectification: "按督察问题整改情况评分",
  count: "按完成记录计次数评分",
  rate: "按比率评分（基准、分子分母、取整或分档方式见方案）",
  condition: "",
  incidents: "",
  tier: "按最重的一种情形扣分（扣分超过本项分值，或本项已有一组）",
};

/** The text written for a clause a table cannot say: a note the phrase rules do not read. */
export const unwritableNote = (m: ScoringMethod): string => `〔${UNWRITABLE_ZH[m.kind]}，见方案〕`;

/**
 * 把考核方案写成考核细则表格（序号 | 考核内容 | 分值 | 评分标准 | 评分单位），评分标准用表格通常的写法
 * （“未制定年度计划的扣2分”“每少一次扣0.5分”“扣完为止”……）；一票否决事项和加分项目写在最后两行。
 * 表格说不了的（工作安排的时间节点、趋势、整改、基准比率、适用单位、等次）不写入表格，由方案 JSON 保存。
 * Write a scheme as a criteria table (序号 | 考核内容 | 分值 | 评分标准 | 评分单位) in the tables'
 * phrasing; vetoes and bonuses go in two rows at the end. What a table cannot say (plan
 * occurrences, trends, rectification, benchmark rates, who is assessed, grade bands) stays in the
 * scheme's JSON. Reading the table back gives the same areas, indicators, methods, floors,
 * vetoes and bonuses.
 *
 * @category Criteria
 * @example
 * schemeToTable(scheme)[1];
 * //=> ["一", "组织领导", "5", "", ""]
 */
export const schemeToTable = (scheme: ScoringScheme): string[][] => {
  argument("schemeToTable", "scheme", ScoringScheme, scheme);
  const items: Array<{ name: string; level: number; points?: number; office?: string; phrases: PhraseSpec[] }> = [];
  const kidsOf = new Map<string | undefined, Area[]>();
  const areaIds = new Set(scheme.areas.map((a) => a.id));
  for (const a of scheme.areas) {
    const p = a.parent !== undefined && areaIds.has(a.parent) ? a.parent : undefined;
    kidsOf.set(p, [...(kidsOf.get(p) ?? []), a]);
  }
  const indicatorsOf = new Map<string, Indicator[]>();
  for (const ind of scheme.indicators) indicatorsOf.set(ind.area, [...(indicatorsOf.get(ind.area) ?? []), ind]);
  const floorPhrase = (f: Floor | undefined): PhraseSpec[] =>
    f === undefined || f.kind === "none" ? [] : f.kind === "zero" ? [{ kind: "floor" }] : f.kind === "multiple" ? [{ kind: "floor", multiple: f.multiple }] : [{ kind: "deduction_cap", amount: f.points, condition: "本项" }];
  const seen = new Set<string>();
  const walk = (area: Area, level: number) => {
    if (seen.has(area.id)) return;
    seen.add(area.id);
    items.push({ name: area.name, level, points: area.points, ...(area.office === undefined ? {} : { office: area.office }), phrases: floorPhrase(area.floor) });
    for (const ind of indicatorsOf.get(area.id) ?? []) {
      // one award ladder per item: a second tier of an indicator cannot be told apart from the first
      const firstTier = ind.methods.findIndex((m) => m.kind === "tier");
      const phrases = ind.methods.flatMap((m, k) => (m.kind === "tier" && k !== firstTier ? undefined : phrasesOf(m, ind.points)) ?? [{ kind: "note" as const, text: unwritableNote(m) }]);
      items.push({ name: ind.name, level: level + 1, ...(ind.points === 0 && ind.floor?.kind !== undefined && ind.floor.kind !== "zero" && ind.floor.kind !== "multiple" ? {} : { points: ind.points }), ...(ind.office === undefined ? {} : { office: ind.office }), phrases: [...phrases, ...floorPhrase(ind.floor)] });
    }
    for (const k of kidsOf.get(area.id) ?? []) walk(k, level + 1);
  };
  for (const a of kidsOf.get(undefined) ?? []) walk(a, 1);
  if ((scheme.vetoes ?? []).length > 0) {
    items.push({ name: "一票否决事项", level: 1, phrases: (scheme.vetoes ?? []).map((v) => (v.below === undefined ? { kind: "veto" as const, condition: v.name } : { kind: "grade_cap" as const, condition: v.name, grade: v.below })) });
  }
  const categories = scheme.adjustments?.categories ?? [];
  const bonuses = categories.filter((c) => c.sign !== "penalty");
  const penalties = categories.filter((c) => c.sign === "penalty");
  if (bonuses.length > 0 || scheme.adjustments?.cap !== undefined) {
    items.push({
      name: "加分项目",
      level: 1,
      phrases: [
        ...(scheme.adjustments?.cap === undefined ? [] : [{ kind: "bonus_cap" as const, amount: scheme.adjustments.cap }]),
        ...bonuses.flatMap((c): PhraseSpec[] => [{ kind: "bonus", amount: c.per, condition: c.name }, ...(c.cap === undefined ? [] : [{ kind: "bonus_cap" as const, amount: c.cap }])]),
      ],
    });
  }
  if (penalties.length > 0) {
    // 减分类别 are counted apart from the items (in or after normalisation): named, not phrased as a rule
    items.push({ name: "减分项目", level: 1, phrases: penalties.map((c) => ({ kind: "note" as const, text: `〔减分项：${c.name}，每次${formatPoints(toHundredths(c.per))}分${c.cap === undefined ? "" : `，最多${formatPoints(toHundredths(c.cap))}分`}，见方案〕` })) });
  }
  return criteriaToRows(items);
};
