// Word files built in the tests: a minimal .docx around a body of WordprocessingML, and the bad
// files parseDocx must refuse (zip bombs, old .doc, encrypted, damaged). Built with fflate, the same
// zip library fazhi/docx reads with.
import { strToU8, zipSync } from "fflate";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

/** A paragraph: text runs, optionally with a list (numId, ilvl) or a style. */
export const para = (text: string, opts: { numId?: number; ilvl?: number; style?: string } = {}): string => {
  const num = opts.numId === undefined ? "" : `<w:numPr><w:ilvl w:val="${opts.ilvl ?? 0}"/><w:numId w:val="${opts.numId}"/></w:numPr>`;
  const style = opts.style === undefined ? "" : `<w:pStyle w:val="${opts.style}"/>`;
  const runs = text
    .split("\n")
    .map((line, i) => `${i > 0 ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${line.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r>`)
    .join("");
  return `<w:p>${num || style ? `<w:pPr>${style}${num}</w:pPr>` : ""}${runs}</w:p>`;
};

/** A table cell: its text (one paragraph per line) and its grid span / vertical merge. */
export const tc = (text: string, opts: { span?: number; vMerge?: "restart" | "continue" } = {}): string => {
  const pr = `${opts.span !== undefined ? `<w:gridSpan w:val="${opts.span}"/>` : ""}${opts.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : opts.vMerge === "continue" ? "<w:vMerge/>" : ""}`;
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${text.split("\n").map((l) => para(l)).join("")}</w:tc>`;
};
export const tr = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
export const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/>${rows.join("")}</w:tbl>`;

/** The numbering of Chinese documents: level 0 一、, level 1 （一）, level 2 1. */
export const CHINESE_NUMBERING = `<w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
</w:numbering>`;

/** A .docx holding the body (and numbering / styles parts when given), as Word lays the package out. */
export const makeDocx = (body: string, parts: { numbering?: string; styles?: string; extra?: Record<string, string> } = {}): Uint8Array => {
  const rels = [
    parts.numbering ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' : "",
    parts.styles ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' : "",
  ].join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    "word/_rels/document.xml.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (parts.numbering) files["word/numbering.xml"] = strToU8(parts.numbering);
  if (parts.styles) files["word/styles.xml"] = strToU8(parts.styles);
  for (const [name, text] of Object.entries(parts.extra ?? {})) files[name] = strToU8(text);
  return zipSync(files);
};

/** Set the declared uncompressed size of every entry (local headers and central directory) to `size`. */
export const declareSize = (zip: Uint8Array, size: number): Uint8Array => {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
};

/** A zip whose one part inflates to `bytes` zeros. */
export const zerosZip = (name: string, bytes: number): Uint8Array => zipSync({ [name]: [new Uint8Array(bytes), { level: 9 }] });

/** An OLE compound file's first bytes (an old .doc, or an encrypted Office file when it names EncryptedPackage). */
export const oleFile = (encrypted: boolean): Uint8Array => {
  const out = new Uint8Array(4096);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const names = encrypted ? ["EncryptionInfo", "EncryptedPackage"] : ["WordDocument", "1Table"];
  names.forEach((name, k) => {
    for (let i = 0; i < name.length; i++) out[1024 + k * 128 + i * 2] = name.charCodeAt(i);
  });
  return out;
};
