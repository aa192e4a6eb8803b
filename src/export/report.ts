import type { IsoDate } from "../model/dates.js";
import type { Diagnostic } from "../model/diagnostic.js";
import type { ResponsibilityMatrix } from "../model/matrix.js";
import type { Plan } from "../model/plan.js";
import type { Occurrence } from "../model/schedule.js";
import type { ScoreCard } from "../model/scoring.js";
import type { Bulletin } from "../ledger/bulletin.js";
import { bulletinToText } from "../ledger/bulletin.js";
import type { OccurrenceStatus, OccurrenceStatusKind } from "../ledger/status.js";
import { explainScoreCard } from "../scoring/explain.js";
import { formatPoints } from "../scoring/points.js";

/**
 * 报告所需的数据（均由库中的纯函数得出）。What the report shows; every part comes from the library's
 * pure functions. Parts left out are left out of the report.
 *
 * @category Export
 * @example
 * const data: ReportData = { plan, matrix, occurrences, statuses, bulletin, cards, asOf, generatedOn: "2025-01-15" };
 */
export interface ReportData {
  readonly plan: Plan;
  readonly matrix?: ResponsibilityMatrix;
  readonly occurrences?: readonly Occurrence[];
  readonly statuses?: readonly OccurrenceStatus[];
  readonly bulletin?: Bulletin;
  readonly cards?: readonly ScoreCard[];
  readonly asOf?: IsoDate;
  readonly diagnostics?: readonly Diagnostic[];
  /** 方案名称（显示在评分部分）。The scheme's title, shown with the scores. */
  readonly schemeTitle?: string;
  /** 生成日期（由调用方给出，库中不读时钟）。The date the report was made (given by the caller). */
  readonly generatedOn?: IsoDate;
  /** 显示在报告开头的说明（如示例数据的声明）。Notes shown at the top (e.g. that the data is synthetic). */
  readonly notes?: readonly string[];
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/**
 * 转义 HTML 文本和属性值。Escape text for HTML content and attribute values.
 * @category Export
 * @example
 * escapeHtml("<script>alert(1)</script>");
 * //=> "&lt;script&gt;alert(1)&lt;/script&gt;"
 */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
const e = escapeHtml;

const STATUS_ZH: Readonly<Record<OccurrenceStatusKind, string>> = {
  upcoming: "未到期",
  due_soon: "即将到期",
  overdue: "逾期未完成",
  done_on_time: "按时完成",
  done_late: "逾期完成",
  undated: "随事件",
};
const STATUS_COLOR: Readonly<Record<OccurrenceStatusKind, string>> = {
  upcoming: "#9aa5b1",
  due_soon: "#e0a800",
  overdue: "#c62828",
  done_on_time: "#2e7d32",
  done_late: "#ef6c00",
  undated: "#9aa5b1",
};
/** The worst status among the units of an occurrence, for one colour on the timeline. */
const WORST: readonly OccurrenceStatusKind[] = ["overdue", "due_soon", "done_late", "upcoming", "done_on_time", "undated"];

const CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--lead:#0b4f8a;--resp:#4f8fcb;--supp:#a9cbe8;--cand:#dceaf7;--bg:#fff}
*{box-sizing:border-box}body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:var(--ink);margin:0;background:#f5f7fa;line-height:1.6}
main{max-width:1200px;margin:0 auto;padding:24px;background:var(--bg)}h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-left:4px solid var(--lead);padding-left:8px;margin-top:32px}
.meta{color:var(--muted);font-size:14px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.stat{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f4f8}.units{color:var(--muted);font-size:13px}.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;color:#fff}
.lead{background:var(--lead)}.resp{background:var(--resp)}.supp{background:var(--supp);color:var(--ink)}details{margin:2px 0}summary{cursor:pointer}
pre{white-space:pre-wrap;font-family:inherit;font-size:13px;background:#f8fafc;border:1px solid var(--line);padding:10px;border-radius:4px}
.scroll{overflow-x:auto}.legend span{margin-right:14px;font-size:13px}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.note{background:#fff8e1;border:1px solid #f0d58c;padding:6px 10px;border-radius:4px;font-size:14px}.bar{height:12px;background:var(--resp);display:inline-block;vertical-align:middle}.grade{font-weight:600}
@media print{body{background:#fff}main{max-width:none;padding:0}details{break-inside:avoid}details>*{display:block}h2{break-after:avoid}}
`;

const section = (id: string, title: string, body: string): string => `<section id="${id}"><h2>${e(title)}</h2>${body}</section>`;

const outline = (plan: Plan): string => {
  const rows = plan.sections
    .map((s) => {
      const tasks = s.tasks
        .map((t) => {
          const roles = t.clauses
            .map((c) => {
              const part = (cls: string, label: string, refs: readonly { text: string }[]) => (refs.length === 0 ? "" : `<span class="tag ${cls}">${label}</span> ${refs.map((r) => e(r.text)).join("、")} `);
              return part("lead", "牵头", c.assignment.lead) + part("resp", "责任", c.assignment.responsible) + part("supp", "配合", c.assignment.support);
            })
            .join("<br>");
          return `<tr data-task="${t.no}"><td>${t.no}</td><td><details><summary>${e(t.title)}</summary><pre>${e(t.text)}</pre></details></td><td class="units">${roles || "（未列单位）"}</td></tr>`;
        })
        .join("");
      return `<tr><th colspan="3">${s.no}. ${e(s.title)}</th></tr>${tasks}`;
    })
    .join("");
  return `<table class="outline"><thead><tr><th>序号</th><th>任务</th><th>分工</th></tr></thead><tbody>${rows}</tbody></table>`;
};

/** The matrix as an SVG heat map: units × tasks; lead / responsible / support, candidates lighter, group-derived cells dotted. */
const heatmap = (m: ResponsibilityMatrix): string => {
  const cell = 18;
  const left = 210;
  const top = 28;
  const roleRank: Readonly<Record<string, number>> = { lead: 0, responsible: 1, support: 2 };
  const best = new Map<string, { role: string; certainty: string; group: boolean }>();
  for (const c of m.cells) {
    const k = `${c.unitId}|${c.taskId}`;
    const prev = best.get(k);
    const cand = { role: c.role, certainty: c.certainty, group: c.origin.kind === "group" };
    if (prev === undefined || (roleRank[c.role] as number) < (roleRank[prev.role] as number) || (prev.certainty === "candidate" && c.certainty === "definite")) best.set(k, cand);
  }
  const color = (v: { role: string; certainty: string }) => (v.certainty === "candidate" ? "var(--cand)" : v.role === "lead" ? "var(--lead)" : v.role === "responsible" ? "var(--resp)" : "var(--supp)");
  const width = left + m.tasks.length * cell + 10;
  const height = top + m.units.length * cell + 10;
  const parts: string[] = [];
  m.tasks.forEach((t, j) => parts.push(`<text x="${left + j * cell + cell / 2}" y="${top - 8}" font-size="10" text-anchor="middle">${t.no}</text>`));
  m.units.forEach((u, i) => {
    const y = top + i * cell;
    parts.push(`<text x="${left - 6}" y="${y + 13}" font-size="12" text-anchor="end">${e(u.name)}</text>`);
    m.tasks.forEach((t, j) => {
      const v = best.get(`${u.id}|${t.id}`);
      const x = left + j * cell;
      if (v === undefined) parts.push(`<rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="#f4f6f8"/>`);
      else {
        const title = `${u.name} · 任务${t.no} · ${v.role === "lead" ? "牵头" : v.role === "responsible" ? "责任" : "配合"}${v.certainty === "candidate" ? "（候选）" : ""}${v.group ? "（经单位组）" : ""}`;
        parts.push(`<rect class="cell" data-role="${v.role}" x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${color(v)}"${v.group ? ' stroke="#0b4f8a" stroke-dasharray="2 2"' : ""}><title>${e(title)}</title></rect>`);
      }
    });
  });
  const legend = `<p class="legend"><span><i style="background:var(--lead)"></i>牵头单位</span><span><i style="background:var(--resp)"></i>责任单位</span><span><i style="background:var(--supp)"></i>配合单位</span><span><i style="background:var(--cand)"></i>候选（有关单位）</span><span><i style="border:1px dashed #0b4f8a"></i>经单位组得出</span></p>`;
  return `${legend}<div class="scroll"><svg id="matrix" role="img" aria-label="责任矩阵" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg></div>`;
};

