import { describe, expect, it } from "vitest";
import { buildBlocks, joinPieces } from "../../src/parse/blocks.js";
import { readSegments } from "../../src/parse/lines.js";
import { NOISE_RULES } from "../../src/parse/noise.js";
import { NUMBERING_STYLES } from "../../src/parse/numbering.js";
import { roleVocabulary } from "../../src/parse/role-words.js";
import { createContext } from "../../src/parse/rules.js";
import { splitLines } from "../../src/text/normalize.js";

const blocks = (text: string) => {
  const ctx = createContext(() => 1, new Set());
  const out = buildBlocks(readSegments(splitLines(text), ctx, NOISE_RULES, NUMBERING_STYLES, roleVocabulary()), ctx);
  return { list: out.map((b) => `${b.kind}:${b.text}`), out, codes: ctx.finish().map((d) => d.code) };
};

describe("buildBlocks", () => {
  it("joins a sentence broken by a blank line or a page break, with a diagnostic", () => {
    const r = blocks("（一）加强监督。每季度开展一次执法监督，并将监督情况予以\n\n- 2 -\n\n通报。");
    expect(r.list).toEqual(["heading:（一）加强监督。每季度开展一次执法监督，并将监督情况予以通报。"]);
    expect(r.codes).toEqual(["page_number_removed", "joined_across_break"]);
  });

  it("joins a unit list broken by a page break, but not the next sentence", () => {
    expect(blocks("牵头单位：县司法局、县人民\n检察院\n各部门要落实。").list).toEqual(["roles:牵头单位：县司法局、县人民检察院", "text:各部门要落实。"]);
  });

  it("keeps headings, role lines, titles and dates on their own", () => {
    expect(blocks("一、加强学习\n各部门要学习\n2024年3月1日\n关于印发的通知").list).toEqual(["heading:一、加强学习", "text:各部门要学习", "text:2024年3月1日", "text:关于印发的通知"]);
  });

  it("continues a section heading that stops at a comma", () => {
    expect(blocks("一、工作目标，\n全面推行三项制度。").list).toEqual(["heading:一、工作目标，全面推行三项制度。"]);
  });

  it("joins a title broken after 关于", () => {
    expect(blocks("湖南省人民政府关于\n落实《政府工作报告》重点工作部门分工的意见").list).toEqual(["text:湖南省人民政府关于落实《政府工作报告》重点工作部门分工的意见"]);
  });

  it("joins many short unterminated lines into one paragraph, mapping every character back", () => {
    const text = "短句\n".repeat(2000);
    const { out } = blocks(text);
    expect(out).toHaveLength(1);
    const b = out[0]!;
    expect(b.text).toBe("短句".repeat(2000));
    for (let i = 0; i < b.text.length; i += 997) expect(text[b.map[i]!]).toBe(b.text[i]);
  });
});

describe("joinPieces", () => {
  it("maps a separator to just after the piece before it", () => {
    const j = joinPieces([{ text: "甲", map: Int32Array.of(5) }, { text: "乙", map: Int32Array.of(9) }], "\n");
    expect(j.text).toBe("甲\n乙");
    expect(Array.from(j.map)).toEqual([5, 6, 9]);
  });
});
