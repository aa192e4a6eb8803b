// Bugs a new user met on a small document of their own, each as they ran it.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fazhi, tmp } from "./env.js";

const write = (name: string, body: string): string => {
  const file = join(tmp(), name);
  writeFileSync(file, body);
  return file;
};

const NO_YEAR = "某县法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。6月底前完成全员轮训。（县司法局牵头，县公安局配合）\n（二）加强普法。9月份开展中期评估。（县司法局负责）\n";

describe("a document that gives no year", () => {
  const file = write("noyear.txt", NO_YEAR);

  it("calendar --year lists its dated items in that year, the same as report", () => {
    const r = fazhi(["calendar", file, "--year", "2025"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^2025-06-30 {2}任务 1/m);
    expect(r.stdout).toMatch(/^2025-09-30 {2}任务 2/m);
    expect(r.stderr).not.toContain("没有写年度");
  });

  it("calendar without --year reads its dated items in this year, and says so", () => {
    const r = fazhi(["calendar", file], { today: "2026-11-26" });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("按2026年计算");
    expect(r.stdout).toMatch(/^2026-06-30 {2}任务 1/m);
    expect(r.stdout).toMatch(/^2026-09-30 {2}任务 2/m);
  });

  it("status without --year reads its dated items in the as-of date's year", () => {
    const ledger = write("l.json", JSON.stringify({ planId: "noyear", entries: [] }));
    const r = fazhi(["status", file, "--ledger", ledger, "--as-of", "2025-12-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("按2025年计算");
    expect(r.stdout).toContain("逾期未完成2项");
  });
});

describe("a dated item whose only responsible party is a group with no members yet", () => {
  const file = write("grp.txt", "某县2025年法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。6月底前完成全员轮训。（各乡镇人民政府负责）\n（二）加强普法。9月份开展中期评估。（县司法局负责）\n");
  const ledger = write("l.json", JSON.stringify({ planId: "grp", entries: [] }));
  const EMPTY_ZH = "1个时间节点的责任单位组（各乡镇人民政府）尚无成员，未计入任何单位，请在名录中补充。";
  const EMPTY_EN = "1 dated item belongs to a unit group with no members yet";

  it("report says so on stderr, in its summary, its bulletin, and names the group in the timeline", () => {
    const out = join(tmp(), "o");
    const r = fazhi(["report", file, "--as-of", "2025-12-01", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("[group_unexpanded]");
    expect(r.stderr).toContain("单位组“各乡镇人民政府”在名录中没有成员");
    expect(r.stdout).toContain(EMPTY_ZH);
    expect(r.stdout).toContain(EMPTY_EN);
    expect(readFileSync(join(out, "bulletin.txt"), "utf8")).toContain("另有1个时间节点的责任单位组（各乡镇人民政府）尚无成员");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("责任单位组“各乡镇人民政府”尚无成员");
    expect(html).not.toContain("公文未列责任单位");
  });

  it("status says so on stderr and in the bulletin", () => {
    const r = fazhi(["status", file, "--ledger", ledger, "--as-of", "2025-12-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("[group_unexpanded]");
    expect(r.stdout).toContain("另有1个时间节点的责任单位组（各乡镇人民政府）尚无成员，未计入任何单位，请在名录中补充。");
  });

  it("a document that lists no unit still says so in the timeline, and nothing about groups", () => {
    const bare = write("bare.txt", "某县2025年法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。6月底前完成全员轮训。\n");
    const out = join(tmp(), "o");
    const r = fazhi(["report", bare, "--as-of", "2025-12-01", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain("尚无成员");
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain("公文未列责任单位");
  });
});

describe("report's summary and notes", () => {
  it("with no dated items, says there are none (not that all deadlines have passed)", () => {
    const file = write("nodates.txt", "某县2025年法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。（县司法局负责）\n");
    const r = fazhi(["report", file, "--as-of", "2025-12-01", "--out", join(tmp(), "o")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("没有带日期的时间节点。No dated items.");
    expect(r.stdout).not.toContain("均已到期");
  });

  it("an inferred (provisional) roster is said in the HTML report and the summary; a given roster is not", () => {
    const file = write("plain.txt", "某县2025年法治政府建设工作安排\n一、依法行政\n（一）开展执法监督。6月底前完成全员轮训。（县司法局负责）\n");
    const out = join(tmp(), "o");
    const r = fazhi(["report", file, "--as-of", "2025-12-01", "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("单位名录为按公文推断的临时名录，须核对。The roster was inferred from the document (provisional): check it.");
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("单位名录为按公文推断的临时名录");
    expect(html).toContain("The roster is provisional: its units and groups were inferred from the document");
    const roster = join(tmp(), "r.json");
    expect(fazhi(["roster", file, "--out", roster]).code).toBe(0);
    const checked = JSON.parse(readFileSync(roster, "utf8")) as { source: { provisional?: boolean } };
    delete checked.source.provisional;
    writeFileSync(roster, JSON.stringify(checked));
    const out2 = join(tmp(), "o");
    const given = fazhi(["report", file, "--roster", roster, "--as-of", "2025-12-01", "--out", out2]);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).not.toContain("临时名录");
    expect(readFileSync(join(out2, "report.html"), "utf8")).not.toContain("临时名录");
  });
});
