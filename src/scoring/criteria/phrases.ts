import { type Diagnostic, type DiagnosticPath, type SourceSpan, diag } from "../../model/diagnostic.js";
import { deepFreeze } from "../../model/freeze.js";
import { type MappedText, lineIndex, normalizeLine, splitLines } from "../../text/normalize.js";
import { AMOUNT } from "./numbers.js";
import { PHRASE_RULES, type PhraseContext, type PhraseRule } from "./phrase-rules.js";
import type { CriteriaPhrase, CriteriaSource } from "./types.js";

/** A phrase cut out of a normalised 评分标准: [from, to) in the mapped text. */
export interface PhraseCut {
  readonly from: number;
  readonly to: number;
}

/** The phrases of a 评分标准 and the lead-in requirement before a labelled list (①… / 1.…), if any. */
export interface PhraseCuts {
  readonly phrases: readonly PhraseCut[];
  readonly leadIn?: PhraseCut;
}

const MARKER = /^(?:考核|评分标准|扣分标准|评分|考评|评分办法|计分方法|评分细则|扣分)：/;
const SENTENCE_END = new Set(["。", "；", "！", "？", "\n"]);
const CIRCLED = /^[①-⑳]/;
/** A list label at the start of a sentence: ①, 1. 1、 (1) — not a decimal (1.5分). */
const LABEL = /^(?:[①-⑳]|\d{1,2}(?:[、]|\.(?!\d))|（\d{1,2}）)/;
/** A clause that ends in a consequence: the next clause after a comma is a new phrase. */
const CLAUSE_DONE = new RegExp(`(?:(?:扣除|扣减|扣|减|加|得|记|计)${AMOUNT}分(?:/[次件条项])?|不得分|扣分|计分|计扣|为止|一票否决|未完成)$`);
/** Rule `evidence_clause`: 提供相关证明资料， — the evidence asked for is a phrase of its own. */
const EVIDENCE = /^(?:提供|查阅|查看|提交|出具|需提供)[^，。；]{0,16}(?:资料|材料|证明|台账|文件|记录|凭证|佐证)$/;
/** The longest consequence CLAUSE_DONE can match: only that much of a clause's end is looked at. */
const CLAUSE_TAIL = 24;
const TRIM_START = /^[，、：\s]+/;
const TRIM_END = /[，、：\s]+$/;

/**
 * Cut a normalised 评分标准 into phrases (internal): at 。；！？ and line ends, at list labels
 * (①②, 1., (1)), and at a comma that follows a complete consequence (`迟报一次扣0.5分，漏报一次扣1分`).
 * A comma inside a condition does not cut (`…低于95%的，每下降1个百分点扣0.5分`). Text before the first
 * label of a labelled list is the lead-in (the requirement), not a phrase. Linear in the text.
 */
