import { type Diagnostic, type DiagnosticPath, type SourceSpan, diag } from "../model/diagnostic.js";
import { deepFreeze } from "../model/freeze.js";
import { numberingDiagnostic } from "../model/validate.js";
import { isWellFormedId } from "../model/ids.js";
import type { Assignment, Clause, Plan, Section, Task } from "../model/plan.js";
import { findRequirements, toRequirements, yearMissing } from "../schedule/extract.js";
import { lineIndex, mappedSpan, normalizeText, splitLines } from "../text/normalize.js";
import { parseChineseNumeral } from "../text/numerals.js";
import { type Paragraph, buildParagraphs, headingOf } from "./paragraphs.js";
import { DEFAULT_GROUP_PHRASES, type Mapped, isCloser, matchingOpener, roleSegments, splitUnitList } from "./units.js";

/**
 * {@link parsePlanText} 的选项。Options of {@link parsePlanText}.
 * @category Parsing
 * @example
 * const options: ParsePlanOptions = { id: "wuzhi-2024", year: 2024, groupPhrases: ["各镇、办"] };
 */
export interface ParsePlanOptions {
  /** 工作安排编号（默认 `plan-<年度>`）。The plan id (default `plan-<year>`, or `plan`). */
  readonly id?: string;
  /** 年度；默认从标题（如“2024年度”）读取。The year; read from the title (`2024年度`) by default. */
  readonly year?: number;
  /**
   * 额外的集合称谓，拆分单位列表时保持完整（其中的“、”不作分隔）。Extra collective phrases kept whole
   * when splitting unit lists, added to the built-in ones (各乡镇人民政府、街道办事处, 各区、县级市政府, …).
   */
  readonly groupPhrases?: readonly string[];
}

/**
 * {@link parsePlanText} 的结果：工作安排和诊断信息。The plan read from the text, and what was noticed.
 * @category Parsing
 * @example
 * const { plan, diagnostics }: ParsePlanResult = parsePlanText(text);
 */
export interface ParsePlanResult {
  readonly plan: Plan;
  readonly diagnostics: readonly Diagnostic[];
}

