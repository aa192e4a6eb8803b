// The phrase rules: each a small named function that reads one phrase of a 评分标准 or declines.
// They run in order; the first that reads the phrase wins. Each is tested alone
// (test/scoring/criteria/phrase-rules.test.ts).
import { AMOUNT, readAmount } from "./numbers.js";
import type { CriteriaPhrase, CriteriaRuleKind } from "./types.js";

/**
 * 短语规则读出的内容：数字和情形。What a phrase rule read: the numbers and the condition it names.
 * @category Criteria
 * @example
 * const fields: PhraseFields = { amount: 2, condition: "未制定年度计划" };
 */
export type PhraseFields = Omit<CriteriaPhrase, "text" | "kind" | "rule" | "source">;

/**
 * 短语规则可参考的上下文：该项的考核内容和前面的短语。What a rule may look at besides the phrase:
 * the item's own text (targets such as 不少于3次 are printed there) and the phrases before it.
 * @category Criteria
 * @example
 * const context: PhraseContext = { item: "全年专题研究不少于3次", previous: [] };
 */
export interface PhraseContext {
  /** The item's name / content (targets such as 不少于3次 and 不低于95% are often printed there). */
  readonly item: string;
  /** The phrases of the same 评分标准 before this one, as read. */
  readonly previous: readonly CriteriaPhrase[];
}

/**
 * 一条短语规则：名称、种类和读取函数（读不懂时返回 `undefined`）。短语已规范化：无空格，标点为全角。
 * A phrase rule: its name, the kind it reads, and a function that reads a phrase (normalised: no
 * spaces, full-width punctuation) or declines with `undefined`.
 * @category Criteria
 * @example
 * const warning: PhraseRule = {
 *   name: "warning_one_point", kind: "condition",
 *   read: (phrase) => (phrase.endsWith("予以警告") ? { amount: 1, condition: phrase.slice(0, -4) } : undefined),
 * };
 * readCriteriaPhrases("台账不全的，予以警告", { rules: [warning, ...PHRASE_RULES] }).phrases[0]?.amount;
 * //=> 1
 */
export interface PhraseRule {
  /** 规则名（唯一）。The rule's name (unique). */
  readonly name: string;
  /** 读出的种类。The kind it reads. */
  readonly kind: CriteriaRuleKind;
  /** 读一个短语；读不懂时返回 `undefined`。Read a phrase, or decline with `undefined`. */
  readonly read: (phrase: string, context: PhraseContext) => PhraseFields | undefined;
}

const N = `(${AMOUNT})`;
const PCT = `(\\d{1,3}(?:\\.\\d{1,2})?)[%％]`;
/** A counter word after 每/一: 起 件 次 例 … */
const COUNTER = "(?:人次|问题点|起|件|次|例|条|处|个|宗|项|卷|份|篇|家|单|宗|人)";
/** The points word, possibly with 扣除/扣减. */
const DEDUCT = "(?:扣除|扣减|扣|减)";

const amountOf = (m: RegExpExecArray | null, group: number): number | undefined => (m === null ? undefined : readAmount(m[group] ?? ""));

/** The condition a phrase names: the text before its consequence, without a trailing 的 or comma. */
const conditionBefore = (phrase: string, index: number): string => phrase.slice(0, index).replace(/[，、：]+$/, "").replace(/(?:的|者)$/, "").replace(/[，、]+$/, "");

/** `{ amount, condition }` of a phrase whose match `m` names an amount after its condition; nothing when the amount is no number. */
const amountAfter = (p: string, m: RegExpExecArray | null, amount: (m: RegExpExecArray) => number | undefined = (x) => amountOf(x, 1)): PhraseFields | undefined => {
  if (m === null) return undefined;
  const a = amount(m);
  return a === undefined ? undefined : { amount: a, condition: conditionBefore(p, m.index) };
};

/** The fact a count or rate phrase is about, without its target (专题学法不少于6次 → 专题学法, 结案率低于90% → 结案率). */
const factBefore = (phrase: string, index: number): string =>
  conditionBefore(phrase, index)
    .replace(new RegExp(`(?:每年|全年|年内)?(?:不少于|不低于|至少|低于|高于|不高于|超过|达到|达)${AMOUNT}(?:[%％]|次|项|篇|条|个|期|人|场|件|份|天)?$`), "")
    .replace(/[，、]+$/, "");

