import { type Diagnostic, type DiagnosticPath, diag } from "../model/diagnostic.js";
import { argument } from "../model/guard.js";
import { Ledger } from "../model/ledger.js";
import { ScoringScheme } from "../model/scoring.js";
import { closestWord } from "../text/distance.js";

/** The closest known key, if close enough to be a likely misspelling (fixed order: no locale). */
const suggester = (known: ReadonlySet<string>) => {
  const memo = new Map<string, string | undefined>();
  const sorted = [...known].sort();
  return (value: string): string | undefined => {
    if (memo.has(value)) return memo.get(value);
    // Fewer than ⌊length / 3⌋ + 1 edits away (at least one edit allowed); long values suggest nothing.
    const best = value.length <= 64 ? closestWord(value, sorted, Math.max(1, Math.floor(value.length / 3)) + 1) : undefined;
    memo.set(value, best);
    return best;
  };
};

const hint = (s: string | undefined): [string, string] => (s === undefined ? ["", ""] : [`，是否应为“${s}”？`, ` Did you mean "${s}"?`]);

/**
 * 对照考核方案检查台账，什么都不悄悄忽略：没有任何指标使用的问题类别（`tag`）、写错的表彰类别、用名称而不是编号
 * 报送的一票否决、方案不认识的一票否决、没有指标使用的指标数值、超出0–100%的比率、缺少佐证的表彰、没有整改
 * 指标时的督察问题，各给出一条 warning，路径指向该条记录的字段，能猜到时提示正确的写法。
 *
 * Check a ledger against a scheme so that nothing is silently ignored: an incident tag no clause
 * uses, a misspelt award category, a veto given by name instead of id or unknown to the scheme, a
 * metric nothing reads, a rate outside 0–100%, an award without the evidence its category
 * requires, inspection problems with no rectification indicator — each a coded warning at the
 * entry's path, with the likely intended key when one is close.
 *
 * @category Scoring
 * @example
 * checkLedgerAgainstScheme(ledger, scheme).map((d) => `${d.path.join(".")} ${d.message}`);
 */
export const checkLedgerAgainstScheme = (ledger: Ledger, scheme: ScoringScheme): Diagnostic[] => {
  argument("checkLedgerAgainstScheme", "ledger", Ledger, ledger);
  argument("checkLedgerAgainstScheme", "scheme", ScoringScheme, scheme);
  const tags = new Set<string>();
  const metrics = new Set<string>();
  const percents = new Set<string>();
  let problems = false;
  for (const ind of scheme.indicators) {
    for (const m of ind.methods) {
      switch (m.kind) {
        case "incidents":
        case "condition":
          tags.add(m.tag);
          break;
        case "tier":
          for (const t of m.tiers) tags.add(t.tag);
          break;
        case "count":
          if (m.metric !== undefined) metrics.add(m.metric);
          break;
        case "rate":
          if (m.metric !== undefined) {
            metrics.add(m.metric);
            if (m.percent !== false) percents.add(m.metric);
          }
          if (m.ratio !== undefined) for (const x of [m.ratio.numerator, m.ratio.denominator]) metrics.add(x);
          if (typeof m.target !== "number") metrics.add(m.target.benchmark);
          break;
        case "trend":
          for (const x of m.metrics) metrics.add(x);
          break;
        case "rectification":
          problems = true;
          break;
        case "occurrences":
          break;
        default: {
          const never: never = m;
          return never;
        }
      }
    }
  }
  const categories = new Map<string, boolean>();
  for (const c of scheme.adjustments?.categories ?? []) {
    if (c.sign === "penalty") tags.add(c.id);
    else categories.set(c.id, c.requiresEvidence === true);
  }
  const vetoIds = new Set((scheme.vetoes ?? []).map((v) => v.id));
  const vetoByName = new Map((scheme.vetoes ?? []).map((v) => [v.name, v.id]));
  const suggestTag = suggester(tags);
  const suggestCategory = suggester(new Set(categories.keys()));
  const suggestMetric = suggester(metrics);
  const suggestVeto = suggester(vetoIds);

  const out: Diagnostic[] = [];
  const warn = (code: string, zh: string, en: string, path: DiagnosticPath) => out.push(diag(code, "warning", zh, en, path));
  ledger.entries.forEach((e, i) => {
    const at = (field: string): DiagnosticPath => ["entries", i, field];
    switch (e.kind) {
      case "incident": {
        if (tags.has(e.tag)) break;
        const [zh, en] = hint(suggestTag(e.tag));
        warn("unused_tag", `记录“${e.id}”的问题类别“${e.tag}”没有任何评分标准使用，不会扣分${zh}`, `Entry "${e.id}": no clause uses tag "${e.tag}"; it scores nothing.${en}`, at("tag"));
        break;
      }
      case "award": {
        const needsEvidence = categories.get(e.category);
        if (needsEvidence === undefined) {
          const [zh, en] = hint(suggestCategory(e.category));
          warn("unknown_award_category", `记录“${e.id}”的表彰类别“${e.category}”不在方案的加分类别中，不会加分${zh}`, `Entry "${e.id}": award category "${e.category}" is not in the scheme; no bonus.${en}`, at("category"));
        } else if (needsEvidence && (e.evidence === undefined || e.evidence.length === 0)) {
          warn("award_without_evidence", `记录“${e.id}”的表彰没有表彰文件等佐证，按方案不加分`, `Entry "${e.id}": the award has no evidence, which its category requires; no bonus`, at("evidence"));
        }
        break;
      }
      case "veto": {
        if (vetoIds.has(e.vetoId)) break;
        const id = vetoByName.get(e.vetoId);
        if (id !== undefined) warn("veto_by_name", `记录“${e.id}”用一票否决事项的名称“${e.vetoId}”报送，应写编号“${id}”；按现在的写法不会生效`, `Entry "${e.id}" gives the veto by name "${e.vetoId}"; use its id "${id}" (as written it has no effect)`, at("vetoId"));
        else {
          const [zh, en] = hint(suggestVeto(e.vetoId));
          warn("unknown_veto", `记录“${e.id}”的一票否决事项“${e.vetoId}”不在方案中，不会生效${zh}`, `Entry "${e.id}": veto "${e.vetoId}" is not in the scheme; no effect.${en}`, at("vetoId"));
        }
        break;
      }
      case "measure": {
        if (!metrics.has(e.metric)) {
          const [zh, en] = hint(suggestMetric(e.metric));
          warn("unused_metric", `记录“${e.id}”的指标数值“${e.metric}”没有任何评分标准使用${zh}`, `Entry "${e.id}": no clause reads metric "${e.metric}".${en}`, at("metric"));
        } else if (percents.has(e.metric) && (e.value < 0 || e.value > 100)) {
          warn("rate_out_of_range", `记录“${e.id}”的“${e.metric}”为${e.value}%，不在0–100%之间`, `Entry "${e.id}": "${e.metric}" is ${e.value}%, outside 0–100%`, at("value"));
        }
        break;
      }
      case "problem":
      case "rectified":
        if (!problems) warn("unused_fact", `记录“${e.id}”是督察问题或整改，但方案没有整改类指标`, `Entry "${e.id}" is an inspection problem or rectification, but no indicator scores them`, at("kind"));
        break;
      case "done":
      case "progress":
      case "held":
        break;
      default: {
        const never: never = e;
        return never;
      }
    }
  });
  return out;
};
