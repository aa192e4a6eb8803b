// The command as a process: standard input, a reader that closes early, and a real file size
// limit (ulimit -f) while writing the report. The three processes run at the same time.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SEED, fazhi, tmp } from "./env.js";

const sh = (script: string, input?: Buffer): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", script], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
const FAZHI = "node --import tsx src/cli/main.ts";

describe.concurrent("fazhi as a process", () => {
  it("reads standard input with -", async () => {
    const r = await sh(`${FAZHI} parse -`, readFileSync(SEED));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("武陟县2024年度法治政府建设工作安排");
  });

  it("exits quietly when the reader closes early (| head)", async () => {
    const r = await sh(`${FAZHI} parse ${SEED} --json | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`);
    expect(r.stdout.trim()).toBe("status=0");
    expect(r.stderr).not.toContain("EPIPE");
  });

  it("on a file size limit (ulimit -f) leaves the earlier outputs and no temporary files", async () => {
    const parent = tmp();
    const out = join(parent, "out");
    expect(fazhi(["report", SEED, "--out", out], { today: "2024-06-01" }).code).toBe(0);
    const before = Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), "utf8")]));
    // 200 KiB: plan.json and matrix.csv fit, report.html (about 300 KiB) does not.
    const r = await sh(`ulimit -f 200; ${FAZHI} report ${SEED} --out ${out} --as-of 2024-09-01`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("文件超过允许的大小（EFBIG）。没有写出任何文件，原有输出保持不变。");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(Object.fromEntries(readdirSync(out).map((f) => [f, readFileSync(join(out, f), "utf8")]))).toEqual(before);
  });
});
