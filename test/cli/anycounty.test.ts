// Another county's document through the command, as a new user runs it: no roster on day one (one
// is inferred, and `fazhi roster` writes it out for staff to edit), Wuzhi's example files never
// applied to another plan, files renamed or piped, references that survive another plan id.
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRoster } from "../../src/model/validate.js";
import { corpusText } from "../compare/support/evaluate.js";
import { LEDGER, ROSTER, SCHEME, SEED, fazhi, tmp } from "./env.js";

/** A corpus document saved as a user would save it: the text alone, under its own name. */
const saved = (doc: string): string => {
  const file = join(tmp(), `${doc}.txt`);
  writeFileSync(file, corpusText(`plans/${doc}`));
  return file;
};
const rows = (csv: string) => csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");

describe("fazhi report on another county's document, with no roster", () => {
  const doc = saved("xxxian-2022-jihua");

  it("infers a roster and says so on stderr (Chinese, then English); never Wuzhi's roster, scheme or ledger", () => {
    const out = join(tmp(), "out");
    const r = fazhi(["report", doc, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/未给出 --roster：已按公文推断单位名录（3个单位[^\n]*\nNo --roster: a roster was inferred from the document \(3 units/);
    expect(r.stderr).toContain("fazhi roster <公文> --out 名录.json");
    expect(r.stderr).toContain("未给出 --scheme：不评分");
    expect(r.stderr).toContain("未给出 --ledger：台账为空");
    expect(r.stderr).not.toMatch(/使用随包附带|using the bundled/);
    expect(r.stdout).toContain("未评分（没有考核方案）Not scored (no scheme)");
    expect(rows(readFileSync(join(out, "scores.csv"), "utf8"))).toEqual(["名次,单位编号,单位,得分,等次,一票否决"]);
    const matrix = readFileSync(join(out, "matrix.csv"), "utf8");
    for (const name of ["县政府办公室", "县司法局"]) expect(matrix).toContain(name);
    expect(readFileSync(join(out, "report.html"), "utf8")).not.toContain("武陟");
  });

  it("fazhi roster writes the inferred roster; edited and passed back with --roster, it is used as given", () => {
    const dir = tmp();
    const file = join(dir, "名录.json");
    const r = fazhi(["roster", doc, "--out", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("已按公文推断单位名录：3个单位");
    expect(r.stderr).toContain("待补充 To be filled in:");
    const json = JSON.parse(readFileSync(file, "utf8"));
    const read = readRoster(json);
    expect(read.ok).toBe(true);
    expect(json.source.provisional).toBe(true);
    // Staff check it: rename the place, confirm it (provisional removed), and pass it back.
    json.name = "某县";
    delete json.source.provisional;
    writeFileSync(file, JSON.stringify(json));
    const out = join(dir, "out");
    const back = fazhi(["report", doc, "--roster", file, "--out", out]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).not.toContain("推断");
    for (const u of json.units as Array<{ id: string }>) expect(readFileSync(join(out, "matrix.csv"), "utf8")).toContain(u.id);
    // Without --out, the JSON goes to standard output (and the notes to standard error).
    const printed = fazhi(["roster", doc]);
    expect(JSON.parse(printed.stdout).units).toHaveLength(3);
  });

  it("a document without a year is read for this year, said on stderr; --year chooses another", () => {
    const noYear = saved("xxshi-20xx-yifa-c");
    const r = fazhi(["report", noYear, "--out", join(tmp(), "o")], { today: "2026-11-26" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("公文中没有写年度，按2026年计算时间节点；可用 --year 指定。");
    const given = fazhi(["report", noYear, "--year", "2023", "--out", join(tmp(), "p")], { today: "2026-11-26" });
    expect(given.stderr).not.toContain("没有写年度");
    expect(given.stdout).toContain("数据截至 2024-01-15");
    expect(fazhi(["calendar", noYear]).stderr).toContain("按2026年计算");
  });
});

describe("the Wuzhi document renamed or piped: bundled files, references written for wuzhi-2024", () => {
  it("cp seed plan.txt; fazhi report plan.txt — the bundled roster, scheme and ledger, 32 scored units", () => {
    const dir = tmp();
    const plan = join(dir, "plan.txt");
    copyFileSync(SEED, plan);
    const r = fazhi(["report", plan, "--out", join(dir, "out")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("公文是随包附带的武陟县示例，使用随包附带的武陟县名录");
    expect(r.stderr).not.toContain("unknown_task");
    expect(rows(readFileSync(join(dir, "out", "scores.csv"), "utf8"))).toHaveLength(33);
  });

  it("cat seed | fazhi report - works the same", () => {
    const dir = tmp();
    const r = fazhi(["report", "-", "--out", join(dir, "out")], { stdin: readFileSync(SEED) });
    expect(r.code, r.stderr).toBe(0);
    expect(rows(readFileSync(join(dir, "out", "scores.csv"), "utf8"))).toHaveLength(33);
  });

  it("score with the user's own wuzhi-2024 files on a renamed copy: one foreign_plan_id notice per file, the same scores", () => {
    const dir = tmp();
    const plan = join(dir, "plan.txt");
    copyFileSync(SEED, plan);
    const renamed = fazhi(["score", plan, "--scheme", SCHEME, "--ledger", LEDGER, "--roster", ROSTER, "--format", "csv"]);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(renamed.stderr.match(/\[foreign_plan_id\]/g)).toHaveLength(2);
    expect(renamed.stderr).toContain("可改写为与编号无关的 t35");
    const original = fazhi(["score", SEED, "--scheme", SCHEME, "--ledger", LEDGER, "--roster", ROSTER, "--format", "csv"]);
    expect(renamed.stdout).toBe(original.stdout);
    expect(original.stderr).not.toContain("foreign_plan_id");
  });

  it("an unknown task says how many tasks the plan has; a long list says how many more", () => {
    const dir = tmp();
    const ledger = join(dir, "l.json");
    const entries = Array.from({ length: 25 }, (_, i) => ({ id: `e${i}`, unitId: "sfj", taskId: `t${60 + i}`, date: "2024-05-01", kind: "progress" }));
    writeFileSync(ledger, JSON.stringify({ planId: "x", entries }));
    const r = fazhi(["status", SEED, "--ledger", ledger, "--roster", ROSTER]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("工作安排中没有任务“t60”（本工作安排有35项任务，可写作 t1–t35 或任务序号）");
    expect(r.stderr).toContain("the plan has 35 tasks");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("  ……另有5条 / 5 more");
  });

  it("score shows — for the rank of units not assessed", () => {
    const dir = tmp();
    const scheme = JSON.parse(readFileSync(SCHEME, "utf8"));
    for (const ind of scheme.indicators) ind.appliesTo = { units: ["sfj"] };
    const file = join(dir, "s.json");
    writeFileSync(file, JSON.stringify(scheme));
    const r = fazhi(["score", SEED, "--scheme", file, "--ledger", LEDGER, "--roster", ROSTER]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("undefined");
    expect(r.stdout).toMatch(/^\s*—\s+县公安局\s/m);
    const csv = fazhi(["score", SEED, "--scheme", file, "--ledger", LEDGER, "--roster", ROSTER, "--format", "csv"]);
    expect(csv.stdout).toMatch(/^—,gaj,县公安局,/m);
  });
});
