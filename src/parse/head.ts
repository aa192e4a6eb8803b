import type { Block } from "./blocks.js";
import { type ParseContext, clip } from "./rules.js";

/** What the head of a document says: the notice wrapper, the title, the preamble. */
export interface Head {
  issuer?: string;
  docNumber?: string;
  noticeTitle?: string;
  /** The title inside the notice title (关于印发《X》的通知 → X). */
  noticeDocTitle?: string;
  addressees?: string[];
  title?: string;
  /** The year of the signature date (2024年3月1日), for a title without one. */
  dateYear?: number;
  preamble: string[];
  unknown: Block[];
}

/**
 * 文头规则：识别标题之前的一段（文件头、文号、通知标题、主送单位、印发语、落款、网站杂项）。
 * A head rule: recognises one block before the body, records what it says and returns true, or
 * returns false to let the next rule try.
 */
export interface HeadRule {
  readonly name: string;
  readonly read: (text: string, head: Head, block: Block, ctx: ParseContext) => boolean;
}

const GENRE = "(?:工作安排|工作要点|工作计划|实施方案|任务分工方案|分工方案|重点任务|实施意见|工作方案|具体措施|若干措施|责任分解|任务分解|分工意见|规划|意见|方案|要点|计划|措施)";
const YEAR_RANGE = "(?:（\\d{4}[-—–－~～至]\\d{4}年?）)";
/** A title: short, no sentence punctuation, ending with a genre word and perhaps a year range. */
export const TITLE = new RegExp(`^[^。，；！？：]{2,70}${GENRE}${YEAR_RANGE}?$`);
const FILE_HEAD = /^(.{2,40}?)文件$/;
const DOC_NUMBER = /^[\u3400-\u9fff]{1,12}〔\d{4}〕\d{1,4}号$/;
const NOTICE_TITLE = /^(.{0,60}?)关于印发(?:《(.{1,100}?)》|(.{1,100}?))的通知$/;
const ISSUE_SENTENCE = /印发给你们|^现将.{0,120}(印发|发给|转发)/;
export const DATE_LINE = /^(\d{4})年\d{1,2}月\d{1,2}日$/;
/**
 * Site boilerplate and page furniture before the title: navigation, publication data, font and print
 * controls, share buttons, essay-site lead-ins.
 */
const BOILERPLATE =
  /^(?:首页|当前位置|您当前的位置|您的位置|返回首页|发布时间|发布日期|更新日期|成文日期|信息来源|来源[：]|浏览|字体|字号|【字体|【打印|打印本页|关闭窗口|分享到|扫一扫|索引号|主题分类|发文日期|公开方式|文号[：]|时效|发布单位|发布文号|有效性状态|属性|备注|核心提示|时间[：]|生效日期|废止日期|\|)|(?:小编|供大家参考|仅供参考|实用文档|浏览次数|【大|】【关闭】|打印】)/;

export const HEAD_RULES: readonly HeadRule[] = Object.freeze([
  {
    name: "fileHead",
    read: (t, h) => {
      const m = h.title === undefined && h.docNumber === undefined && h.issuer === undefined ? FILE_HEAD.exec(t) : null;
      if (m !== null) h.issuer = m[1] as string;
      return m !== null;
    },
  },
  { name: "docNumber", read: (t, h) => h.docNumber === undefined && DOC_NUMBER.test(t) && ((h.docNumber = t), true) },
  {
    name: "noticeTitle",
    read: (t, h) => {
      const m = h.noticeTitle === undefined ? NOTICE_TITLE.exec(t) : null;
      if (m === null) return false;
      h.noticeTitle = t;
      h.noticeDocTitle = (m[2] ?? m[3] ?? "").replace(/\s+/g, "");
      if (h.issuer === undefined && (m[1] ?? "").length > 1) h.issuer = m[1] as string;
      return true;
    },
  },
  {
    name: "addressees",
    read: (t, h) => {
      if (h.title !== undefined || h.addressees !== undefined || !/：$/.test(t) || t.length > 200 || (h.noticeTitle === undefined && !t.startsWith("各"))) return false;
      h.addressees = t.slice(0, -1).split(/[，；]/).map((s) => s.trim()).filter((s) => s.length > 0);
      return true;
    },
  },
  { name: "issueSentence", read: (t, h) => h.title === undefined && t.length <= 300 && ISSUE_SENTENCE.test(t) },
  {
    name: "signature",
    read: (t, h) => {
      const date = h.title === undefined ? DATE_LINE.exec(t) : null;
      if (date !== null) h.dateYear = Number(date[1]);
      return h.title === undefined && (date !== null || t === h.issuer || /^（此件.{1,20}）$/.test(t));
    },
  },
  {
    name: "boilerplate",
    read: (t, h, block, ctx) => {
      if (h.title !== undefined || !BOILERPLATE.test(t)) return false;
      ctx.report("boilerplate_removed", "info", `删除网页杂项：“${clip(t)}”`, `Removed site boilerplate: "${clip(t)}"`, block);
      return true;
    },
  },
  { name: "title", read: (t, h) => h.title === undefined && !t.includes("关于印发") && TITLE.test(t) && ((h.title = t), true) },
]);

