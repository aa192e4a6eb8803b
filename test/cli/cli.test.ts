import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";

let stdout = "";
let stderr = "";
beforeEach(() => {
  stdout = "";
  stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

const SEED = "seeds/wuzhi-2024.txt";
const tmp = () => mkdtempSync(join(tmpdir(), "fazhi-cli-"));

describe("fazhi command", () => {
  it("has --help on every command, in Chinese with English", () => {
    for (const cmd of ["parse", "matrix", "calendar", "status", "score", "report", "schema"]) {
      stdout = "";
      expect(run([cmd, "--help"])).toBe(0);
      expect(stdout).toContain(`fazhi ${cmd}`);
      expect(stdout).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(run(["--help"])).toBe(0);
    expect(stdout).toContain("退出码 Exit codes");
  });

  it("exit codes: 2 for usage errors, 1 for invalid input", () => {
    expect(run([])).toBe(2);
    expect(run(["frobnicate"])).toBe(2);
    expect(stderr).toContain("未知命令");
    expect(run(["parse", SEED, "--no-such-option"])).toBe(2);
    expect(run(["status", SEED, "--ledger", "x.json"])).toBe(2); // no --as-of
    expect(run(["status", SEED, "--ledger", "x.json", "--as-of", "2024-02-30"])).toBe(2);
    expect(run(["parse", "no/such/file.txt"])).toBe(1);
    expect(stderr).toContain("no/such/file.txt");
  });

  it("parse prints a summary, or the Plan as JSON", () => {
    expect(run(["parse", SEED])).toBe(0);
    expect(stdout).toContain("任务 Tasks：35");
    stdout = "";
    expect(run(["parse", SEED, "--json"])).toBe(0);
    expect(JSON.parse(stdout).sections).toHaveLength(10);
  });

  it("parse reads standard input with -", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", "parse", "-"], { input: readFileSync(SEED), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("武陟县2024年度法治政府建设工作安排");
  });

  it("exits quietly when the reader closes early (| head)", () => {
    const r = spawnSync("bash", ["-c", "node --import tsx src/cli/main.ts parse seeds/wuzhi-2024.txt --json | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}"], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("0");
    expect(r.stderr).not.toContain("EPIPE");
  });

  it("defaults the plan id to the file name", () => {
    expect(run(["parse", SEED, "--json"])).toBe(0);
    expect(JSON.parse(stdout).id).toBe("wuzhi-2024");
  });

  it("matrix, calendar, schema", () => {
    expect(run(["matrix", SEED, "--roster", "seeds/wuzhi-2024.roster.json", "--format", "csv", "--layout", "wide"])).toBe(0);
    expect(stdout.split("\r\n")[0]).toMatch(/^单位编号,单位,任务1,/);
    stdout = "";
    expect(run(["matrix", SEED])).toBe(0);
    expect(stdout).toContain("牵头：县司法局");
    stdout = "";
    expect(run(["calendar", SEED, "--ics", "--dtstamp", "20250101T000000Z"])).toBe(0);
    expect(stdout).toContain("BEGIN:VCALENDAR");
    expect(stdout).toContain("DTSTAMP:20250101T000000Z");
    stdout = "";
    expect(run(["schema", "Plan"])).toBe(0);
    expect(JSON.parse(stdout).$ref).toBe("#/$defs/Plan");
    expect(run(["schema", "Nope"])).toBe(2);
  });

  it("status and score on the bundled example", () => {
    expect(run(["status", SEED, "--ledger", "seeds/wuzhi-2024.ledger.sample.json", "--as-of", "2024-07-15", "--roster", "seeds/wuzhi-2024.roster.json"])).toBe(0);
    expect(stdout).toContain("工作进展通报（截至2024年7月15日）");
    stdout = "";
    expect(run(["score", SEED, "--scheme", "seeds/wuzhi-2024.scheme.json", "--ledger", "seeds/wuzhi-2024.ledger.sample.json", "--as-of", "2025-01-15", "--explain", "县司法局"])).toBe(0);
    expect(stdout).toMatch(/^县司法局：[\d.]+分/);
  });

  it("says which file, line and field is wrong", () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.json"), '{\n  "id": "x",\n  "name": \n}');
    expect(run(["matrix", SEED, "--roster", join(dir, "bad.json")])).toBe(1);
    expect(stderr).toMatch(/bad\.json:4：不是合法的 JSON/);
    stderr = "";
    writeFileSync(join(dir, "roster.json"), JSON.stringify({ id: "x", name: "x", source: { title: "t" }, units: [{ id: "a", name: "", kind: "other" }], groups: [] }));
    expect(run(["matrix", SEED, "--roster", join(dir, "roster.json")])).toBe(1);
    expect(stderr).toContain("roster.json: units.0.name: [too_small]");
  });

  it("report writes every output, and nothing when an input is invalid", () => {
    const dir = join(tmp(), "out");
    expect(run(["report", SEED, "--out", dir])).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["bulletin.txt", "calendar.ics", "matrix.csv", "plan.json", "report.html", "scores.csv"]);
    expect(stdout).toContain("打开报告 Open the report");
    const bad = join(tmp(), "bad-ledger.json");
    writeFileSync(bad, JSON.stringify({ planId: "wuzhi-2024", entries: [{ id: "e", unitId: "ghost", taskId: "wuzhi-2024.t01", date: "2024-01-05", kind: "done" }] }));
    const dir2 = join(tmp(), "out2");
    expect(run(["report", SEED, "--out", dir2, "--ledger", bad])).toBe(1);
    expect(stderr).toContain("[unknown_unit]");
    expect(existsSync(dir2)).toBe(false);
  });
});
