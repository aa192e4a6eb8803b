// fazhi diff and fazhi coverage as users run them: two files of any kind the readers read, text,
// JSON or the HTML page, --out written all or nothing; exit 0 when the comparison ran, 1 on input
// that cannot be read, 2 on usage.
import * as nodeFs from "node:fs";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Coverage, PlanDiff } from "../../src/model/compare.js";
import { ROSTER, SEED, fazhi, tmp } from "./env.js";

const DOCX = "test/docx/fixtures/wuzhi-excerpt.docx";
const seed = readFileSync(SEED, "utf8");

/**
 * The seed as last year's plan with task 4's second clause led by 县工商局, and as next year's plan:
 * for 2025, a deadline moved (6月底前 → 9月底前) and task 35 dropped. With a roster that records
 * 县工商局 as 县市场监管局's former name, the lead change is a rename.
 */
const files = (() => {
  const dir = tmp();
  const previous = join(dir, "wuzhi-2024.txt");
  const next = join(dir, "wuzhi-2025.txt");
  writeFileSync(previous, seed.replace("牵头单位：县市场监管局\n", "牵头单位：县工商局\n"));
  writeFileSync(next, seed.replaceAll("2024", "2025").replace("在6月底前完成", "在9月底前完成").slice(0, seed.indexOf("（三十五）")));
  const roster = JSON.parse(readFileSync(ROSTER, "utf8")) as { units: Array<{ id: string; formerNames?: unknown[] }> };
  roster.units.find((u) => u.id === "scjgj")!.formerNames = [{ name: "县工商局", validTo: "2019-02-28" }];
  const rosterFile = join(dir, "roster.json");
  writeFileSync(rosterFile, JSON.stringify(roster));
  return { dir, previous, next, roster: rosterFile };
})();