/** A 12-month timeline of the dated occurrences, coloured by the worst status among their units. */
const timeline = (occurrences: readonly Occurrence[], statuses: readonly OccurrenceStatus[], year: number | undefined): string => {
  const dated = occurrences.filter((o) => o.due !== undefined && o.kind !== "ongoing" && (year === undefined || o.due.startsWith(String(year))));
  if (dated.length === 0) return "<p>没有带日期的时间节点。</p>";
  const worst = new Map<string, OccurrenceStatusKind>();
  for (const s of statuses) {
    const prev = worst.get(s.occurrenceId);
    if (prev === undefined || WORST.indexOf(s.status) < WORST.indexOf(prev)) worst.set(s.occurrenceId, s.status);
  }
  const tasks = [...new Set(dated.map((o) => o.taskNo))].sort((a, b) => a - b);
  const left = 70;
  const monthW = 80;
  const rowH = 26;
  const width = left + 12 * monthW + 10;
  const height = 30 + tasks.length * rowH + 10;
  const parts: string[] = [];
  for (let m = 0; m < 12; m++) {
    parts.push(`<rect x="${left + m * monthW}" y="20" width="${monthW}" height="${tasks.length * rowH + 10}" fill="${m % 2 === 0 ? "#f8fafc" : "#fff"}"/>`);
    parts.push(`<text x="${left + m * monthW + monthW / 2}" y="14" font-size="12" text-anchor="middle">${m + 1}月</text>`);
  }
  tasks.forEach((no, r) => parts.push(`<text x="${left - 8}" y="${34 + r * rowH + 8}" font-size="12" text-anchor="end">任务${no}</text>`));
  for (const o of dated) {
    const due = o.due as IsoDate;
    const month = Number(due.slice(5, 7)) - 1;
    const day = Number(due.slice(8, 10));
    const x = left + month * monthW + Math.min(monthW - 6, (day / 31) * monthW);
    const y = 34 + tasks.indexOf(o.taskNo) * rowH + 4;
    const status = worst.get(o.id) ?? "upcoming";
    parts.push(`<circle class="occ" data-status="${status}" cx="${x.toFixed(1)}" cy="${y}" r="7" fill="${STATUS_COLOR[status]}"><title>${e(`任务${o.taskNo} ${o.label}：${o.action}（截止${due}，${STATUS_ZH[status]}）`)}</title></circle>`);
  }
  const legend = `<p class="legend">${(["done_on_time", "done_late", "overdue", "due_soon", "upcoming"] as const).map((s) => `<span><i style="background:${STATUS_COLOR[s]};border-radius:6px"></i>${STATUS_ZH[s]}</span>`).join("")}</p>`;
  return `${legend}<div class="scroll"><svg id="timeline" role="img" aria-label="时间节点" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg></div>`;
};

