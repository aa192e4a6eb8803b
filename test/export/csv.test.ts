import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, matrixToCsv, toCsv } from "../../src/export/csv.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { fictionalRoster, seedRoster } from "../support/rosters.js";
import { seedText } from "../support/seed.js";

const readCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false }) as string[][];
const { plan } = parsePlanText(seedText(), { id: "wuzhi-2024" });
const matrix = buildMatrix(plan, seedRoster());

describe("toCsv / csvField", () => {
  it("quotes per RFC 4180", () => {
    expect(toCsv([["a,b", 'say "hi"', "line\nbreak", "县司法局"]])).toBe('"a,b","say ""hi""","line\nbreak",县司法局\r\n');
    expect(toCsv([["x"]], { eol: "\n", bom: true })).toBe("\uFEFFx\n");
    expect(toCsv([])).toBe("");
  });

  it("neutralises formula starts (CSV injection)", () => {
    for (const s of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(csvField(s).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvField("县=司法局")).toBe("县=司法局");
  });

  it("neutralises a formula behind a leading BOM (spreadsheet readers strip the BOM first)", () => {
    expect(toCsv([['\uFEFF=HYPERLINK("http://example.invalid","x")', "\uFEFF\uFEFF+1", "\uFEFF县司法局"]])).toBe(`"'=HYPERLINK(""http://example.invalid"",""x"")",'+1,县司法局\r\n`);
    expect(toCsv([["\uFEFF=1"]], { bom: true })).toBe("\uFEFF'=1\r\n");
  });

  test.prop([fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })])(
    "a real CSV parser reads back the same cells (formula starts get their ' prefix, after any leading BOM is dropped)",
    (rows) => {
      const width = rows[0]!.length;
      const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
      const back = readCsv(toCsv(table));
      const expected = (cell: string) => {
        const s = cell.replace(/^\uFEFF+/, "");
        return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      };
      expect(back).toEqual(table.map((r) => r.map(expected)));
    },
  );
});

describe("matrixToCsv", () => {
  it("long layout: one row per cell, read back by a CSV parser", () => {
    const rows = readCsv(matrixToCsv(matrix));
    expect(rows[0]).toEqual(["任务序号", "任务编号", "任务", "段落编号", "角色", "单位编号", "单位", "来源", "单位组", "原文", "确定性"]);
    expect(rows).toHaveLength(matrix.cells.length + 1);
    const row = rows.find((r) => r[1] === "wuzhi-2024.t21" && r[6] === "县司法局" && r[4] === "牵头单位")!;
    expect(row).toEqual(["21", "wuzhi-2024.t21", "加强和规范行政应诉工作", "wuzhi-2024.t21.c1", "牵头单位", "sfj", "县司法局", "直接点名", "", "县司法局", "确定"]);
  });

  it("wide layout: units × tasks with 牵/责/配 marks and * for candidates", () => {
    const csv = matrixToCsv(buildMatrix(plan, fictionalRoster()), { layout: "wide", bom: true });
    expect(csv.startsWith("\uFEFF单位编号,单位,任务1,任务2,任务3")).toBe(true);
    const rows = readCsv(csv);
    expect(rows[0]).toHaveLength(2 + 35);
    const sfj = rows.find((r) => r[1] === "县司法局")!;
    expect(sfj[2 + 5]).toBe("牵"); // task 6
    expect(sfj[2 + 11]).toBe("责"); // task 12, named directly
    expect(sfj[2 + 2]).toBe("责*"); // task 3, a candidate through 县直有关单位
    const town = rows.find((r) => r[1] === "虚构甲乡人民政府")!;
    expect(town[2 + 2]).toBe("责");
    expect(town[2 + 0]).toBe("");
  });

  it("can leave out candidates", () => {
    const rows = readCsv(matrixToCsv(matrix, { includeCandidates: false }));
    expect(rows.slice(1).every((r) => r[10] === "确定")).toBe(true);
  });

  it("neutralises a unit name that looks like a formula", () => {
    const r = structuredClone(seedRoster());
    Object.assign(r.units.find((u) => u.id === "sfj")!, { name: "=cmd|' /C calc'!A0", aliases: ["县司法局"] });
    const m = buildMatrix(plan, r);
    const rows = readCsv(matrixToCsv(m, { layout: "wide" }));
    expect(rows.some((row) => row[1] === "'=cmd|' /C calc'!A0")).toBe(true);
  });
});
