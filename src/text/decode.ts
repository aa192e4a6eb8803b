import { type Diagnostic, diag } from "../model/diagnostic.js";

/**
 * {@link decodeText} 认出的编码。The encodings {@link decodeText} tells apart.
 * @category Text
 * @example
 * const e: TextEncodingName = "gb18030";
 */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

/**
 * {@link decodeText} 的结果：文字、所用编码（不是文本时为 `null`）和诊断。
 * The decoded text, the encoding used (`null` when the bytes are not a text document) and diagnostics.
 * @category Text
 * @example
 * const { text, encoding, diagnostics }: DecodedText = decodeText(bytes);
 */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Known binary containers, for a message that says what the file is. */
const SIGNATURES: ReadonlyArray<readonly [readonly number[], string, string]> = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "PDF 文件", "a PDF file"],
  [[0x50, 0x4b, 0x03, 0x04], "ZIP 压缩文件（如 Word .docx、Excel .xlsx）", "a ZIP container (such as Word .docx or Excel .xlsx)"],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "旧版 Office 文件（.doc/.xls）", "an old Office file (.doc/.xls)"],
  [[0x89, 0x50, 0x4e, 0x47], "PNG 图片", "a PNG image"],
  [[0xff, 0xd8, 0xff], "JPEG 图片", "a JPEG image"],
];

const startsWith = (bytes: Uint8Array, sig: readonly number[]): boolean => sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b);

/** NUL bytes, or more than one byte in ten a control character other than tab, line breaks and form feed. */
const looksBinary = (bytes: Uint8Array): boolean => {
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) || b === 0x7f) controls += 1;
  }
  return controls * 10 > bytes.length;
};

const notText = (what?: readonly [string, string]): DecodedText => ({
  text: "",
  encoding: null,
  diagnostics: [
    diag(
      "not_text",
      "error",
      what === undefined ? "不是文本文件：内容含有二进制数据" : `不是文本文件：这是${what[0]}，请先另存为文本（.txt）`,
      what === undefined ? "Not a text document: the content holds binary data" : `Not a text document: this is ${what[1]}; save it as text (.txt) first`,
    ),
  ],
});

/** Decode with the platform's TextDecoder; undefined when the bytes are not valid in that encoding. */
const tryDecode = (bytes: Uint8Array, label: string, fatal: boolean): string | undefined => {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
};

/**
 * 把文件字节解码为文字：先看字节顺序标记（UTF-8、UTF-16LE/BE），再试严格的 UTF-8，否则按 GB18030（GBK 的超集，
 * 县里的旧文件常用）解码。二进制内容（含 NUL 或大量控制字符，或 PDF、Word 等容器）给出 `not_text` 错误，
 * 而不是一堆乱码。只用 `TextDecoder`，浏览器和 Node 中都能运行；从不抛出异常。
 *
 * Decode the bytes of a file: a byte-order mark (UTF-8, UTF-16LE/BE) decides; otherwise strict UTF-8;
 * otherwise GB18030 (a superset of GBK, which county offices still use). Binary content (NUL bytes,
 * mostly control characters, or a PDF/Word/ZIP container) gives a `not_text` error instead of
 * garbage. Uses only `TextDecoder`, so it runs in browsers and Node alike; never throws.
 *
 * @category Text
 * @example
 * const bytes = new Uint8Array([0xce, 0xe4, 0xda, 0xec, 0xcf, 0xd8]); // 武陟县 in GBK
 * const { text, encoding } = decodeText(bytes);
 * text;
 * //=> "武陟县"
 * encoding;
 * //=> "gb18030"
 */
export const decodeText = (bytes: Uint8Array): DecodedText => {
  if (!(bytes instanceof Uint8Array)) return notText();
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes, "utf-8");
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes, "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes, "utf-16be");
  const known = SIGNATURES.find(([sig]) => startsWith(bytes, sig));
  if (known !== undefined) return notText([known[1], known[2]]);
  if (looksBinary(bytes)) return notText();
  const utf8 = tryDecode(bytes, "utf-8", true);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", diagnostics: [] };
  // UTF-8 cut off inside its last character (a truncated download or copy) is still UTF-8.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    if (tryDecode(bytes.subarray(0, bytes.length - cut), "utf-8", true) !== undefined) return decodeAs(bytes, "utf-8");
  }
  const gbNote = diag("encoding_gb18030", "info", "不是有效的 UTF-8，已按 GB18030（GBK）解码", "Not valid UTF-8: decoded as GB18030 (GBK)");
  const gb = tryDecode(bytes, "gb18030", true);
  if (gb !== undefined) return { text: gb, encoding: "gb18030", diagnostics: [gbNote] };
  // Valid in neither: the reading with fewer replaced characters wins.
  const asUtf8 = decodeAs(bytes, "utf-8");
  const asGb = decodeAs(bytes, "gb18030");
  if (replacements(asUtf8.text) <= replacements(asGb.text)) return asUtf8;
  return { ...asGb, diagnostics: [gbNote, ...asGb.diagnostics] };
};

const replacements = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf("\ufffd"); i !== -1; i = text.indexOf("\ufffd", i + 1)) n += 1;
  return n;
};

/** Decode in a known encoding; bytes invalid in it become U+FFFD, with a warning saying how many. */
const decodeAs = (bytes: Uint8Array, encoding: TextEncodingName): DecodedText => {
  const strict = tryDecode(bytes, encoding, true);
  if (strict !== undefined) return { text: strict, encoding, diagnostics: [] };
  const loose = tryDecode(bytes, encoding, false);
  if (loose === undefined) {
    return { text: "", encoding: null, diagnostics: [diag("encoding_unsupported", "error", `此运行环境不支持 ${encoding} 解码`, `This runtime cannot decode ${encoding}`)] };
  }
  const replaced = replacements(loose);
  return {
    text: loose,
    encoding,
    diagnostics: [diag("decode_replaced", "warning", `有 ${replaced} 处字节不是有效的 ${encoding}，已替换为“\ufffd”`, `${replaced} invalid ${encoding} sequence(s) were replaced with U+FFFD`)],
  };
};