/** A phrase too long to be one rule is not read (the regexes below stay linear, and meaning is doubtful). */
const MAX_PHRASE = 400;

const tail = (re: RegExp) => (phrase: string): RegExpExecArray | null => (phrase.length > MAX_PHRASE ? null : re.exec(phrase));

// ---- floors and caps ----

const FLOOR_MULTIPLE = tail(new RegExp(`扣完(?:本项|该项)?(?:标准分|分值|基本分)?的?${N}倍为止$`));
const FLOOR = tail(/^(?:(?:本项|该项)?分值)?(?:以|直至|直到)?(?:扣完(?:本项|该项)?(?:标准分|分值)?为止|扣完[\d.]+分为止|(?:本项|该项)?(?:分值)?扣完(?:为止)?)$/);

const floorRule: PhraseRule = {
  name: "floor",
  kind: "floor",
  read: (p) => {
    const m = FLOOR_MULTIPLE(p);
    if (m !== null) {
      const multiple = amountOf(m, 1);
      return multiple === undefined ? undefined : { multiple };
    }
    return FLOOR(p) === null ? undefined : {};
  },
};

const DEDUCTION_CAP = tail(new RegExp(`^(?:(?:本项|该项|此项)?(?:累计|合计)?(?:扣分)?(?:累计|合计)?(?:不超过|最多|最高|以)${N}分(?:为限)?|(?:本项|该项|此项)?(?:最多|最高)?限扣${N}分|(?:本项|该项)?(?:最多|最高)扣${N}分)$`));

/** 累计不超过N分 after a bonus caps the bonus; elsewhere it caps deductions. */
const afterBonus = (context: PhraseContext): boolean => {
  const last = context.previous[context.previous.length - 1];
  return last !== undefined && (last.kind === "bonus" || last.kind === "bonus_cap");
};

const deductionCapRule: PhraseRule = {
  name: "deduction_cap",
  kind: "deduction_cap",
  read: (p, context) => {
    const m = DEDUCTION_CAP(p);
    if (m === null) return undefined;
    if (!p.includes("扣") && afterBonus(context)) return undefined;
    const amount = amountOf(m, 1) ?? amountOf(m, 2) ?? amountOf(m, 3);
    // 本项限扣5分 caps the whole item; 累计扣分不超过1.2分 may cap only the clause before it
    return amount === undefined ? undefined : /本项|该项|此项|限扣/.test(p) ? { amount, condition: "本项" } : { amount };
  },
};

const BONUS_CAP = tail(new RegExp(`(?:(?:最高|最多)(?:可)?加${N}分|加分(?:累计|合计)?(?:不超过|最多|最高)${N}分|^(?:累计|合计)(?:加分)?(?:不超过|最多|最高)${N}分)$`));

const bonusCapRule: PhraseRule = {
  name: "bonus_cap",
  kind: "bonus_cap",
  read: (p, context) => {
    const m = BONUS_CAP(p);
    if (m === null) return undefined;
    if (m[3] !== undefined && !afterBonus(context)) return undefined;
    const amount = amountOf(m, 1) ?? amountOf(m, 2) ?? amountOf(m, 3);
    return amount === undefined ? undefined : { amount };
  },
};

// ---- vetoes and grade caps ----

const VETO = tail(/(?:一票否决(?:制)?|(?:即|直接)?(?:为|视为|认定为)[^，；。]{0,30}(?:目标|任务)未完成|(?:考核|年度考核)?(?:结果|等次)?(?:直接)?(?:定|评|确定|认定)为不合格(?:等次)?)$/);

const vetoRule: PhraseRule = {
  name: "veto",
  kind: "veto",
  read: (p) => {
    const m = VETO(p);
    return m === null ? undefined : { condition: conditionBefore(p, m.index).replace(/(?:实行|予以|实施|执行|给予|即|发生一起|一经发现)+$/, "").replace(/[，、]+$/, "").replace(/(?:的|者)$/, "") };
  },
};

