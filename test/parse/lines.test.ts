import { describe, expect, it } from "vitest";
import { readSegments } from "../../src/parse/lines.js";
import { NOISE_RULES } from "../../src/parse/noise.js";
import { NUMBERING_STYLES } from "../../src/parse/numbering.js";
import { roleVocabulary } from "../../src/parse/role-words.js";
import { createContext } from "../../src/parse/rules.js";
import { splitLines } from "../../src/text/normalize.js";

const segments = (text: string, disable: string[] = []) => {
  const ctx = createContext(() => 1, new Set(disable));
  const out = readSegments(splitLines(text), ctx, NOISE_RULES, NUMBERING_STYLES, roleVocabulary());
  return { list: out.map((s) => (s.marker !== undefined ? `[${s.marker.label}]` : s.roleLabel ? "[role]" : "") + s.text), out, codes: ctx.finish().map((d) => d.code) };
};

describe("midLineStructure: several structures on one line", () => {
  it("splits a section heading from its first task, and a unit block from the next heading or task", () => {
    const line = "一、持续推进学习 1.推动学习走深走实。〔牵头单位:县司法局〕 二、压实责任 2.将法治政府建设与发展同部署。〔牵头单位:县政府办〕 3.县政府常务会议定期研究";
    expect(segments(line).list).toEqual([
      "[一、]一、持续推进学习",
      "[1.]1.推动学习走深走实。〔牵头单位：县司法局〕",
      "[二、]二、压实责任",
      "[2.]2.将法治政府建设与发展同部署。〔牵头单位：县政府办〕",
      "[3.]3.县政府常务会议定期研究",
    ]);
  });

  it("reads a whole document on one line, and keeps each piece's offsets", () => {
    const text = "某县2024年工作要点 一、加强学习。（一）落实制度。牵头单位：县司法局 （二）健全机制。责任单位：县政府办";
    const { list, out } = segments(text);
    expect(list).toEqual(["某县2024年工作要点", "[一、]一、加强学习。", "[（一）]（一）落实制度。", "[role]牵头单位：县司法局", "[（二）]（二）健全机制。", "[role]责任单位：县政府办"]);
    for (const s of out) expect(text.slice(s.map[0], (s.map.at(-1) ?? 0) + 1)).toBe(s.text);
  });

  it("takes a marker in mid-line only when it continues its numbering", () => {
    expect(segments("一、甲。（一）乙。（三）丙").list).toEqual(["[一、]一、甲。", "[（一）]（一）乙。（三）丙"]);
    expect(segments("（一）开展学习。第2条规定的事项").list).toEqual(["[（一）]（一）开展学习。第2条规定的事项"]);
  });

  it("does not split inside brackets, and stops honouring a bracket never closed", () => {
    expect(segments("（一）甲（见附件。1.乙）").list).toEqual(["[（一）]（一）甲（见附件。1.乙）"]);
    const unclosed = `（一）甲（${"字".repeat(400)}。1.乙`;
    expect(segments(unclosed).list).toHaveLength(2);
  });

  it("starts an item right after a heading's title: 二、主要任务（一）…", () => {
    expect(segments("二、主要任务（一）全面推行公示制度。").list).toEqual(["[二、]二、主要任务", "[（一）]（一）全面推行公示制度。"]);
    expect(segments("一、甲\n（一）推进镇（二）号工作").list).toEqual(["[一、]一、甲", "[（一）]（一）推进镇（二）号工作"]);
  });

  it("can be turned off", () => {
    expect(segments("一、甲 1.乙", ["midLineStructure"]).list).toEqual(["[一、]一、甲1.乙"]);
  });
});

describe("midSentenceMarker: page-chunk markers of document sites", () => {
  const long = "全县各级行政执法机关进一步强化全面推行行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度的配套制度建设，";
  it("removes N、 at the start of a line that continues a long sentence, and does not count it", () => {
    const { list, codes } = segments(`1.甲。${long}\n2、行政处罚等行为得到规范。2.乙`);
    expect(list).toEqual([`[1.]1.甲。${long}`, "行政处罚等行为得到规范。", "[2.]2.乙"]);
    expect(codes).toEqual(["page_number_removed"]);
  });

  it("keeps N、 after a heading, a title or a finished sentence", () => {
    expect(segments("（一）加强组织领导\n1、落实责任。").list).toEqual(["[（一）]（一）加强组织领导", "[1、]1、落实责任。"]);
    expect(segments(`${long.slice(0, -1)}。\n2、乙`).list.at(-1)).toBe("[2、]2、乙");
  });
});

describe("midLineStructure: a title with text after it", () => {
  it("splits a title from the preamble or the first heading on its line", () => {
    expect(segments("某县2024年法治政府建设工作要点 为推进依法行政，制定本要点。").list).toEqual(["某县2024年法治政府建设工作要点", "为推进依法行政，制定本要点。"]);
    expect(segments("某县2024年法治政府建设工作要点 一、加强学习").list).toEqual(["某县2024年法治政府建设工作要点", "[一、]一、加强学习"]);
    expect(segments("各部门要按照工作要点 认真落实。").list).toEqual(["各部门要按照工作要点认真落实。"]);
  });
});

describe("midLineStructure: the text after a role line on a flattened page", () => {
  it("ends a unit list where a sentence starts after a space, but not inside a name a PDF broke", () => {
    expect(segments("牵头单位：县委编办 责任单位：县直有关单位 （一）深入推进改革。").list).toEqual(["[role]牵头单位：县委编办", "[role]责任单位：县直有关单位", "[（一）]（一）深入推进改革。"]);
    expect(segments("责任单位：县直有关单位 健全新型监管机制，推进联合监管。").list).toEqual(["[role]责任单位：县直有关单位", "健全新型监管机制，推进联合监管。"]);
    expect(segments("牵头单位：县政府办、县司法 局 责任单位：县直有关单位").list).toEqual(["[role]牵头单位：县政府办、县司法局", "[role]责任单位：县直有关单位"]);
  });
});