const scores = (cards: readonly ScoreCard[], title: string | undefined): string => {
  const max = Math.max(1, ...cards.map((c) => c.total));
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.grade, (counts.get(c.grade) ?? 0) + 1);
  const summary = `<p>${title !== undefined ? `${e(title)}。` : ""}等次分布：${[...counts].map(([g, n]) => `${e(g)} ${n} 个`).join("，")}。点击单位名称查看评分说明。</p>`;
  const rows = cards
    .map((c) => {
      const w = Math.max(0, Math.round((c.total / max) * 260));
      return `<tr class="score"><td>${c.rank}</td><td><details><summary>${e(c.name)}</summary><pre>${e(explainScoreCard(c))}</pre></details></td><td>${formatPoints(c.total)}</td><td><span class="bar" style="width:${w}px"></span></td><td class="grade">${e(c.grade)}${c.vetoed ? "（一票否决）" : ""}</td></tr>`;
    })
    .join("");
  return `${summary}<table id="scores"><thead><tr><th>名次</th><th>单位</th><th>得分</th><th></th><th>等次</th></tr></thead><tbody>${rows}</tbody></table>`;
};

/**
 * 生成一份独立的 HTML 报告（内联 CSS 和 SVG，不请求任何外部资源，不需要框架）：工作安排概览及各任务分工、
 * 责任矩阵热力图、全年时间节点（按状态着色）、工作进展通报、考核得分表（柱状图、等次，可展开查看说明）。
 * 所有来自输入的文字均经转义。适合笔记本屏幕阅读，也可打印。
 *
 * Render one self-contained HTML report (inline CSS and SVG, no external requests, no
 * framework): the plan outline with each task's units, the matrix as a heat map, a 12-month
 * timeline coloured by status, the bulletin, and the score table with bars, grades and
 * expandable explanations. All input text is escaped. Readable on a laptop and printable.
 *
 * @category Export
 * @example
 * const html = renderReport({ plan, matrix, occurrences, statuses, bulletin, cards, asOf, generatedOn: IsoDate.parse("2025-01-15") });
 * html.startsWith("<!DOCTYPE html>");
 * //=> true
 */
