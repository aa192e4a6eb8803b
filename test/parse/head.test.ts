import { describe, expect, it } from "vitest";
import { HEAD_RULES, TITLE, readHead } from "../../src/parse/head.js";
import type { Block } from "../../src/parse/blocks.js";
import { createContext } from "../../src/parse/rules.js";
import { planYear, yearsIn } from "../../src/parse/year.js";

const block = (text: string): Block => ({ text, map: Int32Array.from(text, (_, i) => i), line: 1, kind: "text" });
const head = (...lines: string[]) => {
  const ctx = createContext(() => 1, new Set());
  const h = readHead(lines.map(block), HEAD_RULES, ctx);
  return { h, codes: ctx.finish().map((d) => d.code) };
};

describe("head rules", () => {
  it("recognise the notice wrapper and the title", () => {
    const { h, codes } = head(
      "西政办〔2020〕20号",
      "西平县人民政府办公室关于印发西平县2020年度法治政府建设工作安排的通知",
      "各乡镇人民政府，各街道办事处，县直有关单位：",
      "《西平县2020年度法治政府建设工作安排》已经县政府同意，现印发给你们，请认真贯彻执行。",
      "2020年7月8日",
      "西平县2020年度法治政府建设工作安排",
      "现就做好2020年度法治政府建设工作安排如下：",
    );
    expect(h).toMatchObject({
      docNumber: "西政办〔2020〕20号",
      noticeDocTitle: "西平县2020年度法治政府建设工作安排",
      issuer: "西平县人民政府办公室",
      addressees: ["各乡镇人民政府", "各街道办事处", "县直有关单位"],
      dateYear: 2020,
      title: "西平县2020年度法治政府建设工作安排",
      preamble: ["现就做好2020年度法治政府建设工作安排如下："],
    });
    expect(codes).toEqual([]);
  });

  it("boilerplate: removes site furniture before the title, with a diagnostic", () => {
    const { h, codes } = head("分享到：", "首页 > 政务公开", "发布时间：2022-06-20 信息来源：市政府网站 浏览：", "下面是小编为大家整理的工作计划，供大家参考。", "朝阳市2022年政务公开工作要点");
    expect(h.title).toBe("朝阳市2022年政务公开工作要点");
    expect(codes).toEqual(["boilerplate_removed", "boilerplate_removed", "boilerplate_removed", "boilerplate_removed"]);
  });

  it("title: reads titles without a year, multi-year plans and 关于…的意见", () => {
    for (const t of ["以控制成本为核心优化营商环境的具体措施", "成都市法治政府建设实施方案（2021-2025年）", "某市法治政府建设规划（2016—2020年）", "国务院关于落实《政府工作报告》重点工作部门分工的意见"]) expect(TITLE.test(t)).toBe(true);
    for (const t of ["各部门要认真落实工作方案。", "关于印发某县工作要点的通知"]) expect(head(t).h.title === t).toBe(false);
  });

  it("keeps unknown text before a title as a warning, and as the preamble when there is no title", () => {
    expect(head("某种说明文字", "某县2024年法治政府建设工作要点").codes).toEqual(["unrecognized_text"]);
    const none = head("某种说明文字");
    expect(none.h.preamble).toEqual(["某种说明文字"]);
    expect(none.codes).toEqual(["title_missing"]);
  });
});

describe("year", () => {
  const ctx = () => createContext(() => 1, new Set());
  it("reads a year, a year range and a document number", () => {
    expect(yearsIn("某县2024年度法治政府建设工作安排", ctx(), "标题")).toEqual({ from: 2024 });
    expect(yearsIn("成都市法治政府建设实施方案（2021-2025年）", ctx(), "标题")).toEqual({ from: 2021, to: 2025 });
    expect(yearsIn("某市规划（2016—2020年）", ctx(), "标题")).toEqual({ from: 2016, to: 2020 });
    expect(yearsIn("武法政〔2024〕1号", ctx(), "文号")).toEqual({ from: 2024 });
  });

  it("reports a year outside 1949–2100 and does not use it", () => {
    const c = ctx();
    expect(yearsIn("某县3024年度法治政府建设工作安排", c, "标题")).toBeUndefined();
    expect(c.finish().map((d) => d.code)).toEqual(["year_out_of_range"]);
  });

  it("takes the year from the title, else the notice, the number, the date line; a range gives endYear", () => {
    const p = (h: object, option?: number) => planYear({ preamble: [], unknown: [], ...h }, option, ctx());
    expect(p({ title: "某市规划（2016—2020年）" })).toEqual({ year: 2016, endYear: 2020 });
    expect(p({ title: "某县法治政府建设工作要点", dateYear: 2023 })).toEqual({ year: 2023 });
    expect(p({ title: "某县法治政府建设工作要点", docNumber: "某政〔2022〕1号", dateYear: 2023 })).toEqual({ year: 2022 });
    expect(p({ title: "某县2024年工作要点" }, 2025)).toEqual({ year: 2025 });
    expect(p({})).toEqual({});
  });
});
