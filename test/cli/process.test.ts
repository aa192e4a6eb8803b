// The command as a process: standard input (text, and a Word file's bytes), a reader that closes
// early, and a real file size limit (ulimit -f) while writing the report. The processes run at the
// same time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { builtCli } from "../support/built-cli.js";
import { SEED, fazhi, runProcess, tmp } from "./env.js";

const sh = (script: string, input?: Buffer) => runProcess("bash", ["-c", script], input);
/** The built command, as users run it. */
let FAZHI = "";
beforeAll(async () => {
  FAZHI = `node ${await builtCli()}`;
}, 120_000);

describe.concurrent("fazhi as a process", () => {
  it("reads standard input with -", async () => {
    const r = await sh(`${FAZHI} parse -`, readFileSync(SEED));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("武陟县2024年度法治政府建设工作安排");
  });

  it("reads a Word file's bytes piped in, unchanged", async () => {
    const r = await sh(`${FAZHI} parse -`, readFileSync("test/docx/fixtures/wuzhi-excerpt.docx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("读作 Read as：Word 文件（.docx）");
    expect(r.stdout).toContain("任务 Tasks：14");
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
