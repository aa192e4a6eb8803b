import { fc, test } from "@fast-check/vitest";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvField, matrixToCsv, toCsv } from "../../src/export/csv.js";
import { parsePlanText } from "../../src/parse/parse-plan.js";
import { buildMatrix } from "../../src/units/matrix.js";
import { fictionalRoster, seedRoster } from "../support/rosters.js";
import { seedText } from "../support/seed.js";
import { world } from "../support/small-world.js";

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

describe("CSV fields, options and layouts in detail", () => {
  it("writes undefined as an empty field and numbers as digits; quotes a lone quote or carriage return; refuses other values", () => {
    expect(toCsv([[undefined, 3, 0.5, "", 'a"b', "a\rb", "a,b"]])).toBe(',3,0.5,,"a""b","a\rb","a,b"\r\n');
    expect(csvField(undefined)).toBe("");
    expect(csvField(-1)).toBe("'-1");
    for (const bad of [true, null, {}, []]) expect(() => csvField(bad as never)).toThrow(expect.objectContaining({ code: "invalid_argument", message: expect.stringContaining("csvField") }));
    expect(() => toCsv("a" as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("rows") }));
    expect(() => toCsv([[true as never]])).toThrow(expect.objectContaining({ message: expect.stringContaining("rows") }));
    expect(() => toCsv([], { eol: "\r" } as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("options") }));
    expect(() => toCsv([], { quote: true } as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("options") }));
    expect(toCsv([["a"], ["b"]], { eol: "\n" })).toBe("a\nb\n");
    expect(toCsv([["a"]], { bom: false })).toBe("a\r\n");
  });

  it("wide layout: several roles of a unit in one task joined by /, definite over candidate, units without cells left out", () => {
    const w = world();
    const cells = w.matrix.cells;
    const lead = cells.find((c) => c.unitId === "gaj")!; // 县公安局, responsible in task 1
    const matrix = {
      ...w.matrix,
      cells: [
        ...cells,
        { ...lead, role: "lead", certainty: "candidate" }, // a candidate lead: shown with *
        { ...lead, role: "support" }, // a definite support role
        { ...lead, certainty: "candidate" }, // a candidate copy of its definite responsible role: stays definite
        { ...lead, unitId: "zfb", taskId: "test-2024.t01", role: "support", certainty: "candidate" },
        { ...lead, unitId: "zfb", taskId: "test-2024.t01", role: "support", certainty: "definite" }, // definite after candidate: definite
      ],
    } as typeof w.matrix;
    expect(matrixToCsv(matrix, { layout: "wide" })).toBe(
      ["单位编号,单位,任务1,任务2,任务3", "sfj,县司法局,牵,,牵", "gaj,县公安局,牵*/责/配,,", "zfb,县政府办,配,牵,牵", ""].join("\r\n"),
    );
    expect(matrixToCsv(matrix, { layout: "wide", includeCandidates: false, eol: "\n" })).toBe(["单位编号,单位,任务1,任务2,任务3", "sfj,县司法局,牵,,牵", "gaj,县公安局,责/配,,", "zfb,县政府办,配,牵,牵", ""].join("\n"));
    // 县委办 has no cell in the matrix's units: the wide layout has no row for it.
    expect(w.matrix.units.map((u) => u.id)).not.toContain("xwb");
    const withIdle = { ...w.matrix, units: [...w.matrix.units, { ...w.matrix.units[0]!, id: "idle", name: "县闲置局" }] } as typeof w.matrix;
    expect(matrixToCsv(withIdle, { layout: "wide" })).not.toContain("县闲置局");
  });

  it("long layout: a cell reached through a group names the group; refuses a matrix or options that are not one", () => {
    const m = buildMatrix(plan, fictionalRoster());
    const rows = readCsv(matrixToCsv(m));
    const town = rows.find((r) => r[6] === "虚构甲乡人民政府" && r[1] === "wuzhi-2024.t03")!;
    expect(town.slice(4)).toEqual(["责任单位", "test-town-a", "虚构甲乡人民政府", "单位组", "townships-and-subdistricts", "各乡镇人民政府、街道办事处", "确定"]);
    const candidate = rows.find((r) => r[10] === "候选")!;
    expect(candidate[7]).toBe("单位组");
    const support = rows.filter((r) => r[4] === "配合单位");
    expect(support.every((r) => m.cells.some((c) => c.role === "support" && c.unitId === r[5] && c.taskId === r[1]))).toBe(true);
    expect(() => matrixToCsv({} as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("matrix") }));
    expect(() => matrixToCsv(m, { layout: "tall" } as never)).toThrow(expect.objectContaining({ message: expect.stringContaining("options") }));
    expect(matrixToCsv(m, { layout: "long" })).toBe(matrixToCsv(m));
  });
});

describe("CSV details found by the mutation run", () => {
  it("each refusal names its function and argument, in Chinese and English", () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return [(e as Error).message, (e as { messageEn?: string }).messageEn];
      }
      return [];
    };
    expect(error(() => csvField(true as never))).toEqual([
      "csvField：参数 value 不正确：应为字符串、数字或 undefined (csvField: bad argument value: must be a string, a number or undefined)",
      "csvField: bad argument value: must be a string, a number or undefined",
    ]);
    expect(error(() => toCsv("a" as never))[0]).toMatch(/^toCsv：参数 rows 不正确：/);
    expect(error(() => toCsv([], { eol: "\r" } as never))[0]).toMatch(/^toCsv：参数 options 不正确：/);
    expect(error(() => matrixToCsv({} as never))[0]).toMatch(/^matrixToCsv：参数 matrix 不正确：/);
    expect(error(() => matrixToCsv(world().matrix, { layout: "tall" } as never))[0]).toMatch(/^matrixToCsv：参数 options 不正确：/);
  });

  it("takes both line endings by name; drops only a leading BOM, not one inside a field", () => {
    expect(toCsv([["a"], ["b"]], { eol: "\r\n" })).toBe("a\r\nb\r\n");
    expect(matrixToCsv(world().matrix, { eol: "\r\n" })).toBe(matrixToCsv(world().matrix));
    expect(toCsv([["a\uFEFFb", "\uFEFFc\uFEFF"]])).toBe("a\uFEFFb,c\uFEFF\r\n");
  });

  it("long layout: a support role is 配合单位; a cell of a task the matrix does not list has empty task columns", () => {
    const w = world();
    const cell = w.matrix.cells.find((c) => c.unitId === "gaj")!;
    const matrix = { ...w.matrix, cells: [{ ...cell, role: "support" }, { ...cell, taskId: "test-2024.t09", clauseId: "test-2024.t09.c1" }] } as typeof w.matrix;
    expect(readCsv(matrixToCsv(matrix)).slice(1)).toEqual([
      ["1", "test-2024.t01", "执法监督", "test-2024.t01.c1", "配合单位", "gaj", "县公安局", "直接点名", "", "县公安局", "确定"],
      ["", "test-2024.t09", "", "test-2024.t09.c1", "责任单位", "gaj", "县公安局", "直接点名", "", "县公安局", "确定"],
    ]);
  });
});