describe("fazhi diff", () => {
  it("prints what changed as text; exit 0 (differences are not errors); says how each file was read", () => {
    const r = fazhi(["diff", files.previous, files.next, "--roster", files.roster]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^工作安排差异 Plan diff\n上一版 Previous：武陟县2024年度法治政府建设工作安排（wuzhi-2024，35项任务）/);
    expect(r.stdout).toContain("删去任务 Removed（1）\n  - （三十五）");
    expect(r.stdout).toContain("截止时间变化：2024-06-30前（6月底前完成全员轮训工作） → 2025-09-30前（9月底前完成全员轮训工作）");
    expect(r.stdout).toContain("单位：牵头单位更名 县工商局 → 县市场监管局");
    expect(r.stderr).toContain("wuzhi-2024.txt：公文文本，35项任务");
    expect(r.stderr).toContain("wuzhi-2025.txt: read as document text, 34 tasks");
  });

  it("without a roster, the renamed lead is a unit removed and another added", () => {
    const r = fazhi(["diff", files.previous, files.next]);
    expect(r.stdout).toContain("单位：牵头单位删去 县工商局");
    expect(r.stdout).toContain("单位：牵头单位新增 县市场监管局");
  });

  it("--format json is a PlanDiff; text and Word compare as well as text and text", () => {
    const json = fazhi(["diff", files.previous, files.next, "--format", "json", "--roster", files.roster]);
    const d = PlanDiff.parse(JSON.parse(json.stdout));
    expect(d.counts).toMatchObject({ previousTasks: 35, nextTasks: 34, removed: 1, added: 0 });
    // The Word excerpt holds tasks 1–14 of the seed (1–5 as text, 6–14 in a table): the rest were dropped.
    const docx = PlanDiff.parse(JSON.parse(fazhi(["diff", SEED, DOCX, "--format", "json"]).stdout));
    expect(docx.counts).toMatchObject({ previousTasks: 35, nextTasks: 14, removed: 21, added: 0 });
    // Piped in: the Word file's bytes on standard input.
    const piped = fazhi(["diff", SEED, "-", "--format", "json"], { stdin: readFileSync(DOCX) });
    expect(PlanDiff.parse(JSON.parse(piped.stdout)).counts.nextTasks).toBe(14);
  });

  it("--format html --out writes the page, all or nothing, and says where", () => {
    const out = join(files.dir, "pages", "diff.html");
    const r = fazhi(["diff", files.previous, files.next, "--format", "html", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`已写出 Written：${out}\n`);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("2026-11-26"); // the day it was made, from the command's clock
    expect(readdirSync(join(files.dir, "pages"))).toEqual(["diff.html"]);
  });
});

describe("fazhi coverage", () => {
  it("lists each higher-level task with the tasks that take it up; --threshold is the least similarity", () => {
    const r = fazhi(["coverage", files.previous, DOCX]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^对照落实情况 Coverage/);
    expect(r.stdout).toContain("上级任务 35 项：已承接 14，未承接 21");
    const json = Coverage.parse(JSON.parse(fazhi(["coverage", files.previous, DOCX, "--format", "json", "--threshold", "1"]).stdout));
    // At 1, only the same text (or a task mostly contained in another) still links.
    expect(json.counts.upperTasks).toBe(35);
    expect(json.items.every((i) => i.takenUpBy.every((l) => l.score === 1 || l.coverage >= 0.6))).toBe(true);
  });

  it("--format html --out replaces an earlier page", () => {
    const out = join(files.dir, "coverage.html");
    writeFileSync(out, "earlier");
    expect(fazhi(["coverage", files.previous, files.next, "--format", "html", "--out", out]).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('id="coverage"');
  });
});

describe("diff and coverage: errors", () => {
  it.each([
    [["diff"], ["缺少参数 <previous>", "missing argument <next>"]],
    [["diff", "-", "-"], ["只能有一个文件参数是 -（标准输入） / only one file argument can be - (standard input)"]],
    [["coverage", SEED, SEED, "--threshold", "30", "--format", "pdf"], ["--threshold 应为 0 到 1 之间的数，如 0.25：30", "--format must be one of text, json, html: pdf"]],
    [["coverage", SEED, SEED, "--threshold", "1.5"], ["--threshold must be a number from 0 to 1, such as 0.25: 1.5"]],
    [["diff", SEED, SEED, SEED], ["多余的参数：", "unexpected argument:"]],
  ])("%j exits 2 with every problem", (argv, messages) => {
    const r = fazhi(argv);
    expect(r.code).toBe(2);
    for (const m of messages) expect(r.stderr).toContain(m);
  });

  it("reports both files' errors at once, exit 1, and writes nothing", () => {
    const dir = tmp();
    const empty = join(dir, "empty.txt");
    writeFileSync(empty, "");
    const out = join(dir, "diff.html");
    const r = fazhi(["diff", join(dir, "missing.txt"), empty, "--format", "html", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("无法读取 ");
    expect(r.stderr).toContain("missing.txt：文件或目录不存在（ENOENT）");
    expect(r.stderr).toMatch(/empty\.txt 是空文件\n.*empty\.txt is an empty file/);
    expect(readdirSync(dir)).toEqual(["empty.txt"]);
  });

  it("--out that is a directory is refused; a failed write leaves the earlier page and no temporary files", () => {
    const dir = tmp();
    mkdirSync(join(dir, "page.html"));
    const refused = fazhi(["coverage", SEED, SEED, "--format", "html", "--out", join(dir, "page.html")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("是一个目录，应为文件");
    expect(refused.stderr).toContain("is a directory, not a file");

    const out = join(dir, "diff.html");
    writeFileSync(out, "earlier");
    const full = Object.assign(new Error("ENOSPC: simulated"), { code: "ENOSPC" });
    const r = fazhi(["diff", SEED, SEED, "--format", "html", "--out", out], {
      fs: {
        writeFileSync: (path: string, data: string) => {
          nodeFs.writeFileSync(path, data.slice(0, 10));
          throw full;
        },
      },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("磁盘空间不足（ENOSPC）。没有写出任何文件，原有输出保持不变。");
    expect(readFileSync(out, "utf8")).toBe("earlier");
    expect(readdirSync(dir).sort()).toEqual(["diff.html", "page.html"]);
  });
});