const TITLE = /^(.{0,40}?)(\d{4})年度?.{0,60}(工作安排|工作要点|工作计划|实施方案|任务分工方案|重点任务)$/;
const FILE_HEAD = /^(.{2,40}?)文件$/;
const DOC_NUMBER = /^[\u3400-\u9fff]{1,12}〔\d{4}〕\d{1,4}号$/;
const NOTICE_TITLE = /^(.{0,60}?)关于印发《(.{1,100}?)》的通知$/;
const ISSUE_SENTENCE = /^现将.{0,120}(印发|发给|转发)/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const TRAILER = /^(抄送|印发|附件|（此件|\(此件)/;
const SENTENCE_END = /[。！？；]/;

interface TaskDraft {
  no: number;
  label: string;
  numeral: number | undefined;
  paragraphs: Mapped[];
  clauses: Array<{ paragraphs: Mapped[]; assignment: Assignment; spans: SourceSpan[] }>;
  buffer: Mapped[];
  pending: Assignment | undefined;
  pendingSpans: SourceSpan[];
  spans: SourceSpan[];
  headingLength: number;
}

interface SectionDraft {
  no: number;
  numeral: number | undefined;
  title: string;
  source: SourceSpan;
  intro: Mapped[];
  tasks: TaskDraft[];
  taskLevel: 0 | 2 | 3;
}

const emptyAssignment = (): Assignment => ({ lead: [], responsible: [], support: [] });

/**
 * 把公文文本（从 PDF 或网页复制）解析为工作安排：部分、任务、分工段落、单位引用，每项都带原文位置。
 * 对任何字符串都不抛出异常；最坏情况是一个没有任务的工作安排和一条说明原因的 error 诊断。
 *
 * Read the text of a work-plan document (copied out of a PDF or a web page) into a {@link Plan}:
 * sections, tasks, clauses and unit references, each with its `source` span in the original
 * text. Never throws, for any string: the worst case is a plan with no tasks and an error
 * diagnostic saying why. Unit references keep the document's wording; resolving them to a
 * roster is the job of the matrix functions.
 *
 * @category Parsing
 * @example
 * const { plan, diagnostics } = parsePlanText(text, { id: "wuzhi-2024" });
 * plan.sections.length;
 * //=> 10
 * plan.sections.flatMap((s) => s.tasks).length;
 * //=> 35
 */
export const parsePlanText = (text: string, options: ParsePlanOptions = {}): ParsePlanResult => {
  const diagnostics: Diagnostic[] = [];
  try {
    return parse(typeof text === "string" ? text : "", options, diagnostics, typeof text === "string");
  } catch (error) {
    diagnostics.push(diag("internal_error", "error", `解析时发生内部错误：${String(error)}`, `Internal error while parsing: ${String(error)}`));
    return { plan: deepFreeze({ id: "plan", title: "", sections: [] } as unknown as Plan), diagnostics };
  }
};

const parse = (text: string, options: ParsePlanOptions, diagnostics: Diagnostic[], isString: boolean): ParsePlanResult => {
  if (!isString) diagnostics.push(diag("invalid_input", "error", "输入不是字符串", "The input is not a string"));
  const lines = splitLines(text);
  const lineOf = lineIndex(lines);
  const paragraphs = buildParagraphs(lines, diagnostics, lineOf);
  const phrases = [...new Set([...(options.groupPhrases ?? []).map(normalizeText), ...DEFAULT_GROUP_PHRASES])].filter((p) => p.length > 0).sort((a, b) => b.length - a.length);

  const spanOf = (m: Mapped, from = 0, to = m.text.length): SourceSpan => mappedSpan(m, from, to, lineOf);
  const slice = (m: Mapped, from: number, to = m.text.length): Mapped => ({ text: m.text.slice(from, to), map: m.map.subarray(from, to) });
  const cover = (spans: readonly SourceSpan[]): SourceSpan | undefined => {
    if (spans.length === 0) return undefined;
    let start = Number.POSITIVE_INFINITY;
    let end = 0;
    for (const s of spans) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    return { start, end, line: lineOf(start) };
  };

  // ---- head: the notice wrapper, the title, the preamble ----
  let issuer: string | undefined;
  let docNumber: string | undefined;
  let noticeTitle: string | undefined;
  let noticeDocTitle: string | undefined;
  let title: string | undefined;
  let titleYear: number | undefined;
  let addressees: string[] | undefined;
  const preamble: string[] = [];
  const headUnknown: Paragraph[] = [];

  const firstAt = (deepest: number) =>
    paragraphs.findIndex((p) => {
      const h = headingOf(p.text);
      return h !== undefined && h.level <= deepest;
    });
  let firstBody = firstAt(2);
  if (firstBody === -1) firstBody = firstAt(3);
  const headEnd = firstBody === -1 ? paragraphs.length : firstBody;
  for (let i = 0; i < headEnd; i++) {
    const p = paragraphs[i] as Paragraph;
    const t = p.text;
    let m: RegExpExecArray | null;
    if (title === undefined && docNumber === undefined && issuer === undefined && (m = FILE_HEAD.exec(t)) !== null) issuer = m[1];
    else if (docNumber === undefined && DOC_NUMBER.test(t)) docNumber = t;
    else if (noticeTitle === undefined && (m = NOTICE_TITLE.exec(t)) !== null) {
      noticeTitle = t;
      noticeDocTitle = m[2];
      if (issuer === undefined && (m[1] ?? "").length > 1) issuer = m[1];
    } else if (title === undefined && addressees === undefined && noticeTitle !== undefined && /[：]$/.test(t) && t.length <= 200) {
      addressees = t
        .slice(0, -1)
        .split(/[，；]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
    } else if (title === undefined && ISSUE_SENTENCE.test(t)) {
      // the 印发 sentence of the notice: recognised, nothing to keep
    } else if (title === undefined && (DATE_LINE.test(t) || t === issuer || /^（此件.{1,20}）$/.test(t))) {
      // the notice's signature, date and publication note
    } else if (title === undefined && (m = TITLE.exec(t)) !== null && !t.includes("关于印发")) {
      title = t;
      titleYear = Number(m[2]);
    } else if (title !== undefined) preamble.push(t);
    else headUnknown.push(p);
  }
  if (title === undefined && noticeDocTitle !== undefined) title = noticeDocTitle.replace(/\s+/g, "");
  if (title === undefined) {
    // Without a recognisable title, unknown head text is the preamble; nothing is dropped.
    for (const p of headUnknown) preamble.push(p.text);
    diagnostics.push(diag("title_missing", "warning", "未找到工作安排标题（如“××县2024年度法治政府建设工作安排”）", "No plan title found (like ××县2024年度法治政府建设工作安排)", ["title"]));
  } else {
    for (const p of headUnknown) {
      diagnostics.push(diag("unrecognized_text", "warning", `标题前有未识别的文字：“${clip(p.text)}”`, `Unrecognised text before the title: "${clip(p.text)}"`, [], spanOf(p)));
    }
  }

  // ---- body: sections and tasks ----
  const sections: SectionDraft[] = [];
  let section: SectionDraft | undefined;
  let task: TaskDraft | undefined;
  let taskCount = 0;
  let inTrailer = false;
  const trailer: Paragraph[] = [];

  // The task level of each section: the shallowest of （一） and 1. found before the next 一、.
  const levelAfter = (from: number): 0 | 2 | 3 => {
    let level: 0 | 2 | 3 = 0;
    for (let k = from; k < paragraphs.length; k++) {
      const h = headingOf((paragraphs[k] as Paragraph).text);
      if (h === undefined) continue;
      if (h.level === 1) break;
      if (h.level === 2) return 2;
      if (h.level === 3) level = 3;
    }
    return level;
  };

  const finishClause = (t: TaskDraft): void => {
    if (t.pending === undefined) return;
    t.clauses.push({ paragraphs: t.buffer, assignment: t.pending, spans: [...t.buffer.map((b) => spanOf(b)), ...t.pendingSpans] });
    t.buffer = [];
    t.pending = undefined;
    t.pendingSpans = [];
  };
  const closeTask = (): void => {
    if (task === undefined) return;
    finishClause(task);
    task = undefined;
  };
  const openSection = (no: number, numeral: number | undefined, titleText: string, source: SourceSpan, from: number): SectionDraft => {
    closeTask();
    const s: SectionDraft = { no, numeral, title: titleText, source, intro: [], tasks: [], taskLevel: levelAfter(from) };
    sections.push(s);
    return s;
  };
  const openTask = (label: string, numeral: number | undefined, p: Paragraph, headingLength: number): TaskDraft => {
    closeTask();
    taskCount += 1;
    const t: TaskDraft = { no: taskCount, label, numeral, paragraphs: [], clauses: [], buffer: [], pending: undefined, pendingSpans: [], spans: [spanOf(p)], headingLength };
    (section as SectionDraft).tasks.push(t);
    return t;
  };

  const addRoles = (t: TaskDraft, m: Mapped, from: number, to: number, path: DiagnosticPath): boolean => {
    const segments = roleSegments(m.text, from, to);
    if (segments === undefined) return false;
    t.pending ??= emptyAssignment();
    t.pendingSpans.push(spanOf(m, from, to));
    for (const seg of segments) {
      const refs = splitUnitList(m, seg.from, seg.to, lineOf, phrases, diagnostics, [...path, seg.role]);
      if (refs.length === 0) {
        diagnostics.push(diag("empty_unit_list", "warning", `“${seg.word}”后没有单位`, `No units after "${seg.word}"`, path, spanOf(m, from, to)));
      }
      t.pending[seg.role].push(...refs);
    }
    return true;
  };

  for (let i = headEnd; i < paragraphs.length; i++) {
    const p = paragraphs[i] as Paragraph;
    const h = headingOf(p.text);
    if (inTrailer && h?.level !== 1) {
      trailer.push(p);
      continue;
    }
    inTrailer = false;
    if (h?.level === 1) {
      section = openSection(sections.length + 1, parseChineseNumeral(h.numeral), trimTitle(p.text.slice(h.label.length)), spanOf(p), i + 1);
      continue;
    }
    if (section === undefined) {
      // （一） tasks with no 一、 sections above them: one untitled section holds them.
      section = openSection(1, undefined, "", spanOf(p, 0, 0), i);
      diagnostics.push(diag("no_sections", "warning", "未找到“一、”级标题，所有任务归入一个无标题部分", "No 一、 headings: all tasks are put in one untitled section", ["sections", 0]));
    }
    const sIndex = sections.length - 1;
    const isTaskHeading = h !== undefined && h.level === section.taskLevel;
    if (isTaskHeading) {
      task = openTask(h.label, h.level === 2 ? parseChineseNumeral(h.numeral) : Number(h.numeral), p, h.label.length);
    } else if (!p.role && (DATE_LINE.test(p.text) || TRAILER.test(p.text) || (issuer !== undefined && p.text === issuer))) {
      closeTask();
      inTrailer = true;
      trailer.push(p);
      continue;
    } else if (task === undefined) {
      if (section.taskLevel !== 0 && !p.role) {
        section.intro.push(p);
        if (h !== undefined) {
          diagnostics.push(diag("unrecognized_heading", "warning", `标题层级不符，作为部分的说明文字：“${clip(p.text)}”`, `Heading out of place, kept as section text: "${clip(p.text)}"`, ["sections", sIndex], spanOf(p)));
        }
        continue;
      }
      // A section without task headings is one task titled by the section.
      task = openTask("", undefined, p, 0);
      diagnostics.push(diag("section_as_task", "info", `第${section.no}部分没有分项，整体作为一项任务`, `Section ${section.no} has no numbered items: it is read as one task`, ["sections", sIndex, "tasks", section.tasks.length - 1], spanOf(p)));
    }

    const t = task as TaskDraft;
    const path: DiagnosticPath = ["sections", sIndex, "tasks", section.tasks.length - 1, "clauses", t.clauses.length, "assignment"];
    t.spans.push(spanOf(p));
    if (p.role) {
      addRoles(t, p, 0, p.text.length, path);
      continue;
    }
    finishClause(t);
    const body: Mapped = isTaskHeading ? slice(p, t.headingLength) : p;
    // An inline unit block at the end: （牵头单位：X，配合单位：A、B） or 〔牵头单位:X;责任单位:Y〕.
    let end = body.text.length;
    while (end > 0 && /[。；\s]/.test(body.text[end - 1] as string)) end -= 1;
    const close = end - 1;
    if (close >= 0 && isCloser(body.text[close] as string)) {
      const open = matchingOpener(body.text, close, 0);
      if (open >= 0 && addRoles(t, body, open + 1, close, path)) {
        let cut = open;
        while (cut > 0 && /\s/.test(body.text[cut - 1] as string)) cut -= 1;
        const rest = slice(body, 0, cut);
        if (rest.text.length > 0) {
          t.paragraphs.push(rest);
          t.buffer.push(rest);
        }
        continue;
      }
    }
    if (body.text.length > 0) {
      t.paragraphs.push(body);
      t.buffer.push(body);
    }
  }
  closeTask();

  // Text after the units of the very last task speaks for the whole plan (上述工作安排将作为…): the closing.
  let closing: Mapped[] = [];
  const lastTask = sections.at(-1)?.tasks.at(-1);
  if (lastTask !== undefined && lastTask.clauses.length > 0 && lastTask.buffer.length > 0) {
    closing = lastTask.buffer;
    lastTask.buffer = [];
    lastTask.paragraphs = lastTask.paragraphs.filter((p) => !closing.includes(p));
    diagnostics.push(diag("closing_text", "info", "最后一项任务分工之后的文字作为全文结语", "Text after the last task's units is read as the plan's closing", ["closing"], cover(closing.map((m) => spanOf(m)))));
  }

  for (const p of trailer) {
    diagnostics.push(diag("trailer_text", "info", `正文后的落款或附注：“${clip(p.text)}”`, `Signature or note after the body: "${clip(p.text)}"`, [], spanOf(p)));
  }

  // ---- year, id, numbering ----
  let year = options.year;
  const textYear = titleYear ?? yearIn(noticeDocTitle) ?? yearIn(docNumber);
  if (year !== undefined && (!Number.isInteger(year) || year < 1949 || year > 2200)) {
    diagnostics.push(diag("invalid_option", "error", `年度选项不正确：${year}`, `Invalid year option: ${year}`, ["year"]));
    year = undefined;
  }
  if (year === undefined) year = textYear;
  else if (textYear !== undefined && textYear !== year) {
    diagnostics.push(diag("year_mismatch", "warning", `选项中的年度 ${year} 与标题中的年度 ${textYear} 不一致`, `The year option ${year} differs from the title's year ${textYear}`, ["year"]));
  }
  if (year === undefined) diagnostics.push(diag("year_missing", "warning", "未能确定年度：请在选项中给出 year", "Could not tell the year: pass the year option", ["year"]));

  let id = year === undefined ? "plan" : `plan-${year}`;
  if (options.id !== undefined) {
    if (isWellFormedId(options.id)) id = options.id;
    else diagnostics.push(diag("invalid_option", "error", `编号选项不正确：“${options.id}”（只能使用 ASCII 字母、数字和 . _ : -）`, `Invalid id option "${options.id}" (ASCII letters, digits and . _ : - only)`, ["id"]));
  }

  checkNumbering(sections, diagnostics);
  const undated = { value: false };

  const planSections: Section[] = sections.map((s, si) => {
    const tasks: Task[] = s.tasks.map((t, ti) => buildTask(t, year, undated, id, si, ti, spanOf, cover, diagnostics));
    const out: Section = { no: s.no, title: s.title, tasks, source: s.source };
    return s.intro.length > 0 ? { ...out, text: s.intro.map((m) => m.text).join("\n") } : out;
  });
  if (undated.value) diagnostics.push(yearMissing());
  const total = planSections.reduce((n, s) => n + s.tasks.length, 0);
  if (total === 0) {
    const why = text.trim().length === 0 ? "输入为空" : "未找到任何任务标题（如“（一）”“1.”）";
    const whyEn = text.trim().length === 0 ? "the input is empty" : "no task headings (like （一） or 1.) were found";
    diagnostics.push(diag(text.trim().length === 0 ? "empty_input" : "no_tasks", "error", `没有读出任务：${why}`, `No tasks read: ${whyEn}`, ["sections"]));
  }

  const plan: Plan = {
    id: id as Plan["id"],
    title: title ?? "",
    ...(year !== undefined ? { year } : {}),
    ...(issuer !== undefined ? { issuer } : {}),
    ...(docNumber !== undefined ? { docNumber } : {}),
    ...(noticeTitle !== undefined ? { noticeTitle } : {}),
    ...(addressees !== undefined && addressees.length > 0 ? { addressees } : {}),
    ...(preamble.length > 0 ? { preamble: preamble.join("\n") } : {}),
    sections: planSections,
    ...(closing.length > 0 ? { closing: closing.map((m) => m.text).join("\n") } : {}),
  };
  diagnostics.sort((a, b) => (a.source?.start ?? Number.MAX_SAFE_INTEGER) - (b.source?.start ?? Number.MAX_SAFE_INTEGER));
  return { plan: deepFreeze(plan), diagnostics: deepFreeze(diagnostics) };
};

const buildTask = (
  t: TaskDraft,
  year: number | undefined,
  undated: { value: boolean },
  planId: string,
  si: number,
  ti: number,
  spanOf: (m: Mapped, from?: number, to?: number) => SourceSpan,
  cover: (spans: readonly SourceSpan[]) => SourceSpan | undefined,
  diagnostics: Diagnostic[],
): Task => {
  const taskId = `${planId}.t${String(t.no).padStart(2, "0")}`;
  if (t.buffer.length > 0 && t.clauses.length > 0) {
    // Text after the last unit block: kept as a clause of its own, without units.
    diagnostics.push(diag("text_after_units", "warning", "分工之后还有正文，作为没有分工的段落保留", "Text after the last unit block is kept as a clause without units", ["sections", si, "tasks", ti], cover(t.buffer.map((b) => spanOf(b)))));
    t.clauses.push({ paragraphs: t.buffer, assignment: emptyAssignment(), spans: t.buffer.map((b) => spanOf(b)) });
  }
  // Each clause's text is joined once, with its offsets: the clause text, and where its
  // requirements are read from (exact spans). A task without clauses reads its own text.
  const requirementsIn = (joined: Mapped) => {
    const { found, needsYear } = findRequirements(joined.text, year);
    if (needsYear) undated.value = true;
    return { found, span: (from: number, to: number) => spanOf(joined, from, to) };
  };
  const parts: Array<Parameters<typeof toRequirements>[1][number]> = [];
  const clauses: Clause[] = t.clauses.map((c, k) => {
    const joined = joinMapped(c.paragraphs);
    const id = `${taskId}.c${k + 1}`;
    parts.push({ clauseId: id, ...requirementsIn(joined) });
    const clause = { id, text: joined.text, assignment: c.assignment } as Clause;
    const source = cover(c.spans);
    return source === undefined ? clause : { ...clause, source };
  });
  const whole = joinMapped(t.paragraphs);
  const text = whole.text;
  if (t.clauses.length === 0) parts.push(requirementsIn(whole));
  if (clauses.length === 0 || clauses.every((c) => c.assignment.lead.length + c.assignment.responsible.length + c.assignment.support.length === 0)) {
    diagnostics.push(diag("task_without_units", "warning", `任务${t.no}没有列出任何单位`, `Task ${t.no} names no units`, ["sections", si, "tasks", ti], cover(t.spans)));
  }
  const first = SENTENCE_END.exec(text);
  const titleText = (first === null ? (text.split("\n")[0] ?? "") : text.slice(0, first.index)).trim();
  const task: Task = {
    id: taskId as Task["id"],
    no: t.no,
    ...(t.label !== "" ? { label: t.label } : {}),
    title: titleText,
    text,
    clauses,
    requirements: toRequirements(taskId, parts),
  };
  const source = cover(t.spans);
  return source === undefined ? task : { ...task, source };
};

/** Numbering as written: sections 一、二、…; tasks either run on across sections or restart in each. */
const checkNumbering = (sections: readonly SectionDraft[], diagnostics: Diagnostic[]): void => {
  const report = (what: string, whatEn: string, expected: number, got: number, path: DiagnosticPath, source?: SourceSpan) =>
    diagnostics.push(numberingDiagnostic(what, whatEn, expected, got, path, source));
  sections.forEach((s, i) => {
    if (s.numeral !== undefined && s.numeral !== i + 1) report("部分", "Section", i + 1, s.numeral, ["sections", i], s.source);
  });
  // Restart mode when a later section's first numbered task is 1.
  let earlierTasks = false;
  let restart = false;
  for (const s of sections) {
    if (earlierTasks && s.tasks[0]?.numeral === 1) restart = true;
    earlierTasks ||= s.tasks.length > 0;
  }
  let running = 0;
  sections.forEach((s, si) => {
    s.tasks.forEach((t, ti) => {
      running += 1;
      const expected = restart ? ti + 1 : running;
      if (t.numeral !== undefined && t.numeral !== expected) report("任务", "Task", expected, t.numeral, ["sections", si, "tasks", ti], t.spans[0]);
    });
  });
};

/** Paragraphs joined with line breaks; a break maps to just after the paragraph before it. */
const joinMapped = (paragraphs: readonly Mapped[]): Mapped => {
  const text = paragraphs.map((p) => p.text).join("\n");
  const map = new Int32Array(text.length);
  let k = 0;
  paragraphs.forEach((p, i) => {
    if (i > 0) {
      map[k] = (map[k - 1] ?? 0) + 1;
      k += 1;
    }
    map.set(p.map, k);
    k += p.map.length;
  });
  return { text, map };
};

const trimTitle = (s: string): string => s.replace(/[。；：\s]+$/, "");
const yearIn = (s: string | undefined): number | undefined => {
  const m = s === undefined ? null : /(\d{4})/.exec(s);
  return m === null ? undefined : Number(m[1]);
};
const clip = (s: string): string => (s.length > 30 ? `${s.slice(0, 30)}…` : s);
