// The built command (tsup, with the CLI entry of tsup.config.ts, into .tmp/) as users run it: a plan
// saved in GB18030 (as older county files are) given by path, renamed without an extension, and piped
// through standard input; and files that are not text, saying what they are.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtCli, runCli as run } from "../support/built-cli.js";
import { SEED } from "./env.js";

// Inside the package (.tmp/ is git-ignored), so the built file finds its dependencies in node_modules.
mkdirSync(".tmp", { recursive: true });
const dir = resolve(mkdtempSync(".tmp/built-cli-"));
let cli = "";
const gb = iconv.encode(readFileSync(SEED, "utf8"), "gb18030");
const file = (name: string, content: Uint8Array | string): string => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

/** What the built command prints for the UTF-8 seed. */
let fromUtf8 = "";
beforeAll(async () => {
  cli = await builtCli();
  fromUtf8 = (await run(cli, ["parse", SEED])).stdout;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent("the built fazhi on a GB18030 plan", () => {
  it("the bytes are GB18030, not UTF-8 (the test is about what it says)", () => {
    expect(new TextDecoder("utf-8", { fatal: false }).decode(gb)).toContain("\ufffd");
    expect(gb.includes(Buffer.from("武陟县", "utf8"))).toBe(false);
  });

  it.each([
    ["given by path", () => file("武陟县2024.txt", gb), undefined],
    ["renamed, without an extension", () => file("安排", gb), undefined],
    ["piped through standard input", () => "-", gb],
  ])("%s: read as the UTF-8 seed is, saying the encoding on stderr", async (_, path, input) => {
    const arg = path();
    const shown = arg === "-" ? "<stdin>" : arg;
    const r = await run(cli, ["parse", arg], input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("武陟县2024年度法治政府建设工作安排（武法政〔2024〕1号）");
    expect(r.stdout).toContain("任务 Tasks：35");
    // Everything but the file's name in the messages is what the UTF-8 seed gives.
    expect(r.stdout.split(shown).join("<file>")).toBe(fromUtf8.split(SEED).join("<file>"));
    expect(r.stderr).toBe(`${shown}：按 GB18030 编码读取（不是 UTF-8）\n${shown}: read as GB18030 (not UTF-8)\n`);
  });

  it("a GB18030 CSV sheet, and a JSON roster saved in GB18030", async () => {
    const csv = iconv.encode("序号,工作任务,牵头单位,责任单位\r\n1,深入学习贯彻习近平法治思想,县司法局,各乡镇\r\n", "gb18030");
    const sheet = await run(cli, ["parse", file("分工表.csv", csv)]);
    expect(sheet.code).toBe(0);
    expect(sheet.stdout).toContain("读作 Read as：CSV 表格 / a CSV sheet");
    expect(sheet.stdout).toContain("任务 Tasks：1");
    expect(sheet.stderr).toContain("分工表.csv：按 GB18030 编码读取");
    const roster = file("名录.json", iconv.encode(readFileSync("seeds/wuzhi-2024.roster.json", "utf8"), "gb18030"));
    const matrix = await run(cli, ["matrix", SEED, "--roster", roster]);
    expect(matrix.code).toBe(0);
    expect(matrix.stderr).toContain("名录.json：按 GB18030 编码读取");
  });
});

describe.concurrent("the built fazhi on files that are not text", () => {
  it.each([
    ["a PNG named .txt", () => ["parse", file("截图.txt", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))], undefined, "截图.txt：不是文本文件：这是PNG 图片", "Not a text document: this is a PNG image"],
    ["binary data piped in", () => ["parse", "-"], Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256), "<stdin>：不是文本文件：内容含有二进制数据", "<stdin>: Not a text document: the content holds binary data"],
    ["a PDF piped in", () => ["parse", "-"], new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n"), "<stdin> 是 PDF 文件，fazhi 不读 PDF", "<stdin> is a PDF file, which fazhi does not read"],
    ["a PDF given as the roster", () => ["matrix", SEED, "--roster", file("名录-pdf.json", "%PDF-1.4\n")], undefined, "名录-pdf.json：不是文本文件：这是PDF 文件", "Not a text document: this is a PDF file"],
  ])("%s: exit 1, saying what it is, Chinese first", async (_, args, input, zh, en) => {
    const r = await run(cli, args(), input);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(zh);
    expect(r.stderr).toContain(en);
    expect(r.stderr.indexOf(zh)).toBeLessThan(r.stderr.indexOf(en));
    expect(r.stderr).not.toMatch(/\n\s+at |Internal error|内部错误/);
  });
});