export const cutPhrases = (text: string): PhraseCuts => {
  let start = 0;
  const marker = MARKER.exec(text);
  if (marker !== null) start = marker[0].length;
  const sentences: PhraseCut[] = [];
  let from = start;
  let labelled = false;
  let firstLabelAt = -1;
  const push = (a: number, b: number) => {
    if (b > a) sentences.push({ from: a, to: b });
  };
  let i = start;
  let atStart = true; // only spaces since the sentence began
  while (i < text.length) {
    const ch = text[i] as string;
    if (SENTENCE_END.has(ch)) {
      push(from, i);
      from = i + 1;
      i += 1;
      atStart = true;
      continue;
    }
    if (atStart) {
      // a list label at the start of a sentence
      const rest = text.slice(i, i + 6);
      const m = LABEL.exec(rest);
      if (m !== null) {
        if (!labelled && CIRCLED.test(rest)) firstLabelAt = sentences.length;
        labelled = labelled || CIRCLED.test(rest);
        from = i + m[0].length;
        i = from;
        continue;
      }
      if (!/\s/.test(ch)) atStart = false;
    } else if (CIRCLED.test(ch)) {
      // a circled label in mid-sentence ends the sentence before it
      push(from, i);
      if (!labelled) firstLabelAt = sentences.length;
      labelled = true;
      from = i + 1;
      i += 1;
      atStart = true;
      continue;
    }
    i += 1;
  }
  push(from, text.length);

  let leadIn: PhraseCut | undefined;
  let first = 0;
  if (labelled && firstLabelAt > 0) {
    const last = sentences[firstLabelAt - 1] as PhraseCut;
    const head = sentences[0] as PhraseCut;
    if (!CLAUSE_DONE.test(text.slice(head.from, last.to).replace(/[。；，\s]+$/, ""))) {
      leadIn = { from: head.from, to: last.to };
      first = firstLabelAt;
    }
  }

  const phrases: PhraseCut[] = [];
  for (let k = first; k < sentences.length; k++) {
    const s = sentences[k] as PhraseCut;
    let clauseStart = s.from;
    for (let j = s.from; j < s.to; j++) {
      if (text[j] !== "，") continue;
      if (CLAUSE_DONE.test(text.slice(Math.max(clauseStart, j - CLAUSE_TAIL), j)) || (j - clauseStart <= CLAUSE_TAIL && EVIDENCE.test(text.slice(clauseStart, j).trim()))) {
        pushTrimmed(phrases, text, clauseStart, j);
        clauseStart = j + 1;
      }
    }
    pushTrimmed(phrases, text, clauseStart, s.to);
  }
  return leadIn === undefined ? { phrases } : { phrases, leadIn };
};

const pushTrimmed = (out: PhraseCut[], text: string, from: number, to: number): void => {
  const piece = text.slice(from, to);
  const lead = TRIM_START.exec(piece)?.[0].length ?? 0;
  const trail = TRIM_END.exec(piece.slice(lead))?.[0].length ?? 0;
  if (to - trail > from + lead) out.push({ from: from + lead, to: to - trail });
};

/**
 * Read one phrase with the rules (internal): the first rule that reads it gives its kind; when none
 * does, the phrase has no kind.
 */
export const readPhrase = (text: string, context: PhraseContext, source: CriteriaSource, rules: readonly PhraseRule[] = PHRASE_RULES): CriteriaPhrase => {
  for (const rule of rules) {
    const fields = rule.read(text, context);
    if (fields !== undefined) return { text, kind: rule.kind, rule: rule.name, ...fields, source };
  }
  return { text, source };
};

/** A criteria source as the model's span: a table's row and column become its `cell`. */
export const toSourceSpan = (source: CriteriaSource): SourceSpan => ({
  start: source.start,
  end: source.end,
  line: source.line ?? 1,
  ...(source.row === undefined ? {} : { cell: { row: source.row, column: source.column ?? 0 } }),
});

/** A diagnostic for a phrase no rule understood, quoting it. */
export const unreadDiagnostic = (phrase: CriteriaPhrase, path: DiagnosticPath, where: string): Diagnostic =>
  diag(
    "criteria_phrase_unread",
    "warning",
    `${where}评分标准中未能识别：“${phrase.text}”，请人工补充`,
    `${where === "" ? "" : `${where}: `}a phrase of the criteria was not understood: "${phrase.text}"; fill it in by hand`,
    path,
    toSourceSpan(phrase.source),
  );

/**
 * Read the phrases of one normalised 评分标准 (internal, shared by the table and text readers).
 * `spanOf` turns [from, to) of the mapped text into a source; `previous` holds the item's phrases
 * read so far (from its other cells) and gets this text's phrases appended.
 */
export const readPhrasesOf = (
  m: MappedText,
  item: string,
  spanOf: (from: number, to: number) => CriteriaSource,
  previous: CriteriaPhrase[] = [],
  rules: readonly PhraseRule[] = PHRASE_RULES,
): { phrases: CriteriaPhrase[]; leadIn?: string } => {
  const cuts = cutPhrases(m.text);
  const phrases: CriteriaPhrase[] = [];
  for (const cut of cuts.phrases) {
    const phrase = readPhrase(m.text.slice(cut.from, cut.to), { item, previous }, spanOf(cut.from, cut.to), rules);
    phrases.push(phrase);
    previous.push(phrase);
  }
  return cuts.leadIn === undefined ? { phrases } : { phrases, leadIn: m.text.slice(cuts.leadIn.from, cuts.leadIn.to) };
};

