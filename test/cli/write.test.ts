// `fazhi report` writes its outputs all or nothing (issue 15, item 11): into a temporary directory
// beside --out, moved into place at the end; on any failure the old outputs stay and nothing is left.
import * as nodeFs from "node:fs";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPORT_FILES } from "../../src/cli/commands/report.js";
import { lazy } from "../support/lazy.js";
import { SEED, fazhi, tmp } from "./env.js";

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: simulated`), { code });

/** Every file under a directory with its content, for before/after comparisons. */
const snapshot = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), "utf8");
    }
  };
  walk(dir, "");
  return out;
};

/** One earlier run's outputs (made once: every test starts from the same run). */
const earlierOutputs = lazy(() => {
  const out = join(tmp(), "out");
  expect(fazhi(["report", SEED, "--out", out], { today: "2024-06-01" }).code).toBe(0);
  return out;
});

/** A parent directory holding a copy of the earlier run's outputs in out/. */
const earlierRun = () => {
  const parent = tmp();
  const out = join(parent, "out");
  cpSync(earlierOutputs(), out, { recursive: true });
  return { parent, out, before: snapshot(parent) };
};

const expectUntouched = (parent: string, before: Record<string, string>) => {
  expect(snapshot(parent)).toEqual(before);
  expect(readdirSync(parent)).toEqual(["out"]);
};

describe("report writes all or nothing", () => {
  it("replaces an earlier run's outputs and leaves nothing else", () => {
    const { parent, out, before } = earlierRun();
    expect(fazhi(["report", SEED, "--out", out], { today: "2024-09-01" }).code).toBe(0);
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(readdirSync(out).sort()).toEqual([...REPORT_FILES].sort());
    expect(readFileSync(join(out, "bulletin.txt"), "utf8")).not.toBe(before["out/bulletin.txt"]);
    expect(readFileSync(join(out, "bulletin.txt"), "utf8")).toContain("截至2024年9月1日");
    // --out gets the permissions any new directory gets here (not a temporary directory's 0700).
    const fresh = join(tmp(), "fresh");
    mkdirSync(fresh);
    expect(statSync(out).mode & 0o777).toBe(statSync(fresh).mode & 0o777);
  });

  it.each([
    ["the disk is full at the third file", { writeFileSync: (n: number) => (n === 3 ? errno("ENOSPC") : undefined) }, "磁盘空间不足（ENOSPC）", "no space left on the device"],
    ["a file size limit", { writeFileSync: (n: number) => (n === 6 ? errno("EFBIG") : undefined) }, "文件超过允许的大小（EFBIG）", "file too large"],
    ["no permission to write beside --out", { mkdirSync: (n: number) => (n === 2 ? errno("EACCES") : undefined) }, "没有权限（EACCES）", "permission denied"],
    ["the final move fails", { renameSync: (n: number) => (n === 2 ? errno("EBUSY") : undefined) }, "正被占用（如挂载点）（EBUSY）", "resource busy"],
  ])("%s: exit 1, a clear message, the old outputs untouched, no temporary files", (_, failAt, zh, en) => {
    const { parent, out, before } = earlierRun();
    const calls: Record<string, number> = {};
    const failing = Object.fromEntries(
      Object.entries(failAt).map(([name, when]) => {
        const real = (nodeFs as unknown as Record<string, (...a: unknown[]) => unknown>)[name] as (...a: unknown[]) => unknown;
        return [
          name,
          (...a: unknown[]) => {
            calls[name] = (calls[name] ?? 0) + 1;
            const err = (when as (n: number) => Error | undefined)(calls[name] as number);
            if (err !== undefined) throw err;
            return real(...a);
          },
        ];
      }),
    );
    const r = fazhi(["report", SEED, "--out", out], { today: "2024-09-01", fs: failing });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`无法写出 ${out}：${zh}。没有写出任何文件，原有输出保持不变。`);
    expect(r.stderr).toContain(en);
    expect(r.stderr).not.toMatch(/\n\s+at |Internal error/);
    expectUntouched(parent, before);
  });

  it("a new --out under missing parents: a failure removes the parents it made", () => {
    const root = tmp();
    const out = join(root, "a", "b", "out");
    let n = 0;
    const r = fazhi(["report", SEED, "--out", out], {
      fs: {
        writeFileSync: (p, d) => {
          n += 1;
          if (n === 2) throw errno("ENOSPC");
          writeFileSync(p, d);
        },
      },
    });
    expect(r.code).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });

  it("refuses --out naming an existing file (exit 1), and changes nothing", () => {
    const parent = tmp();
    writeFileSync(join(parent, "out"), "mine");
    const r = fazhi(["report", SEED, "--out", join(parent, "out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("是一个已有的文件，应为目录");
    expect(r.stderr).toContain("is an existing file, not a directory");
    expect(snapshot(parent)).toEqual({ out: "mine" });
  });

  it("refuses a directory holding anything it did not write, such as report.html as a directory", () => {
    const { parent, out } = earlierRun();
    const html = join(out, "report.html");
    const kept = readFileSync(html, "utf8");
    // Replace the earlier report.html by a directory: the case where the last rename used to fail.
    rmSync(html);
    mkdirSync(html);
    writeFileSync(join(html, "x"), "y");
    writeFileSync(join(out, "notes.txt"), "the user's own file");
    const before = snapshot(parent);
    const r = fazhi(["report", SEED, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("中有不是本命令写出的内容（notes.txt、report.html）");
    expect(r.stderr).toMatch(/holds things this command did not write \(notes\.txt, report\.html\); nothing was written/);
    expectUntouched(parent, before);
    expect(kept).toContain("<!DOCTYPE html>");
  });

  it("writes nothing when an input is invalid", () => {
    const parent = tmp();
    const bad = join(parent, "bad-ledger.json");
    writeFileSync(bad, JSON.stringify({ planId: "wuzhi-2024", entries: [{ id: "e", unitId: "ghost", taskId: "wuzhi-2024.t01", date: "2024-01-05", kind: "done" }] }));
    const r = fazhi(["report", SEED, "--out", join(parent, "out"), "--ledger", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[unknown_unit]");
    expect(readdirSync(parent)).toEqual(["bad-ledger.json"]);
  });
});
