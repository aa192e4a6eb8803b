// fazhi scheme as users run it: a criteria table by path (CSV, TSV, Word, copied text), renamed,
// piped through standard input, written with --out; what needs a hand listed on standard error with
// where it is; bad files and bad options with the usual exit codes.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/export/csv.js";
import type { ScoringScheme } from "../../src/model/scoring.js";
import { readScheme } from "../../src/scoring/validate-scheme.js";
import { makeDocx, para, tbl, tc, tr } from "../docx/make-docx.js";
import { fazhi, tmp } from "./env.js";

const ROWS = [
  ["某县法治政府建设考核细则"],
  ["序号", "考核内容", "分值", "评分标准", "评分单位"],
  ["一", "组织领导", "5", "", ""],
  ["1", "制定年度工作计划", "2", "未制定年度计划的扣2分", "县司法局"],
  ["2", "专题研究法治建设", "3", "每年不少于2次，每少一次扣1.5分，扣完为止", "县委办"],
  ["二", "依法决策", "5", "", ""],
  ["3", "重大决策合法性审查", "5", "发现一起未经审查的扣 3 分；在2分内酌情扣分", "县司法局"],
];
const GRADES = ["--grades", "优秀:90,良好:80,合格:60,不合格"];

const write = (name: string, content: string | Uint8Array): string => {
  const file = join(tmp(), name);
  writeFileSync(file, content);
  return file;
};
const csv = toCsv(ROWS, { bom: true });
const docx = makeDocx([para("附件"), para("某县法治政府建设考核细则"), tbl(...ROWS.slice(1).map((r) => tr(...r.map((c) => tc(c)))))].join(""));

const schemeOf = (stdout: string): ScoringScheme => JSON.parse(stdout) as ScoringScheme;
const names = (s: ScoringScheme) => s.indicators.map((i) => [i.name, i.points, i.methods.map((m) => m.kind)]);
const EXPECTED = [
  ["制定年度工作计划", 2, ["condition"]],
  ["专题研究法治建设", 3, ["count"]],
  ["重大决策合法性审查", 5, ["incidents"]],
];

