import * as z from "zod";
import { IsoDate, compareIsoDate } from "../model/dates.js";
import { Diagnostic } from "../model/diagnostic.js";
import { argument } from "../model/guard.js";
import { ResponsibilityMatrix } from "../model/matrix.js";
import { Plan } from "../model/plan.js";
import { Occurrence } from "../model/schedule.js";
import { ScoreCard } from "../model/scoring.js";
import { type Bulletin, BulletinShape, bulletinToText } from "../ledger/bulletin.js";
import { type OccurrenceStatus, type OccurrenceStatusKind, OccurrenceStatusShape } from "../ledger/status.js";
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

/** The shape of {@link ReportData}, for the argument check of {@link renderReport}. */
const ReportDataShape = z.object({
  plan: Plan,
  matrix: ResponsibilityMatrix.optional(),
  occurrences: z.array(Occurrence).optional(),
  statuses: z.array(OccurrenceStatusShape).optional(),
  bulletin: BulletinShape.optional(),
  cards: z.array(ScoreCard).optional(),
  asOf: IsoDate.optional(),
  diagnostics: z.array(Diagnostic).optional(),
  schemeTitle: z.string().optional(),
  generatedOn: IsoDate.optional(),
  notes: z.array(z.string()).optional(),
});

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
const ROLE_ZH: Readonly<Record<string, string>> = { lead: "牵头", responsible: "责任", support: "配合" };
const SEVERITY_ZH: Readonly<Record<string, string>> = { error: "错误", warning: "警告", info: "说明" };

/** At most `n` characters (code points), with … when cut. */
const short = (s: string, n: number): string => {
  const cs = [...s];
  return cs.length <= n ? s : `${cs.slice(0, n - 1).join("")}…`;
};

