import { fc, test } from "@fast-check/vitest";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/text/decode.js";
import { seedText } from "../support/seed.js";

const seed = seedText();
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Real GB18030 / GBK bytes, from iconv-lite's encoder tables (independent of the decoder under test). */
const gb = (s: string, encoding = "gb18030") => new Uint8Array(iconv.encode(s, encoding));
const codes = (ds: ReadonlyArray<{ code: string }>) => ds.map((d) => d.code);

describe("decodeText", () => {
  it("reads UTF-8 without a mark", () => {
    expect(decodeText(utf8(seed))).toEqual({ text: seed, encoding: "utf-8", diagnostics: [] });
  });

  it("reads the seed encoded as GB18030 and as GBK, and says so", () => {
    for (const enc of ["gb18030", "gbk"]) {
      const r = decodeText(gb(seed, enc));
      expect(r.text).toBe(seed);
      expect(r.encoding).toBe("gb18030");
      expect(codes(r.diagnostics)).toEqual(["encoding_gb18030"]);
    }
  });

  it("reads GB18030 four-byte sequences (characters outside GBK)", () => {
    const text = "𠮷字与€符号：县司法局";
    expect(gb(text).length).toBeGreaterThan(text.length * 2 - 2);
    expect(decodeText(gb(text)).text).toBe(text);
  });

  it("follows byte-order marks (UTF-8, UTF-16LE, UTF-16BE) and drops the mark", () => {
    const text = "一、加强学习\n牵头单位：县司法局";
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toMatchObject({ text, encoding: "utf-8" });
    expect(decodeText(new Uint8Array(iconv.encode(text, "utf-16le", { addBOM: true })))).toMatchObject({ text, encoding: "utf-16le" });
    expect(decodeText(new Uint8Array(iconv.encode(text, "utf-16be", { addBOM: true })))).toMatchObject({ text, encoding: "utf-16be" });
  });

  it("keeps UTF-8 cut off inside its last character as UTF-8, with a warning", () => {
    const bytes = utf8("县司法局");
    const r = decodeText(bytes.subarray(0, bytes.length - 1));
    expect(r.encoding).toBe("utf-8");
    expect(r.text).toBe("县司法\ufffd");
    expect(codes(r.diagnostics)).toEqual(["decode_replaced"]);
  });

  it("says 不是文本文件 for binary content instead of returning garbage", () => {
    for (const bytes of [
      new Uint8Array([0x41, 0x00, 0x42]),
      new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      utf8("%PDF-1.7\n%…"),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]),
    ]) {
      const r = decodeText(bytes);
      expect(r.text).toBe("");
      expect(r.encoding).toBeNull();
      expect(r.diagnostics[0]).toMatchObject({ code: "not_text", severity: "error" });
      expect(r.diagnostics[0]!.message).toContain("不是文本文件");
      expect(r.diagnostics[0]!.messageEn).toContain("Not a text document");
    }
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04])).diagnostics[0]!.message).toContain("docx");
  });

  it("reads the empty input as empty UTF-8 text, and never throws on a wrong argument", () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", diagnostics: [] });
    expect(decodeText("县" as unknown as Uint8Array).diagnostics[0]!.code).toBe("not_text");
  });

  it("picks the reading with fewer replacements when the bytes are valid in neither", () => {
    const bytes = new Uint8Array([...utf8("县司法局牵头，各乡镇配合。"), 0xff]);
    const r = decodeText(bytes);
    expect(r.encoding).toBe("utf-8");
    expect(r.text.startsWith("县司法局牵头")).toBe(true);
  });
});

// Characters of the seed, so that generated text reads like the documents.
const seedChars = [...new Set(seed.replace(/[\s\u0000-\u001f]/g, ""))];
const docText = fc.array(fc.constantFrom(...seedChars), { minLength: 20, maxLength: 200 }).map((cs) => cs.join(""));
const noControls = fc.string({ unit: "grapheme", maxLength: 200 }).filter((s) => !/[\u0000-\u001f\u007f\ufeff]/.test(s) && !s.startsWith("%PDF-"));

describe("decodeText (properties)", () => {
  test.prop([noControls])("UTF-8 round trip", (s) => {
    expect(decodeText(utf8(s))).toEqual({ text: s, encoding: "utf-8", diagnostics: [] });
  });
  test.prop([noControls])("UTF-16 with a mark round trip", (s) => {
    expect(decodeText(new Uint8Array(iconv.encode(s, "utf-16le", { addBOM: true }))).text).toBe(s);
  });
  test.prop([docText])("document text encoded as GB18030 decodes to itself", (s) => {
    expect(decodeText(gb(s))).toMatchObject({ text: s, encoding: "gb18030" });
  });
});
