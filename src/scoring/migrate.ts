import { type Diagnostic, type DiagnosticPath, diag } from "../model/diagnostic.js";

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * 把旧格式（fazhi 0.1）的考核方案改写为当前格式，并为每处改写给出一条提示（`scheme_migrated`，info）：
 * 指标的单个 `method` 改为 `methods` 列表；`rate` 的 `target`/`perPoint` 改为 `bound`/`target`/`per`（现按精确
 * 小数、四舍五入计算）；`trend` 的 `perMetric` 改为 `when: "not_fell"`（未下降即扣）和 `per`；`bonus` 改为
 * `adjustments`（折算后加分，与原来相同）。当前格式的方案原样返回，没有提示。不可信输入也不会抛出。
 *
 * Rewrite a scheme written for fazhi 0.1 into the current format, with one notice per change
 * (`scheme_migrated`, severity info): an indicator's single `method` becomes `methods`; `rate`'s
 * `target`/`perPoint` become `bound`/`target`/`per` (now exact decimals, rounded half up);
 * `trend`'s `perMetric` becomes `when: "not_fell"` and `per`; `bonus` becomes `adjustments`
 * (added after normalisation, as before). A current scheme comes back unchanged with no notices.
 * Never throws, whatever the input.
 *
 * @category Scoring
 * @example
 * const { scheme, notices } = migrateScheme(JSON.parse(oldSchemeText));
 * notices.map((d) => d.code);
 * //=> ["scheme_migrated", …]
 */
export const migrateScheme = (input: unknown): { scheme: unknown; notices: Diagnostic[] } => {
  if (!isObject(input)) return { scheme: input, notices: [] };
  // One notice per kind of change (not one per indicator), at the first place it was made.
  const changes = new Map<string, { path: DiagnosticPath; zh: string; en: string; count: number }>();
  const note = (path: DiagnosticPath, zh: string, en: string) => {
    const c = changes.get(zh);
    if (c === undefined) changes.set(zh, { path, zh, en, count: 1 });
    else c.count += 1;
  };
  const notices = (): Diagnostic[] =>
    [...changes.values()].map((c) => diag("scheme_migrated", "info", `已按新格式改写：${c.zh}${c.count > 1 ? `（共${c.count}处）` : ""}`, `Migrated to the current format: ${c.en}${c.count > 1 ? ` (${c.count} places)` : ""}`, c.path));
  const out: Json = { ...input };
  if (Array.isArray(input.indicators)) {
    out.indicators = input.indicators.map((ind: unknown, i) => {
      if (!isObject(ind) || !("method" in ind) || "methods" in ind) return ind;
      const { method, ...rest } = ind;
      note(["indicators", i, "method"], "单个评分方法 method 改为评分方法列表 methods", "the single method became the list methods");
      return { ...rest, methods: [migrateMethod(method, ["indicators", i, "methods", 0], note)] };
    });
  }
  if ("bonus" in input && !("adjustments" in input)) {
    const { bonus, ...rest } = out;
    note(["bonus"], "加分 bonus 改为加减分 adjustments（折算后加分，与原来相同）", "bonus became adjustments (added after normalisation, as before)");
    if (isObject(bonus)) {
      const { categories, ...caps } = bonus;
      return { scheme: { ...rest, adjustments: { ...caps, categories } }, notices: notices() };
    }
    return { scheme: { ...rest, adjustments: bonus }, notices: notices() };
  }
  return { scheme: out, notices: notices() };
};

const migrateMethod = (m: unknown, path: DiagnosticPath, note: (path: DiagnosticPath, zh: string, en: string) => void): unknown => {
  if (!isObject(m)) return m;
  if (m.kind === "rate" && "perPoint" in m && !("bound" in m)) {
    const { perPoint, ...rest } = m;
    note(path, "比率 rate 的 perPoint 改为 bound: \"at_least\" 和 per（每低一个百分点扣分，按精确小数计算、四舍五入）", "rate's perPoint became bound \"at_least\" and per (exact decimals, rounded half up)");
    return { ...rest, bound: "at_least", per: perPoint };
  }
  if (m.kind === "trend" && "perMetric" in m && !("when" in m)) {
    const { perMetric, ...rest } = m;
    note(path, "趋势 trend 的 perMetric 改为 when: \"not_fell\"（未下降即扣分）和 per", "trend's perMetric became when \"not_fell\" and per");
    return { ...rest, when: "not_fell", per: perMetric };
  }
  return m;
};