export const renderReport = (data: ReportData): string => {
  const { plan } = data;
  const tasks = plan.sections.flatMap((s) => s.tasks);
  const stats = [
    ["部分", plan.sections.length],
    ["任务", tasks.length],
    ...(data.matrix !== undefined ? [["单位", data.matrix.units.length] as const] : []),
    ...(data.occurrences !== undefined ? [["时间节点", data.occurrences.length] as const] : []),
    ...(data.bulletin !== undefined ? [["逾期未完成", data.bulletin.totals.overdue] as const] : []),
  ];
  const head = `<header><h1>${e(plan.title || "工作安排")}</h1><p class="meta">${[plan.issuer, plan.docNumber, data.asOf !== undefined ? `数据截至 ${data.asOf}` : undefined, data.generatedOn !== undefined ? `生成于 ${data.generatedOn}` : undefined]
    .filter((x): x is string => x !== undefined)
    .map(e)
    .join(" · ")}</p><div class="cards">${stats.map(([k, v]) => `<div class="stat"><span>${e(String(k))}</span><b>${v}</b></div>`).join("")}</div>${(data.notes ?? []).map((n) => `<p class="note">${e(n)}</p>`).join("")}</header>`;
  const body = [
    section("outline", "一、工作安排与分工", outline(plan)),
    data.matrix !== undefined ? section("matrix-section", "二、责任矩阵", heatmap(data.matrix)) : "",
    data.occurrences !== undefined ? section("timeline-section", "三、全年时间节点", timeline(data.occurrences, data.statuses ?? [], plan.year)) : "",
    data.bulletin !== undefined ? section("bulletin", "四、工作进展通报", `<pre>${e(bulletinToText(data.bulletin))}</pre>`) : "",
    data.cards !== undefined ? section("scores-section", "五、考核得分", scores(data.cards, data.schemeTitle)) : "",
    data.diagnostics !== undefined && data.diagnostics.length > 0
      ? section("diagnostics", "附：解析与校验提示", `<ul>${data.diagnostics.map((d) => `<li>[${e(d.severity)}] ${e(d.code)}${d.source !== undefined ? `（第${d.source.line}行）` : ""}：${e(d.message)}</li>`).join("")}</ul>`)
      : "",
  ].join("");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(plan.title || "fazhi 报告")}</title><style>${CSS}</style></head><body><main>${head}${body}<footer class="meta"><p>由 fazhi 生成。Generated by fazhi.</p></footer></main></body></html>\n`;
};
