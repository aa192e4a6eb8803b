// npm start: the main job on the bundled Wuzhi 2024 plan. Builds the package (so it never runs a
// stale dist/), then reads the plan and prints what it found.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
if (build.status !== 0) process.exit(build.status ?? 1);
const { parsePlanText, readRoster, buildMatrix, workload, tasksWithoutLead, expandSchedule } = await import(new URL("dist/index.js", root).href);

const file = "seeds/wuzhi-2024.txt";
const { plan, diagnostics } = parsePlanText(readFileSync(new URL(file, root), "utf8"), { id: "wuzhi-2024" });
const tasks = plan.sections.flatMap((s) => s.tasks);
const leads = new Map();
for (const t of tasks) for (const c of t.clauses) for (const r of c.assignment.lead) leads.set(r.text, (leads.get(r.text) ?? new Set()).add(t.no));
const top = [...leads].map(([name, set]) => [name, set.size]).sort((a, b) => b[1] - a[1]).slice(0, 5);
const bySeverity = (s) => diagnostics.filter((d) => d.severity === s).length;

console.log(`${plan.title}（${plan.docNumber ?? "无文号"}）`);
console.log(`发文单位 Issuer：${plan.issuer ?? "—"}　年度 Year：${plan.year ?? "—"}`);
console.log(`部分 Sections：${plan.sections.length}　任务 Tasks：${tasks.length}　牵头单位 Lead units：${leads.size}`);
for (const s of plan.sections) console.log(`  ${s.no}. ${s.title}（${s.tasks.length}项）`);
console.log(`牵头任务最多的单位 Units leading most tasks：${top.map(([n, k]) => `${n} ${k}项`).join("，")}`);
console.log(`诊断 Diagnostics：${bySeverity("error")} error，${bySeverity("warning")} warning，${bySeverity("info")} info`);
for (const d of diagnostics.filter((d) => d.severity !== "info")) console.log(`  [${d.code}] 第${d.source?.line ?? "?"}行 ${d.message}`);

const roster = readRoster(JSON.parse(readFileSync(new URL("seeds/wuzhi-2024.roster.json", root), "utf8")));
if (!roster.ok) {
  for (const d of roster.issues) console.error(`[${d.code}] ${d.path.join(".")} ${d.message}`);
  process.exit(1);
}
const matrix = buildMatrix(plan, roster.value);
const definite = matrix.cells.filter((c) => c.certainty === "definite").length;
console.log(`\n责任矩阵 Matrix：${matrix.units.length} 个单位，${matrix.cells.length} 个单元格（确定 ${definite}，候选 ${matrix.cells.length - definite}）`);
console.log(`没有牵头单位的任务 Tasks without a lead：${tasksWithoutLead(matrix).map((id) => matrix.tasks.find((t) => t.id === id).no).join("、")}`);
for (const r of workload(matrix).slice(0, 5)) console.log(`  ${r.name}：牵头 ${r.lead.definite}，责任 ${r.responsible.definite}（候选 ${r.responsible.candidate}）`);
for (const d of matrix.diagnostics.filter((d) => d.severity !== "info")) console.log(`  [${d.code}] ${d.message}`);

const occurrences = expandSchedule(plan, { matrix });
const dated = occurrences.filter((o) => o.due !== undefined && o.kind !== "ongoing");
console.log(`\n时间节点 Occurrences ${plan.year}：${occurrences.length} 个（有具体日期 ${dated.length}，持续性年底检查 ${occurrences.filter((o) => o.kind === "ongoing").length}，及时类 ${occurrences.filter((o) => o.kind === "on_event").length}）`);
for (const o of dated.slice(0, 8)) console.log(`  ${o.due}  任务${o.taskNo}  ${o.label}：${o.action}`);
console.log("\n考核评分与报告将在后续版本提供。Scoring and the report are coming.");
