// Writes seeds/wuzhi-2024.ledger.sample.json: a SYNTHETIC ledger for the docs and the demo.
// Deterministic (seeded); every entry is checked with recordMany before it is written.
// Run: npx tsx scripts/make-sample-ledger.ts
import { readFileSync, writeFileSync } from "node:fs";
import { IsoDate, Roster, addDays, buildMatrix, compareIsoDate, emptyLedger, expandSchedule, parsePlanText, recordMany } from "../src/index.js";

const seeds = new URL("../seeds/", import.meta.url);
const { plan } = parsePlanText(readFileSync(new URL("wuzhi-2024.txt", seeds), "utf8"), { id: "wuzhi-2024" });
const roster = Roster.parse(JSON.parse(readFileSync(new URL("wuzhi-2024.roster.json", seeds), "utf8")));
const matrix = buildMatrix(plan, roster);
const occurrences = expandSchedule(plan, { matrix });
const asOf = IsoDate.parse("2025-01-15"); // late reports (补报) may come in January

let state = 20240101;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const between = (from: IsoDate, to: IsoDate): IsoDate => {
  let d = from;
  const span = Math.max(0, Math.round((Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8))) / 86400000));
  d = addDays(from, Math.floor(random() * (span + 1)));
  return d;
};

const entries: Array<Record<string, unknown>> = [];
let n = 0;
const id = () => `s${String(++n).padStart(4, "0")}`;

for (const o of occurrences) {
  if (o.window === undefined || o.due === undefined) continue;
  for (const unitId of o.unitIds) {
    const r = random();
    const base = { unitId, taskId: o.taskId, requirementId: o.requirementId };
    if (o.kind === "quota") {
      const held = r < 0.6 ? o.count : r < 0.85 ? o.count - 1 : 0;
      for (let k = 0; k < held; k++) entries.push({ id: id(), ...base, date: between(o.window.from, o.due), kind: "held", evidence: [{ title: "法治专题讲座通知及签到表（示例）" }] });
    } else if (r < 0.74) {
      entries.push({ id: id(), ...base, date: between(o.window.from, o.due), kind: "done", evidence: [{ title: `${o.label}${o.action.slice(0, 12)}材料（示例）` }] });
    } else if (r < 0.9) {
      const late = addDays(o.due, 1 + Math.floor(random() * 30));
      if (compareIsoDate(late, asOf) <= 0) entries.push({ id: id(), ...base, occurrenceId: o.id, date: late, kind: "done", note: "逾期补报（示例）" });
    } else if (r < 0.95) {
      entries.push({ id: id(), ...base, date: between(o.window.from, o.due), kind: "progress", note: "正在推进（示例）" });
    }
  }
}

const departments = matrix.units.filter((u) => u.kind === "government_department");
for (const u of departments) {
  const cases2023 = 3 + Math.floor(random() * 12);
  const rate2023 = Math.round(random() * 300) / 10;
  entries.push({ id: id(), unitId: u.id, date: "2023-12-31", kind: "measure", metric: "行政诉讼发案量", value: cases2023 });
  entries.push({ id: id(), unitId: u.id, date: "2023-12-31", kind: "measure", metric: "行政诉讼败诉率", value: rate2023 });
  entries.push({ id: id(), unitId: u.id, date: "2024-12-20", kind: "measure", metric: "行政诉讼发案量", value: Math.max(0, cases2023 + Math.floor(random() * 7) - 4) });
  entries.push({ id: id(), unitId: u.id, date: "2024-12-20", kind: "measure", metric: "行政诉讼败诉率", value: Math.max(0, Math.round((rate2023 + random() * 10 - 7) * 10) / 10) });
  if (random() < 0.85) entries.push({ id: id(), unitId: u.id, date: "2024-11-30", kind: "measure", metric: "案卷评查合格率", value: Math.round((90 + random() * 10) * 10) / 10 });
  if (random() < 0.2) entries.push({ id: id(), unitId: u.id, date: between(IsoDate.parse("2024-03-01"), IsoDate.parse("2024-11-30")), kind: "incident", tag: "执法过错", note: "案卷评查发现（示例）" });
  if (random() < 0.15) entries.push({ id: id(), unitId: u.id, date: "2024-10-15", kind: "incident", tag: pick(["制度不健全", "落实不到位"]), note: "法治督察发现（示例）" });
}
for (const u of matrix.units) {
  if (random() < 0.3) {
    const problemId = `督察-${u.id}`;
    const found = between(IsoDate.parse("2024-04-01"), IsoDate.parse("2024-08-31"));
    const dueBy = addDays(found, 60);
    entries.push({ id: id(), unitId: u.id, date: found, kind: "problem", problemId, dueBy, note: "法治政府建设督察反馈问题（示例）" });
    const r = random();
    if (r < 0.6) entries.push({ id: id(), unitId: u.id, date: between(found, dueBy), kind: "rectified", problemId });
    else if (r < 0.85) {
      const late = addDays(dueBy, 10 + Math.floor(random() * 30));
      if (compareIsoDate(late, asOf) <= 0) entries.push({ id: id(), unitId: u.id, date: late, kind: "rectified", problemId });
    }
  }
  if (random() < 0.12) entries.push({ id: id(), unitId: u.id, date: between(IsoDate.parse("2024-05-01"), IsoDate.parse("2024-12-15")), kind: "award", category: pick(["provincial", "city", "city"]), note: "表彰或经验推广（示例）" });
}

const result = recordMany(emptyLedger(plan.id), entries, { plan, matrix, asOf, occurrences });
if (!result.ok) {
  for (const d of result.issues.slice(0, 10)) console.error(d.code, d.path.join("."), d.message);
  process.exit(1);
}
const ledger = {
  planId: plan.id,
  description:
    "虚构示例数据：由 scripts/make-sample-ledger.ts 随机生成，仅用于文档和演示，不反映任何单位的真实工作情况。SYNTHETIC sample data for the docs and the demo; it says nothing about any real unit.",
  entries: result.ledger.entries,
};
writeFileSync(new URL("wuzhi-2024.ledger.sample.json", seeds), `${JSON.stringify(ledger, null, 1)}\n`);
console.log(`seeds/wuzhi-2024.ledger.sample.json: ${ledger.entries.length} entries (synthetic)`);