/**
 * {@link readCriteriaPhrases} 的选项。Options of {@link readCriteriaPhrases}.
 * @category Criteria
 * @example
 * const options: ReadCriteriaPhrasesOptions = { item: "全年专题研究法治政府建设重点工作不少于3次" };
 */
export interface ReadCriteriaPhrasesOptions {
  /** 该项的考核内容，其中的“不少于3次”“不低于95%”等目标供短语引用。The item's content: targets printed there (不少于3次, 不低于95%) are used by the phrases. */
  readonly item?: string;
  /** 短语规则，默认 {@link PHRASE_RULES}；可在前面加入本地写法的规则。The phrase rules, {@link PHRASE_RULES} by default; put a rule for a local phrasing in front. */
  readonly rules?: readonly PhraseRule[];
}

/**
 * 读取一段评分标准：切成短语，逐条用规则识别（扣N分、每发现一起、每少一次、不低于95%、扣完为止、一票否决……），
 * 每个短语带原文偏移；不能识别的短语各有一条诊断，引用原文，供人工补充。对任何字符串都不抛出异常，耗时与长度成线性。
 * Read one 评分标准 text: cut it into phrases and read each with the phrase rules, keeping the
 * offsets of every phrase in `text`; each phrase no rule understood gets a diagnostic quoting it.
 * Never throws; linear in the length of the text.
 *
 * @category Criteria
 * @example
 * const { phrases } = readCriteriaPhrases("制度不健全的扣3分；落实不到位的扣2分。");
 * phrases.map((p) => [p.kind, p.amount]);
 * //=> [["condition", 3], ["condition", 2]]
 * readCriteriaPhrases("每少一次扣二分，扣完为止", { item: "每季度不少于1次" }).phrases.map((p) => p.kind);
 * //=> ["count_each_short", "floor"]
 */
export const readCriteriaPhrases = (text: string, options: ReadCriteriaPhrasesOptions = {}): { readonly phrases: readonly CriteriaPhrase[]; readonly diagnostics: readonly Diagnostic[] } => {
  try {
    return readAll(typeof text === "string" ? text : "", typeof options === "object" && options !== null ? options : {});
  } catch (error) {
    return deepFreeze({ phrases: [], diagnostics: [diag("internal_error", "error", `读取评分标准时发生内部错误：${String(error)}`, `Internal error while reading criteria: ${String(error)}`)] });
  }
};

const readAll = (input: string, options: ReadCriteriaPhrasesOptions): { readonly phrases: readonly CriteriaPhrase[]; readonly diagnostics: readonly Diagnostic[] } => {
  const lines = splitLines(input);
  const lineOf = lineIndex(lines);
  const parts = lines.map((l) => normalizeLine(l.raw, l.start));
  let joined = "";
  const maps: Int32Array[] = [];
  for (const [k, p] of parts.entries()) {
    if (k > 0) {
      joined += "\n";
      maps.push(Int32Array.of((lines[k] as { start: number }).start - 1));
    }
    joined += p.text;
    maps.push(p.map);
  }
  const map = new Int32Array(joined.length);
  let at = 0;
  for (const m of maps) {
    map.set(m, at);
    at += m.length;
  }
  const m: MappedText = { text: joined, map };
  const item = normalizeLine(typeof options.item === "string" ? options.item : "").text;
  const spanOf = (from: number, to: number): CriteriaSource => {
    const start = map[from] ?? 0;
    const end = to > from ? (map[to - 1] ?? start) + 1 : start;
    return { start, end, line: lineOf(start) };
  };
  const { phrases } = readPhrasesOf(m, item, spanOf, [], Array.isArray(options.rules) ? options.rules : PHRASE_RULES);
  const diagnostics = phrases.flatMap((p, i) => (p.kind === undefined ? [unreadDiagnostic(p, ["phrases", i], "")] : []));
  return deepFreeze({ phrases, diagnostics });
};
