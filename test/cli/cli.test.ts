import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/cli/commands/index.js";
import { LEDGER, ROSTER, SCHEME, SEED, fazhi, tmp } from "./env.js";

const CJK = /[\u4e00-\u9fff]/;
/** No stack trace and no bare internal error reach the user. */
const expectNoStack = (stderr: string) => {
  expect(stderr).not.toMatch(/\n\s+at |Internal error|内部错误/);
};

describe("fazhi: help and version", () => {
  it("gives each command's help three ways, in Chinese and English", () => {
    for (const { name } of COMMANDS) {
      const a = fazhi([name, "--help"]);
      const b = fazhi(["help", name]);
      const c = fazhi([name, "-h"]);
      expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
      expect(a.stdout).toBe(b.stdout);
      expect(c.stdout).toBe(b.stdout);
      expect(a.stdout).toMatch(new RegExp(`^用法 Usage: fazhi ${name}`));
      expect(a.stdout).toContain("参数与选项 Arguments and options:");
      // Every option line has both languages.
      for (const l of a.stdout.split("\n").filter((x) => x.startsWith("  -"))) expect(l).toMatch(new RegExp(`${CJK.source}.* / [A-Za-z]`));
    }
  });

  it("lists the commands; --version prints the package version", () => {
    const main = fazhi(["--help"]);
    expect(main.code).toBe(0);
    for (const { name } of COMMANDS) expect(main.stdout).toContain(`  ${name} `);
    expect(main.stdout).toContain("退出码 Exit codes");
    expect(fazhi(["help"]).stdout).toBe(main.stdout);
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(fazhi(["--version"])).toEqual({ code: 0, stdout: `fazhi ${version}\n`, stderr: "" });
  });

  it("without arguments prints the help to standard error and exits 2", () => {
    const r = fazhi([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("命令 Commands:");
  });
});

describe("fazhi: usage errors exit 2 with every problem, in both languages", () => {
  it("unknown commands and options, in our own words", () => {
    const cmd = fazhi(["frobnicate"]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("未知命令“frobnicate”；可用的命令：parse、matrix");
    expect(cmd.stderr).toContain('unknown command "frobnicate"');
    expect(fazhi(["help", "frobnicate"]).code).toBe(2);
    const opt = fazhi(["parse", SEED, "--no-such-option"]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("未知选项 --no-such-option / unknown option --no-such-option");
    expect(opt.stderr).toContain("帮助 Help: fazhi help parse");
    expect(opt.stderr).not.toMatch(/Unknown option '|ERR_PARSE_ARGS/);
  });

  it("a misspelt command or option: did you mean, in both languages; a misspelt option's value is not taken for an argument", () => {
    const cmd = fazhi(["matirx", SEED]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain("未知命令“matirx”；是否指 matrix？ / unknown command \"matirx\"; did you mean matrix?");
    expect(fazhi(["help", "socre"]).stderr).toContain("是否指 score？");
    const opt = fazhi(["report", "--rooster", ROSTER, "--out", tmp()]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("未知选项 --rooster；是否指 --roster？ / unknown option --rooster; did you mean --roster?");
    expect(opt.stderr).not.toContain("多余的参数");
    // A flag's misspelling leaves the next word an argument, as it is.
    const flag = fazhi(["parse", "--jsn", SEED]);
    expect(flag.stderr).toContain("未知选项 --jsn；是否指 --json？");
    expect(flag.stderr).not.toContain("缺少参数");
    expect(fazhi(["report", "--as_of", "2024-07-01", "--out", tmp()]).stderr).toContain("是否指 --as-of？");
  });

  it("reports every missing option and argument at once", () => {
    const r = fazhi(["score"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("缺少参数 <file|->");
    expect(r.stderr).toContain("缺少选项 --scheme s.json");
    expect(r.stderr).toContain("missing option --ledger l.json");
    expect(r.stderr).toMatch(/^用法 Usage: fazhi score <file\|-> --scheme s\.json --ledger l\.json/m);
  });

  it("reports every wrong value at once", () => {
    const r = fazhi(["status", SEED, "--ledger", LEDGER, "--as-of", "2024-02-30", "--horizon", "-1", "--roster", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as-of 应为真实的 YYYY-MM-DD 日期：2024-02-30 / --as-of must be a real YYYY-MM-DD date: 2024-02-30");
    expect(r.stderr).toContain("--horizon 应为 0–366 之间的整数");
    expect(r.stderr).toContain("选项 --roster r.json 缺少值 / option --roster r.json needs a value");
  });

  it.each([
    [["calendar", SEED, "--year", "99999"], "--year 应为四位数的年份"],
    [["calendar", SEED, "--year=-5"], "--year must be a four-digit year"],
    [["calendar", SEED, "--year", "24"], "--year 应为四位数的年份"],
    [["calendar", SEED, "--ics", "--dtstamp", "yesterday"], "--dtstamp must be a UTC time"],
    [["calendar", SEED, "--ics", "--dtstamp", "20250230T000000Z"], "--dtstamp 应为 UTC 时刻"],
    [["status", SEED, "--ledger", LEDGER, "--horizon", "1000000000"], "--horizon must be a whole number of days from 0 to 366"],
    [["matrix", SEED, "--format", "xml"], "--format 应为 table、csv、json 之一：xml"],
    [["parse", SEED, "--json=yes"], "选项 --json 不带值"],
    [["parse", SEED, "extra.txt"], "多余的参数：extra.txt / unexpected argument: extra.txt"],
    [["schema", "Nope"], "没有名为“Nope”的模型"],
  ])("%j exits 2: %s", (argv, message) => {
    const r = fazhi(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expectNoStack(r.stderr);
  });

  it("accepts the RFC 3339 time that new Date().toISOString() gives as --dtstamp", () => {
    const r = fazhi(["calendar", SEED, "--ics", "--dtstamp", "2025-01-01T08:30:00.123Z"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("DTSTAMP:20250101T083000Z");
  });
});

describe("fazhi: the commands", () => {
  it("parse prints a summary, or the Plan as JSON with the id from the file name", () => {
    expect(fazhi(["parse", SEED]).stdout).toContain("任务 Tasks：35");
    const plan = JSON.parse(fazhi(["parse", SEED, "--json"]).stdout) as { id: string; sections: unknown[] };
    expect([plan.id, plan.sections.length]).toEqual(["wuzhi-2024", 10]);
    expect(JSON.parse(fazhi(["parse", "-", "--json"], { stdin: readFileSync(SEED, "utf8") }).stdout).title).toBe("武陟县2024年度法治政府建设工作安排");
  });

  it("matrix, calendar, schema", () => {
    expect(fazhi(["matrix", SEED, "--roster", ROSTER, "--format", "csv", "--layout", "wide"]).stdout.split("\r\n")[0]).toMatch(/^单位编号,单位,任务1,/);
    expect(fazhi(["matrix", SEED]).stdout).toContain("牵头 lead：县司法局");
    const table = fazhi(["matrix", SEED, "--roster", ROSTER]).stdout.split("\n");
    expect(table[1]).toMatch(/^单位 Unit\s+牵头 Lead\s+责任 Resp\.\s+候选 Cand\.\s+配合 Supp\.$/);
    const ics = fazhi(["calendar", SEED, "--ics", "--dtstamp", "20250101T000000Z"]).stdout;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("DTSTAMP:20250101T000000Z");
    expect(JSON.parse(fazhi(["schema", "Plan"]).stdout).$ref).toBe("#/$defs/Plan");
  });

  it("score prints a table with a header row, aligned by display width", () => {
    const r = fazhi(["score", SEED, "--scheme", SCHEME, "--ledger", LEDGER, "--as-of", "2025-01-15"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[1]).toMatch(/^名次 Rank\s+单位 Unit\s+得分 Score\s+等次 Grade$/);
    expect(lines).toHaveLength(2 + 32);
    expect(lines[2]).toMatch(/^\s+1\s+\S+\s+[\d.]+\s+\S+/);
    const explain = fazhi(["score", SEED, "--scheme", SCHEME, "--ledger", LEDGER, "--as-of", "2025-01-15", "--explain", "县司法局"]);
    expect(explain.stdout).toMatch(/^县司法局：[\d.]+分/);
    const nobody = fazhi(["score", SEED, "--scheme", SCHEME, "--ledger", LEDGER, "--explain", "县魔法局"]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('没有单位“县魔法局”（请给出名录中的编号或名称）\nno unit "县魔法局"');
  });

  it("status, score and report take the same default as-of date", () => {
    // Today during the plan's year: today.
    expect(fazhi(["status", SEED, "--ledger", LEDGER, "--roster", ROSTER], { today: "2024-07-15" }).stdout).toContain("工作进展通报（截至2024年7月15日）");
    expect(fazhi(["score", SEED, "--scheme", SCHEME, "--ledger", LEDGER], { today: "2024-07-15" }).stdout).toContain("数据截至 2024-07-15");
    const during = fazhi(["report", SEED, "--out", join(tmp(), "a")], { today: "2024-07-15" });
    expect(during.stdout).toContain("数据截至 2024-07-15");
    // Long after: the year-end assessment, 15 January after the plan's year.
    expect(fazhi(["status", SEED, "--ledger", LEDGER], { today: "2026-11-26" }).stdout).toContain("工作进展通报（截至2025年1月15日）");
    expect(fazhi(["score", SEED, "--scheme", SCHEME, "--ledger", LEDGER], { today: "2026-11-26" }).stdout).toContain("数据截至 2025-01-15");
    expect(fazhi(["report", SEED, "--out", join(tmp(), "b")], { today: "2026-11-26" }).stdout).toContain("数据截至 2025-01-15");
  });

  it("report's summary says how many more it did not list, and its notes quote no script path", () => {
    const out = join(tmp(), "c");
    const r = fazhi(["report", "--out", out], { today: "2026-11-26" });
    expect(r.code).toBe(0);
    const overdue = Number(/逾期未完成 Overdue (\d+)/.exec(r.stdout)?.[1]);
    expect(overdue).toBeGreaterThan(5);
    expect(r.stdout).toContain(`  ……另有${overdue - 5}项 / ${overdue - 5} more`);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html).toContain("台账为随包附带的虚构示例数据");
    expect(html).not.toMatch(/scripts\/|\.ts\b/);
  });
});

describe("fazhi: invalid input exits 1 and says where", () => {
  it("names the file, the line and the field", () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.json"), '{\n  "id": "x",\n  "name": \n}');
    const json = fazhi(["matrix", SEED, "--roster", join(dir, "bad.json")]);
    expect(json.code).toBe(1);
    expect(json.stderr).toMatch(/bad\.json:4：不是合法的 JSON（.*）\n.*bad\.json:4: not valid JSON/);
    writeFileSync(join(dir, "roster.json"), JSON.stringify({ id: "x", name: "x", source: { title: "t" }, units: [{ id: "a", name: "", kind: "other" }], groups: [] }));
    const field = fazhi(["matrix", SEED, "--roster", join(dir, "roster.json")]);
    expect(field.code).toBe(1);
    expect(field.stderr).toMatch(/roster\.json: units\.0\.name：.+ \[too_small\]\n {4}units\.0\.name: \S/);
    expect(field.stderr).not.toMatch(/units\.0\.name: units\.0\.name/);
    const missing = fazhi(["parse", "no/such/file.txt"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("无法读取 no/such/file.txt：文件或目录不存在（ENOENT）\ncannot read no/such/file.txt: no such file or directory (ENOENT)\n");
  });

  it("ends a long list of problems with 另有N条 / N more", () => {
    const dir = tmp();
    const units = Array.from({ length: 25 }, (_, i) => ({ id: `u${i}`, name: "", kind: "other" }));
    writeFileSync(join(dir, "roster.json"), JSON.stringify({ id: "x", name: "x", source: { title: "t" }, units, groups: [] }));
    const r = fazhi(["matrix", SEED, "--roster", join(dir, "roster.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/\[too_small\]/g)).toHaveLength(20);
    expect(r.stderr.trimEnd().split("\n").at(-1)).toBe("  ……另有5条 / 5 more");
  });

  it("reads JSON that starts with a UTF-8 byte order mark", () => {
    const dir = tmp();
    writeFileSync(join(dir, "roster.json"), `\uFEFF${readFileSync(ROSTER, "utf8")}`);
    const r = fazhi(["matrix", SEED, "--roster", join(dir, "roster.json"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).units).toHaveLength(32);
  });
});
