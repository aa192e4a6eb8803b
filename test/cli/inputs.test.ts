// Every kind of plan file, as users give it to the command: a Word file (also renamed, also piped),
// a CSV with a byte order mark, a TSV, a sheet piped in, a table copied as text, and the files that
// are no plan (an old .doc, a PDF, an old .xls) — with exit codes and messages in both languages,
// and diagnostics placed in the file's own terms.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseDocx } from "../../src/docx/index.js";
import { toCsv } from "../../src/export/csv.js";
import { ROSTER, SEED, fazhi, tmp } from "./env.js";

const DOCX = "test/docx/fixtures/wuzhi-excerpt.docx";
const docxBytes = readFileSync(DOCX);
/** The Word fixture's table (the seed's tasks 6–14), as rows. */
const tableRows = parseDocx(new Uint8Array(docxBytes)).tables[0]!.rows.map((r) => [...r]);
/** The table as Excel saves a CSV: a byte order mark, CRLF, cells with line breaks quoted. */
const csvText = toCsv(tableRows, { bom: true });
/** The table as a TSV (a line break inside a cell would end the row: there it is a space). */
const tsvText = tableRows.map((r) => r.map((c) => c.replace(/\n/g, " ")).join("\t")).join("\n");

const write = (name: string, content: string | Uint8Array): string => {
  const file = join(tmp(), name);
  writeFileSync(file, content);
  return file;
};

/** The roster without 县委编办 (a unit the Word file's body and table both name). */
const rosterWithout = (name: string): string => {
  const roster = JSON.parse(readFileSync(ROSTER, "utf8")) as { units: Array<{ name: string }> };
  roster.units = roster.units.filter((u) => u.name !== name);
  return write("roster.json", JSON.stringify(roster));
};

const readAs = (stdout: string) => /^读作 Read as：(.*)$/m.exec(stdout)?.[1];
const tasksIn = (stdout: string) => Number(/任务 Tasks：(\d+)/.exec(stdout)?.[1]);
const expectNoStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |Internal error|内部错误/);

describe("plan files of every kind", () => {
  it("a Word file: its paragraphs and its table make one plan", () => {
    const r = fazhi(["parse", DOCX]);
    expect(r.code).toBe(0);
    expect(readAs(r.stdout)).toBe("Word 文件（.docx） / a Word file (.docx)");
    expect(tasksIn(r.stdout)).toBe(14);
    // Warnings point at the Word paragraph (¶N, counted from 1).
    expect(r.stdout).toMatch(/wuzhi-excerpt\.docx:¶3: 任务1没有列出任何单位 \[task_without_units\]\n {6}Task 1 names no units/);
    const plan = JSON.parse(fazhi(["parse", DOCX, "--json"]).stdout) as { id: string };
    expect(plan.id).toBe("wuzhi-excerpt");
  });

  it("a Word file renamed .txt, or piped in, is still read as Word (by its first bytes)", () => {
    const renamed = fazhi(["parse", write("分工方案.txt", docxBytes)]);
    expect(readAs(renamed.stdout)).toBe("Word 文件（.docx） / a Word file (.docx)");
    expect(tasksIn(renamed.stdout)).toBe(14);
    const piped = fazhi(["parse", "-"], { stdin: docxBytes });
    expect(piped.code).toBe(0);
    expect(tasksIn(piped.stdout)).toBe(14);
    expect(piped.stdout).toContain("<stdin>:¶3: 任务1没有列出任何单位");
  });

  it("a CSV as Excel saves it (byte order mark, CRLF, quoted line breaks)", () => {
    const file = write("分工表.csv", csvText);
    const r = fazhi(["parse", file]);
    expect(r.code).toBe(0);
    expect(readAs(r.stdout)).toBe("CSV 表格 / a CSV sheet");
    expect(tasksIn(r.stdout)).toBe(9);
    const plan = JSON.parse(fazhi(["parse", file, "--json"]).stdout) as { sections: Array<{ title: string; tasks: Array<{ title: string; clauses: Array<{ assignment: { lead: Array<{ text: string }> } }> }> }> };
    // The byte order mark is not part of the first header cell, so the 部分 column is read.
    expect(plan.sections[0]!.title).toBe("健全依法行政制度体系，加快推进政府治理规范化程序化法治化");
    // Task 7's two lead units, on two lines of one cell.
    expect(plan.sections[1]!.tasks[0]!.clauses[0]!.assignment.lead.map((u) => u.text)).toEqual(["县政府办", "县司法局"]);
    // Warnings point at the cell: row:column, counted from 1 as a spreadsheet counts them.
    expect(r.stdout).toMatch(/分工表\.csv:\d+:3: 任务\d+没有列出任何单位/);
  });

  it("a TSV, and a sheet piped in (recognised by its header row and its even rows)", () => {
    const tsv = fazhi(["parse", write("分工表.tsv", tsvText)]);
    expect(readAs(tsv.stdout)).toBe("TSV 表格（制表符分隔） / a TSV sheet (tab-separated)");
    expect(tasksIn(tsv.stdout)).toBe(9);
    for (const [stdin, format] of [
      [csvText, "CSV 表格 / a CSV sheet"],
      [tsvText, "TSV 表格（制表符分隔） / a TSV sheet (tab-separated)"],
    ] as const) {
      const r = fazhi(["parse", "-"], { stdin });
      expect(r.code).toBe(0);
      expect(readAs(r.stdout)).toBe(format);
      expect(tasksIn(r.stdout)).toBe(9);
    }
  });

  it("a table copied out of a web page as text (one cell per line, each ending in |)", () => {
    const doc = readFileSync("test/corpus/tables/huoshan-2025-kaifaqu.txt", "utf8");
    const r = fazhi(["parse", write("清单.txt", doc.slice(doc.indexOf("\n----\n") + 6))]);
    expect(r.code).toBe(0);
    expect(readAs(r.stdout)).toBe("从表格复制的文本 / a table copied as text");
    expect(tasksIn(r.stdout)).toBe(3);
  });

  it("the seed's plain text is still read as a document, whatever it is named", () => {
    for (const file of [SEED, write("plan", readFileSync(SEED))]) {
      const r = fazhi(["parse", file]);
      expect(readAs(r.stdout)).toBe("公文文本 / document text");
      expect(tasksIn(r.stdout)).toBe(35);
    }
  });
});