const GRADE_CAP = tail(/不(?:得|能|予)(?:评为|评定为|定为|确定为|评)(优秀|良好|先进|合格|较好|好)(?:等次|等级|单位)?$/);

const gradeCapRule: PhraseRule = {
  name: "grade_cap",
  kind: "grade_cap",
  read: (p) => {
    const m = GRADE_CAP(p);
    return m === null ? undefined : { grade: m[1] as string, condition: conditionBefore(p, m.index) };
  },
};

// ---- lateness and omissions (per instance) ----

const PER_INSTANCE = new RegExp(`(?:(?:每|一|1)${COUNTER}|每)${DEDUCT}${N}分$|${DEDUCT}${N}分/${COUNTER}$`);
const perInstance = tail(PER_INSTANCE);
const instanceAmount = (m: RegExpExecArray): number | undefined => amountOf(m, 1) ?? amountOf(m, 2);

const LATE_WORD = /迟报|逾期|超期|超时|未按时|未及时|延期|延迟|推迟|滞后/;
/** 提前或超期 is about timing both ways, not lateness. */
const BOTH_WAYS = /(?:提前|过早)或(?:超期|逾期|迟报)|(?:超期|逾期)或(?:提前|过早)/;

const lateRule: PhraseRule = {
  name: "late",
  kind: "late",
  read: (p) => (!LATE_WORD.test(p) || BOTH_WAYS.test(p) ? undefined : amountAfter(p, perInstance(p), instanceAmount)),
};

const OMITTED_WORD = /漏报|缺报|未报送|未上报|未报/;

const omittedRule: PhraseRule = {
  name: "omitted",
  kind: "omitted",
  read: (p) => (OMITTED_WORD.test(p) ? amountAfter(p, perInstance(p), instanceAmount) : undefined),
};

// ---- counts ----

const EACH_SHORT = tail(new RegExp(`(?:每|^)?少(?:报送|报|开展|召开|组织|完成|提交|上报|发布|举办)?(?:一|1)(人次|次|项|篇|条|个|期|人|场|件|份|天)[，]?${DEDUCT}${N}分$`));

/** The texts of the last few phrases before this one, nearest first (a target is printed close to its rule). */
const recent = (context: PhraseContext): string[] => context.previous.slice(-LOOK_BACK).map((x) => x.text).reverse();
const LOOK_BACK = 6;

/** A count target printed before: 不少于N次, N篇, 至少N次 (the same counter word). */
const findTarget = (counter: string, texts: readonly string[]): number | undefined => {
  const re = new RegExp(`(?:不少于|不低于|至少|达到|完成|各不少于|不得少于)?(${AMOUNT})${counter}`, "g");
  for (const text of texts) {
    if (text.length > 2000) continue;
    let found: number | undefined;
    for (const m of text.matchAll(re)) {
      if (m[0].startsWith("少") || /每$/.test(text.slice(0, m.index))) continue; // 每少一次, 每一次 are not targets
      const n = readAmount(m[1] ?? "");
      if (n !== undefined && Number.isInteger(n) && n > 0) found = n;
    }
    if (found !== undefined) return found;
  }
  return undefined;
};

const countEachShortRule: PhraseRule = {
  name: "count_each_short",
  kind: "count_each_short",
  read: (p, context) => {
    const m = EACH_SHORT(p);
    if (m === null) return undefined;
    const amount = amountOf(m, 2);
    if (amount === undefined) return undefined;
    const counter = m[1] as string;
    const target = findTarget(counter, [p.slice(0, m.index), ...recent(context), context.item]);
    const condition = factBefore(p, m.index);
    return target === undefined ? { amount, condition } : { amount, target, condition };
  },
};

const BELOW = tail(new RegExp(`(?:少于|不足|低于|不到|未达到|未满)${N}(人次|次|人|个|项|篇|条|期|场|件|名|份|天)(?:的|者)?[，]?${DEDUCT}${N}分$`));

