import { readFileSync } from "node:fs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { parseDocx } from "../src/docx/index.js";
import { type Plan, readPlanTable } from "../src/index.js";
import { normalizeText } from "../src/text/normalize.js";
import { fmt, measure, ratio, table } from "./harness.js";

// readPlanTable on task tables of 100 to 10,000 rows, and parseDocx on Word files of the same
// tables (and one of 5 MB). The rows are the seed's 35 tasks over and over (text, lead and
// responsible units as printed, a deadline). Per-row cost must stay flat (linear).
// Baselines, measured in the same run, are what a competent engineer would write without
// fazhi: for rows, normalise every cell and split the unit cells at 、，and spaces; for a Word
// file, unzip word/document.xml with fflate and pull the text out of <w:t> elements with a regex.

const seedRows = (): string[][] => {
  const seed = readFileSync(new URL("../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
  const plan = JSON.parse(readFileSync(new URL("../seeds/wuzhi-2024.plan.json", import.meta.url), "utf8")) as Plan;
  const printed = (refs: ReadonlyArray<{ source?: { start: number; end: number } | undefined }>) => (refs.length === 0 ? "" : seed.slice(refs[0]!.source!.start, refs[refs.length - 1]!.source!.end));
  return plan.sections.flatMap((s) => s.tasks.map((t) => [t.text, printed(t.clauses[0]?.assignment.lead ?? []), printed(t.clauses[0]?.assignment.responsible ?? []), "6月底前"]));
};

const makeRows = (n: number): string[][] => {
  const base = seedRows();
  return [["序号", "工作任务", "牵头单位", "责任单位", "完成时限"], ...Array.from({ length: n }, (_, i) => [String(i + 1), ...(base[i % base.length] as string[])])];
};

const baselineRows = (rows: readonly (readonly string[])[]): number => {
  let units = 0;
  for (const row of rows) {
    const cells = row.map(normalizeText);
    units += (cells[2] ?? "").split(/[、，\s]+/).length + (cells[3] ?? "").split(/[、，\s]+/).length;
  }
  return units;
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const cellXml = (t: string) => `<w:tc>${t.split("\n").map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join("")}</w:tc>`;
const makeDocx = (rows: readonly (readonly string[])[], media = 0): Uint8Array => {
  const body = `<w:p><w:r><w:t>武陟县2024年度法治政府建设工作安排</w:t></w:r></w:p><w:tbl>${rows.map((r) => `<w:tr>${r.map(cellXml).join("")}</w:tr>`).join("")}</w:tbl>`;
  const files: Record<string, Uint8Array> = {
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
  };
  // A scanned seal or a photo: incompressible bytes the reader must walk past.
  if (media > 0) {
    const png = new Uint8Array(media);
    let x = 2463534242;
    for (let i = 0; i < media; i++) png[i] = ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5)) & 0xff;
    files["word/media/image1.png"] = png;
  }
  return zipSync(files, { level: 6 });
};

const baselineDocx = (bytes: Uint8Array): number => {
  const xml = new TextDecoder().decode(unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]);
  let n = 0;
  for (const m of xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)) n += (m[1] as string).length;
  return n;
};

export const benchTable = (): void => {
  const rows2000 = makeRows(2000);
  const t = measure("readPlanTable 2000", () => readPlanTable(rows2000, { year: 2024 }), { minRuns: 10, minMs: 1000 });
  const b = measure("baseline 2000", () => baselineRows(rows2000), { minRuns: 10, minMs: 500 });
  const docx5 = makeDocx(makeRows(2000), Math.round(4.7 * 1024 * 1024));
  const d = measure("parseDocx 5 MB", () => parseDocx(docx5), { minRuns: 5, minMs: 1000 });
  const db = measure("baseline docx", () => baselineDocx(docx5), { minRuns: 5, minMs: 500 });
  table("Task tables and Word files (baselines: normalise + split cells; unzip + <w:t> regex)", [
    { what: "readPlanTable, 2,000 rows", median: fmt(t.median), "vs baseline": ratio(t.median, b.median) },
    { what: "baseline: normalise cells, split unit cells", median: fmt(b.median), "vs baseline": "1.00×" },
    { what: `parseDocx, ${(docx5.length / 1024 / 1024).toFixed(1)} MB (2,000-row table + an image)`, median: fmt(d.median), "vs baseline": ratio(d.median, db.median) },
    { what: "baseline: unzip document.xml, regex the <w:t> text", median: fmt(db.median), "vs baseline": "1.00×" },
  ]);

  const scaling: Array<Record<string, string>> = [];
  let first = { table: 0, docx: 0 };
  for (const n of [100, 1000, 10_000]) {
    const rows = makeRows(n);
    const docx = makeDocx(rows);
    const runs = { minRuns: n === 10_000 ? 5 : 15, minMs: 500 };
    const perRow = measure(`table ${n}`, () => readPlanTable(rows, { year: 2024 }), runs).median / n;
    const perRowDocx = measure(`docx ${n}`, () => parseDocx(docx), runs).median / n;
    if (n === 100) first = { table: perRow, docx: perRowDocx };
    scaling.push({ rows: String(n), "readPlanTable per row": fmt(perRow), "vs 100 rows": ratio(perRow, first.table), "parseDocx per row": fmt(perRowDocx), "docx vs 100 rows": ratio(perRowDocx, first.docx) });
  }
  table("Per-row cost from 100 to 10,000 rows (goal: within 1.5× of 100 rows)", scaling);
};