describe("errors are placed in the file's own terms", () => {
  const roster = rosterWithout("县委编办");
  it.each([
    ["text", () => SEED, [/wuzhi-2024\.txt:31: 单位名录中没有“县委编办”.*\[unknown_unit\]\n {4}"县委编办" is not in the roster/]],
    ["a Word file", () => DOCX, [/wuzhi-excerpt\.docx:¶\d+: 单位名录中没有“县委编办”/, /wuzhi-excerpt\.docx:表1 行7 列4: 单位名录中没有“县委编办”.*\n {4}.*wuzhi-excerpt\.docx: table 1, row 7, column 4: "县委编办" is not in the roster/]],
    ["a CSV", () => write("分工表.csv", csvText), [/分工表\.csv:7:4: 单位名录中没有“县委编办”.*\n {4}"县委编办" is not in the roster/]],
  ])("%s: exit 1, each unit the roster lacks at its place", (_, file, expected) => {
    const r = fazhi(["matrix", file(), "--roster", roster]);
    expect(r.code).toBe(1);
    for (const e of expected) expect(r.stderr).toMatch(e);
    expectNoStack(r.stderr);
  });
});

describe("files that are no plan: exit 1, saying what they are and what to do", () => {
  const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
  it.each([
    ["an old Word file (.doc)", () => write("方案.doc", OLE), "这是旧版 Word 文件（.doc），无法读取：请在 Word 或 WPS 中另存为 .docx", "please save it as .docx"],
    ["an old Word file piped in", () => "-", "这是旧版 Word 文件（.doc）", "This is an old Word file (.doc): please save it as .docx in Word or WPS"],
    ["an old Excel file (.xls)", () => write("分工表.xls", OLE), "分工表.xls 是旧版 Excel 文件（.xls），无法读取：请在 Excel 或 WPS 中另存为 CSV", "is an old Excel file (.xls): please save it as CSV"],
    ["an Excel workbook (.xlsx)", () => write("分工表.xlsx", zipSync({ "[Content_Types].xml": new Uint8Array(10), "xl/workbook.xml": new Uint8Array(10) })), "这是 Excel 工作簿，请另存为 CSV", "it is an Excel workbook: save it as CSV"],
    ["a PDF given by mistake", () => write("方案.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "方案.pdf 是 PDF 文件，fazhi 不读 PDF：请把其中的文字复制出来另存为 .txt", "is a PDF file, which fazhi does not read: copy its text into a .txt file"],
    ["a PDF renamed .txt", () => write("方案.txt", "%PDF-1.4\n"), "方案.txt 是 PDF 文件", "is a PDF file"],
    ["a CSV with a quote never closed", () => write("坏.csv", '序号,工作任务,牵头单位\n1,"加强学习,县司法局\n'), "坏.csv:2：不是合法的 CSV 文件（有一个引号到文件末尾都没有闭合）", "坏.csv:2: not a valid CSV file (Quote Not Closed"],
    ["a CSV that is no task table", () => write("名单.csv", "姓名,电话\n张三,123\n"), "这不是任务分工表：没有找到表头", "Not a task table: no header row found"],
  ])("%s", (_, file, zh, en) => {
    const r = fazhi(["parse", file()], { stdin: OLE });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(zh);
    expect(r.stderr).toContain(en);
    expect(r.stdout).toBe("");
    expectNoStack(r.stderr);
  });
});

describe("an empty file or standard input", () => {
  it.each([
    ["a plan", (f: string) => ["parse", f]],
    ["a roster", (f: string) => ["matrix", SEED, "--roster", f]],
    ["scoring criteria", (f: string) => ["scheme", f]],
  ])("%s: exit 1, saying it is empty, not what an empty document lacks", (_, args) => {
    const file = fazhi(args(write("空.txt", "")));
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/空\.txt 是空文件\n.*空\.txt is an empty file\n$/);
    const piped = fazhi(args("-"), { stdin: "" });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain("标准输入是空的：没有读到任何内容（是否忘了用管道送入文件？）");
    expect(piped.stderr).toContain("standard input is empty");
  });
});

describe("a plan as JSON (fazhi parse --json, perhaps corrected by hand)", () => {
  const planJson = (): string => {
    const r = fazhi(["parse", SEED, "--json"]);
    expect(r.code).toBe(0);
    return r.stdout;
  };

  it("is read as the plan it is, by name and through standard input: the same matrix as from the document", () => {
    const fromText = fazhi(["matrix", SEED, "--roster", ROSTER, "--format", "csv"]);
    const file = write("plan.json", planJson());
    const fromFile = fazhi(["matrix", file, "--roster", ROSTER, "--format", "csv"]);
    const piped = fazhi(["matrix", "-", "--roster", ROSTER, "--format", "csv"], { stdin: planJson() });
    expect(fromText.code).toBe(0);
    expect(fromFile).toEqual(fromText);
    expect(piped).toEqual(fromText);
    expect(readAs(fazhi(["parse", file]).stdout)).toBe("计划 JSON（如 fazhi parse --json 所写） / a plan as JSON (as fazhi parse --json writes it)");
  });

  it("keeps a correction made by hand: a unit renamed in the JSON is the unit the matrix shows", () => {
    const plan = JSON.parse(planJson()) as { sections: Array<{ tasks: Array<{ clauses: Array<{ assignment: { lead: Array<{ text: string }> } }> }> }> };
    const lead = plan.sections[1]!.tasks[0]!.clauses[0]!.assignment.lead[0]!;
    expect(lead.text).toBe("县委编办");
    lead.text = "县司法局";
    const r = fazhi(["matrix", write("plan.json", JSON.stringify(plan)), "--roster", ROSTER, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const cells = (JSON.parse(r.stdout) as { cells: Array<{ taskId: string; unitId: string; role: string }> }).cells;
    expect(cells).toContainEqual(expect.objectContaining({ taskId: "wuzhi-2024.t03", unitId: "sfj", role: "lead" }));
  });

  it("a hand edit that breaks the plan: exit 1, the field's path and code, Chinese first, nothing written", () => {
    const plan = JSON.parse(planJson()) as { sections: Array<{ tasks: Array<{ title: unknown }> }> };
    plan.sections[1]!.tasks[0]!.title = 42;
    const r = fazhi(["matrix", write("plan.json", JSON.stringify(plan)), "--roster", ROSTER]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("sections.1.tasks.0.title");
    expect(r.stderr).toMatch(/\[[a-z_]+\]/);
    expectNoStack(r.stderr);
  });

  it("places a diagnostic in the document the plan was read from, not in the JSON file", () => {
    const r = fazhi(["matrix", write("plan.json", planJson()), "--roster", rosterWithout("县委编办")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.json（原公文 第31行）: 单位名录中没有“县委编办”/);
    expect(r.stderr).toMatch(/plan\.json \(the document it was read from: line 31\): "县委编办" is not in the roster/);
  });

  it("JSON that is not a plan, and text that starts like JSON but is not: exit 1, saying so", () => {
    const roster = fazhi(["matrix", ROSTER]);
    expect(roster.code).toBe(1);
    expect(roster.stderr).toContain("是 JSON，但不是计划（没有 sections）");
    expect(roster.stderr).toContain("is JSON but not a plan (it has no sections)");
    const broken = fazhi(["parse", write("plan.json", '{\n  "id": "x",\n  "sections": [\n}')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/plan\.json:4：不是合法的 JSON/);
    expectNoStack(roster.stderr + broken.stderr);
  });
});
