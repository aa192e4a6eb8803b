// Inputs of any size for the parser, shared by the robustness test (small sizes, in npm test) and the
// benchmark (10 KB to 10 MB, in npm run bench): real text repeated, and shapes that once made the
// parser quadratic or could make a regular expression backtrack.
import { readFileSync } from "node:fs";

/** A family of inputs: `make(n)` gives a text of about `n` characters. */
export type Family = readonly [name: string, make: (n: number) => string];

/** `unit` repeated to about `n` characters, after `head`. */
const fill = (unit: string, n: number, head = ""): string => head + unit.repeat(Math.max(1, Math.ceil((n - head.length) / unit.length)));

/** A plan that opens a task, so that what follows is read as task text. */
const TASK = "某县2024年度法治政府建设工作安排\n一、甲\n（一）乙";

/** Pseudo-random code points (a fixed linear congruential generator: the same text on every run). */
const randomUnicode = (n: number): string => {
  const out: string[] = [];
  let x = 20240101;
  let length = 0;
  while (length < n) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    // Mostly the BMP (CJK and punctuation of the genre among it), sometimes an astral character or a line break.
    const r = x % 1000;
    const cp = r < 20 ? 0x0a : r < 40 ? 0x20000 + (x % 0x2a6d) : r < 600 ? 0x4e00 + (x % 0x5200) : r < 700 ? 0x3000 + (x % 0x40) : 0x20 + (x % 0xd7c0);
    const ch = String.fromCodePoint(cp >= 0xd800 && cp < 0xe000 ? 0x4e00 : cp);
    out.push(ch);
    length += ch.length;
  }
  return out.join("");
};

const seed = (): string => readFileSync(new URL("../../seeds/wuzhi-2024.txt", import.meta.url), "utf8");

/** Real documents: the seed, repeated. */
export const REAL: Family = ["the seed, repeated", (n) => fill(`${seed()}\n`, n)];

export const ADVERSARIAL: readonly Family[] = [
  ["random Unicode", (n) => randomUnicode(n)],
  ["random Unicode in a task", (n) => TASK + randomUnicode(n)],
  ["a heading marker repeated", (n) => fill("（一）", n)],
  ["heading lines", (n) => fill("一、\n", n)],
  ["one huge line", (n) => fill("各级各部门要认真落实", n)],
  ["a long run of 、 in a unit list", (n) => fill("、", n, "一、甲\n（一）乙。\n牵头单位：")],
  ["a long run of 和 in a unit list", (n) => fill("和", n, "一、甲\n（一）乙。\n牵头单位：县司法局")],
  ["nested brackets", (n) => `一、甲\n（一）乙${"（".repeat(Math.floor(n / 2))}${"）".repeat(Math.floor(n / 2))}`],
  ["role words repeated", (n) => fill("牵头单位：", n, "一、甲\n（一）乙。\n")],
  ["role verbs in brackets", (n) => fill("（县司法局牵头，各乡镇配合）", n, `${TASK}。`)],
  ["schedule words repeated (定期)", (n) => fill("定期", n, TASK)],
  ["quota words repeated (至少1次)", (n) => fill("至少1次", n, TASK)],
  ["short unterminated lines", (n) => fill("短句\n", n, `${TASK}\n`)],
  ["blank-line broken sentence", (n) => fill("一、甲\n（一）乙\n\n", n)],
  ["numbering running on in one line", (n) => {
    const parts: string[] = [TASK];
    for (let k = 1, len = 0; len < n; k++) {
      const item = `。${k}.推进工作（县司法局牵头）`;
      parts.push(item);
      len += item.length;
    }
    return parts.join("");
  }],
];