const countBelowRule: PhraseRule = {
  name: "count_below",
  kind: "count_below",
  read: (p) => {
    const m = BELOW(p);
    if (m === null) return undefined;
    const target = amountOf(m, 1);
    const amount = amountOf(m, 3);
    return target === undefined || amount === undefined ? undefined : { target, amount, condition: conditionBefore(p, m.index) };
  },
};

// ---- rates ----

/** 每低Y个百分点扣N分, and 低于此每Y个百分点扣N分 (the direction said before 每). */
const STEP_LOW = tail(new RegExp(`(?:每(?:低|下降|降低|减少|少)(?:于)?${N}|(?:低于|不足|未达到|下降)[^，；]{0,12}?每${N})个?百分点[，]?${DEDUCT}${N}分$`));
const STEP_HIGH = tail(new RegExp(`(?:每(?:高|超|超过|上升|增加|多|高出)(?:于|出)?${N}|(?:高于|超过|超出|上升)[^，；]{0,12}?每${N})个?百分点[，]?${DEDUCT}${N}分$`));
const FLAT_LOW = tail(new RegExp(`(?:低于|未达到|达不到|不足|不到)${PCT}(?:的|者)?[，]?${DEDUCT}${N}分$`));
const FLAT_HIGH = tail(new RegExp(`(?:高于|超过|超出)${PCT}(?:的|者)?[，]?${DEDUCT}${N}分$`));
const MIN_BOUND = new RegExp(`(?:不低于|低于|达到|达|不少于|未达到|不足|保持在)${PCT}|${PCT}(?:以上|及以上)`, "g");
const MAX_BOUND = new RegExp(`(?:不高于|高于|不超过|超过|控制在)${PCT}|${PCT}(?:以下|及以下|以内)`, "g");
/** A rate measured against a benchmark (全省平均, 上年) has no printed percent to read. */
const BENCHMARK = /平均|上年|上一年|前一年|同期|全省|全市|全国/;

/** The one bound printed in the texts (the first text that has any); undefined when none or two different ones. */
const findBound = (re: RegExp, texts: readonly string[]): number | undefined => {
  for (const text of texts) {
    if (text.length > 2000) continue;
    const values = new Set<number>();
    for (const m of text.matchAll(re)) {
      const v = Number(m[1] ?? m[2]);
      if (Number.isFinite(v)) values.add(v);
    }
    if (values.size === 1) return [...values][0];
    if (values.size > 1) return undefined;
  }
  return undefined;
};

const rateRule = (kind: "rate_min" | "rate_max"): PhraseRule => ({
  name: kind,
  kind,
  read: (p, context) => {
    const step = kind === "rate_min" ? STEP_LOW(p) : STEP_HIGH(p);
    const bound = kind === "rate_min" ? MIN_BOUND : MAX_BOUND;
    if (step !== null) {
      const stepPercent = amountOf(step, 1) ?? amountOf(step, 2);
      const amount = amountOf(step, 3);
      if (stepPercent === undefined || amount === undefined || stepPercent <= 0) return undefined;
      const before = p.slice(0, step.index);
      // A benchmark (低于全省平均…) or two measures in one phrase (办复率或满意率) have no single bound.
      if (!/[%％]/.test(before) && BENCHMARK.test(before)) return undefined;
      if (/率[或和及、与]/.test(before)) return undefined;
      const percent = findBound(bound, [before, ...recent(context), context.item]);
      if (percent === undefined) return undefined;
      return { percent, amount, stepPercent, condition: factBefore(p, step.index) };
    }
    const flat = kind === "rate_min" ? FLAT_LOW(p) : FLAT_HIGH(p);
    if (flat === null) return undefined;
    const percent = Number(flat[1]);
    const amount = amountOf(flat, 2);
    return amount === undefined ? undefined : { percent, amount, condition: factBefore(p, flat.index) };
  },
});

// ---- per occurrence ----

const OCCURRENCE_MARK = new RegExp(`每(?:发现|发生|出现|查出|有)?(?:一|1)?${COUNTER}|(?:发现|发生|出现|查出|有|查实)(?:一|1)${COUNTER}`);
const CONSEQUENCE = tail(new RegExp(`(?:即|再|均)?${DEDUCT}${N}分$`));

