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