describe("fazhi scheme", () => {
  it("a CSV by path: the draft on standard output, what needs a hand on standard error with its row and column", () => {
    const file = write("考核细则.csv", csv);
    const r = fazhi(["scheme", file, ...GRADES]);
    expect(r.code).toBe(0);
    const s = schemeOf(r.stdout);
    expect(names(s)).toEqual(EXPECTED);
    expect(readScheme(s).ok).toBe(true);
    expect(r.stderr).toContain("读作 Read as：CSV 表格 / a CSV sheet");
    // the unread phrase, at the spreadsheet's row 7, column 4 (from 1), Chinese first, English below
    expect(r.stderr).toContain(`${file}:7:4: 第5项“重大决策合法性审查”评分标准中未能识别：“在2分内酌情扣分”，请人工补充 [criteria_phrase_unread]\n      第5项“重大决策合法性审查”: a phrase of the criteria was not understood`);
    expect(r.stderr).toContain(`${file}:7:2: 第5项（3）“重大决策合法性审查”分值5分`);
    expect(r.stderr).toContain("草稿已可通过 readScheme");
  });

  it("the same table as TSV, renamed .txt, and piped through standard input", () => {
    const tsv = ROWS.map((row) => row.join("\t")).join("\n");
    for (const [args, stdin, readAs] of [
      [[write("细则.tsv", tsv)], undefined, "TSV 表格"],
      [[write("细则.txt", csv)], undefined, "CSV 表格"],
      [["-"], csv, "CSV 表格"],
      [["-"], tsv, "TSV 表格"],
    ] as const) {
      const r = fazhi(["scheme", ...args, ...GRADES], stdin === undefined ? {} : { stdin });
      expect([args[0], r.code, r.stderr.split("\n")[0]]).toEqual([args[0], 0, expect.stringContaining(readAs)]);
      expect(names(schemeOf(r.stdout))).toEqual(EXPECTED);
    }
    const piped = fazhi(["scheme", "-"], { stdin: csv });
    expect(piped.stderr).toContain("<stdin>:7:4: ");
  });

  it("a Word file, also renamed and piped: its table, each place as table, row and column", () => {
    for (const [args, stdin] of [[[write("考核细则.docx", docx)], undefined], [[write("考核细则.txt", docx)], undefined], [["-"], docx]] as const) {
      const r = fazhi(["scheme", ...args, ...GRADES], stdin === undefined ? {} : { stdin });
      expect(r.code).toBe(0);
      expect(r.stderr.split("\n")[0]).toBe("读作 Read as：Word 文件（.docx）中的表格 / the tables of a Word file (.docx)");
      const s = schemeOf(r.stdout);
      expect(names(s)).toEqual(EXPECTED);
      expect(s.indicators[1]?.methods[0]?.source?.cell).toEqual({ table: 0, row: 3, column: 3 });
      expect(r.stderr).toMatch(/:表1 行6 列4: 第5项“重大决策合法性审查”评分标准中未能识别/);
    }
  });

  it("copied text (a table flattened onto lines) by path, and --out writes the file", () => {
    const text = "一、组织领导（5分）\n1.制定年度工作计划（2分）考核：未制定的扣2分。\n2.按时报送总结（3分）考核：迟报一次扣1分，扣完为止；酌情扣分。";
    const out = join(tmp(), "scheme.json");
    const r = fazhi(["scheme", write("细则.txt", text), "--out", out, "--title", "某县考核细则", "--year", "2025", ...GRADES]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写出 Written：");
    const s = schemeOf(readFileSync(out, "utf8"));
    expect([s.title, s.year, s.indicators.map((i) => i.name)]).toEqual(["某县考核细则", 2025, ["制定年度工作计划", "按时报送总结"]]);
    expect(r.stderr).toMatch(/细则\.txt:3: .*酌情扣分/);
  });

  it("without grades the draft says so and does not pass readScheme yet", () => {
    const r = fazhi(["scheme", write("c.csv", csv)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("[scheme_grades_missing]");
    expect(r.stderr).toMatch(/草稿尚不能通过 readScheme（(\d+) 处，见下）/);
    // Each error readScheme would give is listed after that line, with its path in the draft.
    const after = r.stderr.slice(r.stderr.indexOf("草稿尚不能通过"));
    const n = Number(/readScheme（(\d+) 处/.exec(after)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(after.match(/^ {2}\S.*\[[a-z_]+\]$/gm)).toHaveLength(n);
    expect(after).toContain("grades");
  });

  it("bad files end with 1, bad options with 2, each said in both languages", () => {
    const pdf = fazhi(["scheme", write("细则.pdf", "%PDF-1.7\n")]);
    expect([pdf.code, pdf.stdout]).toEqual([1, ""]);
    expect(pdf.stderr).toContain("是 PDF 文件，fazhi 不读 PDF");
    const empty = fazhi(["scheme", write("空.txt", "这里没有考核细则，只有一句话。")]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("未找到任何考核项目");
    expect(empty.stderr).toContain("No items found");
    const missing = fazhi(["scheme", join(tmp(), "没有这个文件.csv")]);
    expect(missing.code).toBe(1);
    const badGrades = fazhi(["scheme", write("c.csv", csv), "--grades", "优秀90", "--total", "-5"]);
    expect(badGrades.code).toBe(2);
    expect(badGrades.stderr).toContain("--grades 应为");
    expect(badGrades.stderr).toContain("--total 应为正数");
    expect(fazhi(["scheme"]).code).toBe(2);
  });

  it("is listed by fazhi --help and has its own help", () => {
    expect(fazhi(["--help"]).stdout).toMatch(/scheme\s+把考核细则（评分标准表）读成考核方案草稿/);
    const help = fazhi(["help", "scheme"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("用法 Usage: fazhi scheme <file|-> [--out <file>]");
  });
});