/**
 * 读出正文之前的部分。未识别的文字：有标题时报告 `unrecognized_text`，没有标题时作为导语保留。
 * Read the blocks before the body with the head rules. Unknown text is reported when a title was
 * found, or kept as the preamble when none was (nothing is dropped).
 */
export const readHead = (blocks: readonly Block[], rules: readonly HeadRule[], ctx: ParseContext): Head => {
  const head: Head = { preamble: [], unknown: [] };
  for (const b of blocks) {
    if (rules.some((r) => r.read(b.text, head, b, ctx))) continue;
    if (head.title !== undefined) head.preamble.push(b.text);
    else head.unknown.push(b);
  }
  if (head.title === undefined && head.noticeDocTitle !== undefined && head.noticeDocTitle !== "") head.title = head.noticeDocTitle;
  if (head.title === undefined) {
    for (const b of head.unknown) head.preamble.push(b.text);
    ctx.report("title_missing", "warning", "未找到工作安排标题（如“××县2024年度法治政府建设工作安排”）", "No plan title found (like ××县2024年度法治政府建设工作安排)", undefined, undefined, undefined, ["title"]);
  } else {
    for (const b of head.unknown) ctx.report("unrecognized_text", "warning", `标题前有未识别的文字：“${clip(b.text)}”`, `Unrecognised text before the title: "${clip(b.text)}"`, b);
  }
  return head;
};

/** A signature line: an office's name, without punctuation (蔡甸区人民政府办公室). */
const SIGNATURE = /^[^。，；！？：、\s]{2,30}(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|办公室|办公厅|委员会)$/;
const KEEP_NOTE = /^（此件.{1,20}）$/;

/**
 * 规则 `noticeItems`：印发通知自带“一、二、”，其后是落款（××人民政府办公室）和日期，再后是重复的工作安排标题：正文从标题之后开始，
 * 通知的各项不是任务。Rule noticeItems: a covering notice with numbered items of its own, then its
 * signature and date, then the plan's title repeated: the body starts after that title. Returns the
 * body's first block, or -1. Only 一、-level items without units may stand before the signature (a
 * plan's own body does not end up in the head); one pass, stopping at the first signature and date.
 */
const planAfterNotice = (blocks: readonly Block[], firstMarker: number): number => {
  for (let d = firstMarker + 1; d + 2 < blocks.length; d++) {
    // A notice's items are 一、二、 paragraphs without units: a role line or a deeper item is a plan's body.
    const b = blocks[d - 1] as Block;
    if (b.kind === "roles" || (b.marker !== undefined && b.marker.style.rank > 1)) return -1;
    if (d < firstMarker + 2 || !DATE_LINE.test((blocks[d] as Block).text) || !SIGNATURE.test((blocks[d - 1] as Block).text)) continue;
    let t = d + 1;
    while (t < blocks.length && KEEP_NOTE.test((blocks[t] as Block).text)) t += 1;
    const title = blocks[t];
    const next = blocks[t + 1];
    return title !== undefined && title.marker === undefined && TITLE.test(title.text) && next?.marker !== undefined ? t + 1 : -1;
  }
  return -1;
};

/**
 * Where the body starts: at the first numbered block, unless a title stands after it and before the
 * first 一、/（一） heading (then numbered lines before the title belong to the notice around it).
 * A fragment that starts with 3. items, before any 一、, starts there.
 */
export const bodyStart = (blocks: readonly Block[], rules: { readonly unnumbered?: boolean; readonly noticeItems?: boolean } = {}): number => {
  const firstAt = (rank: number, from = 0) => blocks.findIndex((b, i) => i >= from && b.marker !== undefined && b.marker.style.rank <= rank);
  const any = firstAt(Number.POSITIVE_INFINITY);
  const unnumbered = rules.unnumbered === true;
  if (rules.noticeItems === true && any !== -1) {
    const afterNotice = planAfterNotice(blocks, any);
    if (afterNotice !== -1) return afterNotice;
  }
  if (any === -1) {
    // No numbering at all (rule unnumberedTasks): the body starts at the paragraph before the first role line.
    const roles = unnumbered ? blocks.findIndex((b) => b.kind === "roles") : -1;
    return roles > 0 && blocks[roles - 1]?.kind === "text" ? roles - 1 : blocks.length;
  }
  const main = firstAt(2);
  const limit = main === -1 ? blocks.length : main;
  let title = -1;
  for (let i = any + 1; i < limit; i++) if (blocks[i]?.marker === undefined && TITLE.test(blocks[i]?.text ?? "")) title = i;
  if (title === -1) return any;
  const after = firstAt(Number.POSITIVE_INFINITY, title + 1);
  return after === -1 ? blocks.length : after;
};