const perOccurrenceRule: PhraseRule = {
  name: "per_occurrence",
  kind: "per_occurrence",
  read: (p) => {
    const m = CONSEQUENCE(p);
    if (m === null) return undefined;
    const before = p.slice(0, m.index);
    const mark = OCCURRENCE_MARK.exec(before);
    if (mark === null) return undefined;
    const amount = amountOf(m, 1);
    return amount === undefined ? undefined : { amount, condition: conditionBefore(before, mark.index) };
  },
};

// ---- bonuses and awards ----

const BONUS = tail(new RegExp(`(?:再|另)?加${N}分$`));

const bonusRule: PhraseRule = {
  name: "bonus",
  kind: "bonus",
  read: (p) => amountAfter(p, BONUS(p)),
};

const OTHERWISE = tail(/^否则(?:得0分|得零分|不得分|0分|不计分)$/);

const awardOtherwiseRule: PhraseRule = { name: "award_otherwise", kind: "award_otherwise", read: (p) => (OTHERWISE(p) === null ? undefined : {}) };

const AWARD = tail(new RegExp(`(?:的|者)?(?:得|记|计)${N}分$`));

const awardRule: PhraseRule = {
  name: "award",
  kind: "award",
  read: (p) => amountAfter(p, AWARD(p)),
};

const NO_SCORE = tail(/(?:本项|该项|此项|本条)?(?:即|均|则|一律)?不(?:得|计)分$/);

const noScoreRule: PhraseRule = {
  name: "no_score",
  kind: "no_score",
  read: (p) => {
    const m = NO_SCORE(p);
    // 酌情扣分或者不得分 leaves the amount to the assessor
    return m === null || /酌情|或者?不得分|不得分或/.test(p) ? undefined : { condition: conditionBefore(p, m.index) };
  },
};

// ---- one condition, one amount ----

/** Phrases that name an amount but do not fix it for one condition: 分别扣, 酌情, 加倍, 相应. */
const NOT_ONE_AMOUNT = /分别|酌情|加倍|扣减?相应|相应(?:分数|分值)|以内|分内|之间|至[\d一二三四五六七八九十]|百分点|每(?:低|高|下降|降低|上升|增加|减少|少|多|超)/;

const conditionRule: PhraseRule = {
  name: "condition",
  kind: "condition",
  read: (p) => (NOT_ONE_AMOUNT.test(p) ? undefined : amountAfter(p, CONSEQUENCE(p))),
};

/**
 * 内置的短语规则，按顺序尝试，第一条读懂的为准：扣完为止、限扣、加分上限、一票否决、不得评为优秀在前（措辞最具体），
 * 然后是迟报、漏报、次数、比例、每起、加分、得分、不得分，最后是一般的“…的扣N分”。
 * The built-in phrase rules, tried in order; the first that reads a phrase wins. Floors, caps,
 * vetoes and grade caps come first (their words are the most specific), then lateness and
 * omissions (per instance), counts, rates, per occurrence, bonuses and awards, 不得分, and last the
 * plain condition (…的扣N分).
 * @category Criteria
 * @example
 * PHRASE_RULES.map((r) => r.name).slice(0, 3);
 * //=> ["floor", "deduction_cap", "bonus_cap"]
 */
export const PHRASE_RULES: readonly PhraseRule[] = [
  floorRule,
  deductionCapRule,
  bonusCapRule,
  vetoRule,
  gradeCapRule,
  lateRule,
  omittedRule,
  countEachShortRule,
  countBelowRule,
  rateRule("rate_min"),
  rateRule("rate_max"),
  perOccurrenceRule,
  bonusRule,
  awardOtherwiseRule,
  awardRule,
  noScoreRule,
  conditionRule,
];

/** Whether a text holds a scoring consequence (扣N分, 得N分, 不得分, 为止, 一票否决 …): a rule, not a requirement. */
export const CONSEQUENCE_WORDS = new RegExp(`${DEDUCT}${AMOUNT}分|(?:加|得|记)${AMOUNT}分|扣分|计扣|计分|不得分|为止|扣完|一票否决|未完成$|不得评为|限扣|否则`);