// Screen: a page that fits a phone (390 px) without sideways scrolling: wide figures give way to
// lists under 640 px. Print: A4, explanations expanded, figures scaled to the page.
const CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--lead:#0b4f8a;--resp:#4f8fcb;--supp:#a9cbe8;--cand:#9fb3c8;--bg:#fff}
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:var(--ink);margin:0;background:#f5f7fa;line-height:1.6;overflow-wrap:anywhere}
main{max-width:1200px;margin:0 auto;padding:24px;background:var(--bg)}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;border-left:4px solid var(--lead);padding-left:8px;margin-top:32px}h2 small,.en{color:var(--muted);font-weight:400;font-size:13px}
.meta{color:var(--muted);font-size:14px}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}.stat{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}
.stat b{display:block;font-size:22px}.stat .en{display:block;font-size:12px;line-height:1.2}.stat.alert b{color:#c62828}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:#f0f4f8}
td.no{width:3em;white-space:nowrap}.units{color:var(--muted);font-size:13px}.tag{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;color:#fff;white-space:nowrap}
.lead{background:var(--lead)}.resp{background:var(--resp)}.supp{background:var(--supp);color:var(--ink)}details{margin:2px 0}summary{cursor:pointer}
pre{white-space:pre-wrap;font-family:inherit;font-size:13px;background:#f8fafc;border:1px solid var(--line);padding:10px;border-radius:4px;margin:6px 0}
figure{margin:0}figure svg{display:block;width:100%;height:auto}figcaption{font-size:13px;color:var(--muted);margin:4px 0 8px}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px;margin:8px 0}.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
.note{background:#fff8e1;border:1px solid #f0d58c;padding:6px 10px;border-radius:4px;font-size:14px}
.by-unit li,.dated li{margin:4px 0}.dated i{display:inline-block;width:10px;height:10px;margin-right:6px}h3{font-size:15px;margin:16px 0 4px}.by-unit,.dated{padding-left:1.2em;font-size:14px}.by-unit b{font-weight:600}
.row{display:grid;grid-template-columns:3em minmax(9em,16em) 4.5em minmax(0,1fr) 7em;gap:8px;align-items:center;padding:6px 4px;border-bottom:1px solid var(--line);font-size:14px}
.scores .head{background:#f0f4f8;font-weight:600}.scores summary.row{list-style:none}.scores summary.row::-webkit-details-marker{display:none}
.scores .name::before{content:"▸ ";color:var(--muted)}.scores details[open] .name::before{content:"▾ "}.pts{text-align:right;font-variant-numeric:tabular-nums}
.bar{display:inline-block;height:12px;background:var(--resp);vertical-align:middle}.grade{font-weight:600}.print-copy{display:none}
.diag li{margin:4px 0}.diag .code{color:var(--muted);font-size:12px;margin-left:6px}
.narrow-only{display:none}
@media (max-width:640px){
 main{padding:14px}h1{font-size:20px}.stat{min-width:0;flex:1 1 40%;padding:6px 10px}
 .wide-only{display:none}.narrow-only{display:block}
 table.outline thead{display:none}table.outline tr{display:block;border-bottom:1px solid var(--line);padding:6px 0}table.outline td,table.outline th{display:block;border:0;padding:2px 4px}
 table.outline td.no{display:inline-block;width:auto;float:left;margin-right:4px}
 .row{grid-template-columns:2.2em minmax(8em,1fr) 4em 4.5em}.row .barcol{display:none}
}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{background:#fff;font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}main{max-width:none;padding:0}.wide-only{display:block}.narrow-only{display:none}
 h2{break-after:avoid}figure,tr,.row{break-inside:avoid}.note{border-color:#999}
 .scores details>pre{display:none}.print-copy{display:block;break-inside:auto;margin:0 0 8px 3em;background:none;border:0;border-left:2px solid #bbb;border-radius:0;padding:2px 10px}.scores .name::before{content:""}
 .diag details>*{display:block}a{color:inherit;text-decoration:none}
}
`;

const section = (id: string, title: string, en: string, body: string): string => `<section id="${id}"><h2>${e(title)} <small>${e(en)}</small></h2>${body}</section>`;

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
          return `<tr data-task="${t.no}"><td class="no">${t.no}</td><td><details><summary>${e(t.title)}</summary><pre>${e(t.text)}</pre></details></td><td class="units">${roles || "（未列单位）"}</td></tr>`;
        })
        .join("");
      return `<tr><th colspan="3">${s.no}. ${e(s.title)}</th></tr>${tasks}`;
    })
    .join("");
  return `<table class="outline"><thead><tr><th>序号</th><th>任务</th><th>分工</th></tr></thead><tbody>${rows}</tbody></table>`;
};

interface BestCell {
  readonly role: string;
  readonly certainty: string;
  readonly group: boolean;
}
/** Per (unit, task), the strongest cell: lead over responsible over support, definite over candidate. */
const strongestCells = (m: ResponsibilityMatrix): Map<string, BestCell> => {
  const rank = (c: { role: string; certainty: string }) => (c.certainty === "definite" ? 0 : 3) + (c.role === "lead" ? 0 : c.role === "responsible" ? 1 : 2);
  const best = new Map<string, BestCell>();
  for (const c of m.cells) {
    const k = `${c.unitId}|${c.taskId}`;
    const prev = best.get(k);
    const cand = { role: c.role, certainty: c.certainty, group: c.origin.kind === "group" };
    if (prev === undefined || rank(cand) < rank(prev)) best.set(k, cand);
  }
  return best;
};

/**
 * The matrix: a heat map of units × tasks whose columns are named by task titles, lead and
 * responsible cells solid, candidates (有关单位) only a small dot; and the same by unit as a list,
 * which replaces the heat map on a phone.
 */
const heatmap = (m: ResponsibilityMatrix): string => {
  const best = strongestCells(m);
  const cell = 20;
  const left = 200;
  const top = 150;
  const width = left + m.tasks.length * cell + 120;
  const height = top + m.units.length * cell + 10;
  const parts: string[] = [];
  m.tasks.forEach((t, j) => {
    const x = left + j * cell + cell / 2 + 4;
    parts.push(`<g class="col"><title>${e(`任务${t.no} ${t.title}`)}</title><text x="${x}" y="${top - 6}" font-size="11" transform="rotate(-55 ${x} ${top - 6})">${t.no} ${e(short(t.title, 11))}</text></g>`);
  });
  m.units.forEach((u, i) => {
    const y = top + i * cell;
    if (i % 2 === 1) parts.push(`<rect x="0" y="${y - 1}" width="${left + m.tasks.length * cell}" height="${cell}" fill="#f8fafc"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 14}" font-size="12" text-anchor="end">${e(short(u.name, 16))}</text>`);
    m.tasks.forEach((t, j) => {
      const v = best.get(`${u.id}|${t.id}`);
      if (v === undefined) return;
      const x = left + j * cell;
      const title = `${u.name} · 任务${t.no} ${t.title} · ${ROLE_ZH[v.role] ?? v.role}${v.certainty === "candidate" ? "（候选）" : ""}${v.group ? "（经单位组）" : ""}`;
      const attrs = `class="cell" data-role="${v.role}" data-certainty="${v.certainty}"`;
      if (v.certainty === "candidate") parts.push(`<circle ${attrs} cx="${x + cell / 2 - 1}" cy="${y + cell / 2 - 1}" r="2.5" fill="var(--cand)"><title>${e(title)}</title></circle>`);
      else {
        const fill = v.role === "lead" ? "var(--lead)" : v.role === "responsible" ? "var(--resp)" : "var(--supp)";
        parts.push(`<rect ${attrs} x="${x + 1}" y="${y + 1}" width="${cell - 4}" height="${cell - 4}" rx="2" fill="${fill}"${v.group ? ' stroke="#fff" stroke-dasharray="2 2"' : ""}><title>${e(title)}</title></rect>`);
      }
    });
  });
  const legend = `<p class="legend"><span><i style="background:var(--lead)"></i>牵头单位</span><span><i style="background:var(--resp)"></i>责任单位</span><span><i style="background:var(--supp)"></i>配合单位</span><span><i style="background:var(--cand);border-radius:6px;transform:scale(.5)"></i>候选（“有关单位”，未必负有责任）</span><span><i style="background:var(--resp);outline:1px dashed #fff;outline-offset:-3px"></i>经单位组得出（虚线框）</span></p>`;
  const svg = `<figure class="wide-only">${legend}<svg id="matrix" role="img" aria-label="责任矩阵：单位×任务" viewBox="0 0 ${width} ${height}" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg><figcaption>列为任务（序号和标题），行为单位；把鼠标停在格子上可看完整说明。Columns are tasks, rows units.</figcaption></figure>`;
  return `${svg}${byUnit(m, best)}`;
};

/** The matrix by unit: each unit's tasks by role, candidates counted apart. */
const byUnit = (m: ResponsibilityMatrix, best: ReadonlyMap<string, BestCell>): string => {
  const items = m.units.map((u) => {
    const groups: Record<string, string[]> = { lead: [], responsible: [], support: [], candidate: [] };
    for (const t of m.tasks) {
      const v = best.get(`${u.id}|${t.id}`);
      if (v !== undefined) (groups[v.certainty === "candidate" ? "candidate" : v.role] as string[]).push(`${t.no}`);
    }
    const part = (key: string, label: string) => ((groups[key] as string[]).length > 0 ? `<span class="tag ${key === "lead" ? "lead" : key === "responsible" ? "resp" : "supp"}">${label}</span> 任务${(groups[key] as string[]).join("、")}` : "");
    const parts = [part("lead", "牵头"), part("responsible", "责任"), part("support", "配合")].filter((x) => x !== "");
    const cand = (groups.candidate as string[]).length;
    return `<li><b>${e(u.name)}</b>：${parts.join("；") || "无确定的分工"}${cand > 0 ? `<span class="units">；候选 ${cand} 项</span>` : ""}</li>`;
  });
  return `<h3>按单位 By unit</h3><ul class="by-unit">${items.join("")}</ul>`;
};

interface DatedGroup {
  readonly taskNo: number;
  readonly due: IsoDate;
  readonly occurrences: Occurrence[];
  status: OccurrenceStatusKind;
  overdue: number;
}

/**
 * The year's dated occurrences (deadlines, windows, recurring and year-end checkpoints of ongoing
 * work), one row per task, one marker per task and due date, coloured by the worst status among
 * the units; each marker carries how many unit items are overdue, so that the markers add up to
 * the overdue card. On a phone, the same as a list by date.
 */
const timeline = (
  occurrences: readonly Occurrence[],
  statuses: readonly OccurrenceStatus[],
  year: number | undefined,
  titles: ReadonlyMap<number, string>,
  emptyGroups: ReadonlyMap<string, readonly string[]>,
): string => {
  const dated = occurrences.filter((o): o is Occurrence & { due: IsoDate } => o.due !== undefined && (year === undefined || o.due.startsWith(String(year))));
  if (dated.length === 0) return "<p>没有带日期的时间节点。No dated items.</p>";
  const worst = new Map<string, OccurrenceStatusKind>();
  const overdueUnits = new Map<string, number>();
  for (const s of statuses) {
    const prev = worst.get(s.occurrenceId);
    if (prev === undefined || WORST.indexOf(s.status) < WORST.indexOf(prev)) worst.set(s.occurrenceId, s.status);
    if (s.status === "overdue" && s.unitId !== undefined) overdueUnits.set(s.occurrenceId, (overdueUnits.get(s.occurrenceId) ?? 0) + 1);
  }
  const groups = new Map<string, DatedGroup>();
  for (const o of dated) {
    const k = `${o.taskNo}|${o.due}`;
    const g = groups.get(k) ?? { taskNo: o.taskNo, due: o.due, occurrences: [], status: "done_on_time", overdue: 0 };
    const st = worst.get(o.id) ?? "upcoming";
    if (g.occurrences.length === 0 || WORST.indexOf(st) < WORST.indexOf(g.status)) g.status = st;
    g.occurrences.push(o);
    g.overdue += overdueUnits.get(o.id) ?? 0;
    groups.set(k, g);
  }
  const tasks = [...new Set(dated.map((o) => o.taskNo))].sort((a, b) => a - b);
  const left = 200;
  const monthW = 70;
  const rowH = 26;
  const width = left + 12 * monthW + 16;
  const height = 30 + tasks.length * rowH + 10;
  const parts: string[] = [];
  for (let m = 0; m < 12; m++) {
    parts.push(`<rect x="${left + m * monthW}" y="20" width="${monthW}" height="${tasks.length * rowH + 10}" fill="${m % 2 === 0 ? "#f4f7fa" : "#fff"}"/>`);
    parts.push(`<text x="${left + m * monthW + monthW / 2}" y="14" font-size="12" text-anchor="middle">${m + 1}月</text>`);
  }
  tasks.forEach((no, r) => parts.push(`<g class="task"><title>${e(`任务${no} ${titles.get(no) ?? ""}`)}</title><text x="${left - 8}" y="${34 + r * rowH + 8}" font-size="12" text-anchor="end">任务${no} ${e(short(titles.get(no) ?? "", 10))}</text></g>`));
  const list: string[] = [];
  for (const g of [...groups.values()].sort((a, b) => compareIsoDate(a.due, b.due) || a.taskNo - b.taskNo)) {
    const month = Number(g.due.slice(5, 7)) - 1;
    const day = Number(g.due.slice(8, 10));
    const x = left + month * monthW + Math.min(monthW - 8, Math.max(8, (day / 31) * monthW));
    const y = 34 + tasks.indexOf(g.taskNo) * rowH + 4;
    const what = g.occurrences.map((o) => `${o.label}：${o.action}`).join("；");
    const unbound = g.occurrences.every((o) => o.unitIds.length === 0);
    const groupsNamed = [...new Set(g.occurrences.flatMap((o) => emptyGroups.get(o.id) ?? []))];
    const unboundText = groupsNamed.length > 0 ? `，责任单位组${groupsNamed.map((n) => `“${n}”`).join("、")}尚无成员` : "，公文未列责任单位";
    const overdueText = g.overdue > 0 ? `，${g.overdue}个单位逾期未完成` : unbound ? unboundText : "";
    parts.push(
      `<g class="occ" data-status="${g.status}" data-overdue="${g.overdue}" data-unbound="${unbound}" data-count="${g.occurrences.length}"><circle cx="${x.toFixed(1)}" cy="${y}" r="8" fill="${STATUS_COLOR[g.status]}"/>` +
        (g.occurrences.length > 1 ? `<text x="${x.toFixed(1)}" y="${y + 4}" font-size="10" fill="#fff" text-anchor="middle">${g.occurrences.length}</text>` : "") +
        `<title>${e(`任务${g.taskNo}（截止${g.due}，${STATUS_ZH[g.status]}${overdueText}）：${what}`)}</title></g>`,
    );
    list.push(`<li data-status="${g.status}"><i style="background:${STATUS_COLOR[g.status]};border-radius:6px"></i>${g.due} · 任务${g.taskNo} · ${STATUS_ZH[g.status]}${e(overdueText)}：${e(what)}</li>`);
  }
  const overdueTotal = [...groups.values()].reduce((n, g) => n + g.overdue, 0);
  const red = [...groups.values()].filter((g) => g.status === "overdue");
  const redUnbound = red.filter((g) => g.overdue === 0);
  const redEmptyGroup = redUnbound.filter((g) => g.occurrences.some((o) => emptyGroups.has(o.id))).length;
  const redNoUnit = redUnbound.length - redEmptyGroup;
  const undated = occurrences.length - dated.length;
  const caption =
    `${tasks.length}项任务共${dated.length}个有日期的时间节点${undated > 0 ? `（另有${undated}个随事件或不在本年度，没有固定日期）` : ""}；同一任务同一天的节点合为一个圆点，圆点中的数字为节点数。` +
    `逾期未完成${overdueTotal}项（按单位计），在${red.length - redUnbound.length}个红色圆点上${redNoUnit > 0 ? `；另有${redNoUnit}个红色圆点的节点公文未列责任单位，不计入` : ""}${redEmptyGroup > 0 ? `；另有${redEmptyGroup}个红色圆点的节点责任单位组尚无成员，不计入` : ""}。`;
  const legend = `<p class="legend">${(["done_on_time", "done_late", "overdue", "due_soon", "upcoming"] as const).map((s) => `<span><i style="background:${STATUS_COLOR[s]};border-radius:6px"></i>${STATUS_ZH[s]}</span>`).join("")}</p>`;
  return `${legend}<figure class="wide-only"><svg id="timeline" role="img" aria-label="全年时间节点" viewBox="0 0 ${width} ${height}" style="max-width:${width}px" xmlns="http://www.w3.org/2000/svg">${parts.join("")}</svg><figcaption>${e(caption)}</figcaption></figure><div class="narrow-only"><p class="units">${e(caption)}</p><ul class="dated legend-list">${list.join("")}</ul></div>`;
};

/** The score list: one row per unit (rank, name, points, bar, grade), its explanation beneath (expanded when printed). */
const scores = (cards: readonly ScoreCard[], title: string | undefined): string => {
  const max = Math.max(1, ...cards.map((c) => c.total));
  const counts = new Map<string, number>();
  for (const c of cards) counts.set(c.grade, (counts.get(c.grade) ?? 0) + 1);
  const summary = `<p>${title !== undefined ? `${e(title)}。` : ""}等次分布：${[...counts].map(([g, n]) => `${e(g)} ${n} 个`).join("，")}。点击单位查看评分说明（打印时全部展开）。</p>`;
  const head = `<div class="row head" aria-hidden="true"><span>名次</span><span>单位</span><span class="pts">得分</span><span class="barcol"></span><span>等次</span></div>`;
  const rows = cards
    .map((c) => {
      const w = Math.max(0, Math.round((c.total / max) * 100));
      const explanation = e(explainScoreCard(c));
      return `<details class="score" data-unit="${e(c.unitId)}"><summary class="row"><span class="rank">${c.rank ?? "—"}</span><span class="name">${e(c.name)}</span><span class="pts">${formatPoints(c.total)}</span><span class="barcol"><i class="bar" style="width:${w}%"></i></span><span class="grade">${e(c.grade)}${c.vetoed ? "（一票否决）" : ""}</span></summary><pre class="explain">${explanation}</pre></details><pre class="explain print-copy" aria-hidden="true">${explanation}</pre>`;
    })
    .join("");
  return `${summary}<div id="scores" class="scores">${head}${rows}</div>`;
};

/** The appendix: each diagnostic's message first (with where it is), its code and severity after. */
const diagnosticsList = (diagnostics: readonly Diagnostic[]): string => {
  const item = (d: Diagnostic) =>
    `<li>${d.source !== undefined ? `第${d.source.line}行：` : ""}${e(d.message)} <span class="en">${e(d.messageEn)}</span><span class="code">${e(SEVERITY_ZH[d.severity] ?? d.severity)} · ${e(d.code)}</span></li>`;
  const main = diagnostics.filter((d) => d.severity !== "info");
  const info = diagnostics.filter((d) => d.severity === "info");
  return (
    `<div class="diag">${main.length > 0 ? `<ul>${main.map(item).join("")}</ul>` : "<p>没有错误或警告。No errors or warnings.</p>"}` +
    (info.length > 0 ? `<details><summary>另有${info.length}条说明（如被分页打断的句子已接合）/ ${info.length} notes</summary><ul>${info.map(item).join("")}</ul></details>` : "") +
    "</div>"
  );
};

/**
 * 生成一份独立的 HTML 报告（内联 CSS 和 SVG，不请求任何外部资源，不含脚本）：工作安排概览及各任务分工、
 * 责任矩阵（列为任务标题，牵头和责任单位为实心格，“有关单位”候选只是小圆点）及按单位的列表、全年时间节点
 * （每个有日期的任务一行，按状态着色，逾期数与上方卡片一致）、工作进展通报、考核得分（可展开评分说明）、
 * 解析提示（先说明，后代码）。手机（390 像素宽）上不横向滚动，宽图改为列表；打印为 A4，评分说明全部展开。
 * 所有来自输入的文字均经转义。
 *
 * Render one self-contained HTML report (inline CSS and SVG, no external requests, no scripts):
 * the plan outline with each task's units; the matrix (columns named by task titles, lead and
 * responsible cells solid, candidates only dots) with a by-unit list; the year's timeline (a
 * row for every task with a dated item, coloured by status, its overdue count agreeing with the
 * card); the bulletin; the scores with expandable explanations; and the parser's notes (message
 * first, code after). On a 390 px phone nothing scrolls sideways (wide figures become lists);
 * printed, it is A4 with every explanation expanded. All input text is escaped.
 *
 * @category Export
 * @example
 * const html = renderReport({ plan, matrix, occurrences, statuses, bulletin, cards, asOf, generatedOn: IsoDate.parse("2025-01-15") });
 * html.startsWith("<!DOCTYPE html>");
 * //=> true
 */
export const renderReport = (data: ReportData): string => {
  argument("renderReport", "data", ReportDataShape, data);
  const { plan } = data;
  const tasks = plan.sections.flatMap((s) => s.tasks);
  const titles = new Map(tasks.map((t) => [t.no, t.title]));
  // The overdue card counts unit items, as the bulletin and the timeline do, from the same statuses.
  const overdue =
    data.statuses !== undefined ? data.statuses.filter((s) => s.status === "overdue" && s.unitId !== undefined).length : data.bulletin !== undefined ? data.bulletin.totals.overdue : undefined;
  const stats: Array<readonly [string, string, number, boolean?]> = [
    ["部分", "Sections", plan.sections.length],
    ["任务", "Tasks", tasks.length],
    ...(data.matrix !== undefined ? [["单位", "Units", data.matrix.units.length] as const] : []),
    ...(data.occurrences !== undefined ? [["时间节点", "Scheduled items", data.occurrences.length] as const] : []),
    ...(overdue !== undefined ? [["逾期未完成", "Overdue (unit items)", overdue, overdue > 0] as const] : []),
  ];
  const head = `<header><h1>${e(plan.title || "工作安排")}</h1><p class="meta">${[plan.issuer, plan.docNumber, data.asOf !== undefined ? `数据截至 ${data.asOf}` : undefined, data.generatedOn !== undefined ? `生成于 ${data.generatedOn}` : undefined]
    .filter((x): x is string => x !== undefined)
    .map(e)
    .join(" · ")}</p><div class="cards">${stats.map(([k, en, v, alert]) => `<div class="stat${alert === true ? " alert" : ""}" data-stat="${e(en)}"><span>${e(k)}</span><span class="en">${e(en)}</span><b>${v}</b></div>`).join("")}</div>${(data.notes ?? []).map((n) => `<p class="note">${e(n)}</p>`).join("")}</header>`;
  const body = [
    section("outline", "一、工作安排与分工", "Tasks and who does them", outline(plan)),
    data.matrix !== undefined ? section("matrix-section", "二、责任矩阵", "Responsibility matrix", heatmap(data.matrix)) : "",
    data.occurrences !== undefined ? section("timeline-section", "三、全年时间节点", "The year's deadlines", timeline(data.occurrences, data.statuses ?? [], plan.year, titles, new Map((data.bulletin?.emptyGroups ?? []).map((g) => [g.occurrenceId as string, g.groups])))) : "",
    data.bulletin !== undefined ? section("bulletin", "四、工作进展通报", "Progress bulletin", `<pre>${e(bulletinToText(data.bulletin))}</pre>`) : "",
    data.cards !== undefined ? section("scores-section", "五、考核得分", "Assessment scores", scores(data.cards, data.schemeTitle)) : "",
    data.diagnostics !== undefined && data.diagnostics.length > 0 ? section("diagnostics", "附：解析与校验提示", "Notes from reading the document", diagnosticsList(data.diagnostics)) : "",
  ].join("");
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(plan.title || "fazhi 报告")}</title><style>${CSS}</style></head><body><main>${head}${body}<footer class="meta"><p>由 fazhi 生成。Generated by fazhi.</p></footer></main></body></html>\n`;
};
