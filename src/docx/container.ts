import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { type Diagnostic, diag } from "../model/diagnostic.js";

/** Refuse archives that unpack to more than this (declared or actually inflated). */
export const MAX_UNCOMPRESSED = 50 * 1024 * 1024;
/** Refuse archives whose unpacked size is more than this many times their packed size. */
export const MAX_RATIO = 100;
/** A part may inflate past MAX_RATIO × its packed size only while it is smaller than this (tiny, repetitive parts are harmless). */
const RATIO_FLOOR = 1024 * 1024;
/** Bytes pushed into the inflater at a time: one push inflates to at most ~1032× this before the limits are checked again. */
const CHUNK = 16 * 1024;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Whether the UTF-16LE name appears in the bytes (a compound file's directory stores stream names so). */
const hasUtf16Name = (bytes: Uint8Array, name: string): boolean => {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  const first = needle[0] as number;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
};

class TooLarge extends Error {}

/** The parts of a Word file that were asked for, or the error that stopped reading it. */
export type Container = { readonly ok: true; readonly parts: ReadonlyMap<string, Uint8Array>; readonly names: readonly string[] } | { readonly ok: false; readonly error: Diagnostic };

const fail = (code: string, message: string, messageEn: string): Container => ({ ok: false, error: diag(code, "error", message, messageEn) });

const tooLarge = (what: string, whatEn: string): Container =>
  fail("zip_bomb", `文件解压后过大或压缩比异常（${what}），拒绝读取：上限为解压后 50 MB、压缩比 100:1`, `The file unpacks too large or too compressed (${whatEn}) and was refused: the limits are 50 MB unpacked and a 100:1 ratio`);

/**
 * Open a Word file's zip container and inflate the parts a reader picks from the list of names.
 * Refuses, with a coded error: bytes that are not a zip (naming an old .doc or an encrypted file,
 * both OLE compound files), declared sizes over 50 MB or a ratio over 100:1, and parts that inflate
 * past those limits whatever their headers declared (inflating stops there).
 */
export const openContainer = (bytes: Uint8Array, pick: (names: readonly string[]) => readonly string[]): Container => {
  if (bytes.length === 0) return fail("not_a_zip", "文件是空的，不是 Word 文件（.docx）", "The file is empty: not a Word file (.docx)");
  if (startsWith(bytes, OLE_MAGIC)) {
    return hasUtf16Name(bytes, "EncryptedPackage")
      ? fail("encrypted", "文件已加密（设有打开密码），无法读取：请在 Word 中取消密码后另存为 .docx", "The file is encrypted (password-protected): remove the password in Word and save it as .docx")
      : fail("legacy_doc", "这是旧版 Word 文件（.doc），无法读取：请在 Word 或 WPS 中另存为 .docx", "This is an old Word file (.doc): please save it as .docx in Word or WPS");
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8));
    const kind = head.startsWith("%PDF") ? ["这是 PDF 文件", "it is a PDF file"] : head.startsWith("{\\rtf") ? ["这是 RTF 文件", "it is an RTF file"] : ["不是 zip 格式", "it is not a zip archive"];
    return fail("not_a_zip", `不是 Word 文件（.docx）：${kind[0]}`, `Not a Word file (.docx): ${kind[1]}`);
  }

  const entries = new Map<string, { size: number; originalSize: number }>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.set(f.name, { size: f.size, originalSize: f.originalSize });
        return false; // list only: nothing is inflated here
      },
    });
  } catch (error) {
    return fail("not_a_zip", `文件已损坏，无法作为 zip 读取（${String(error)}）`, `The file is damaged and cannot be read as a zip (${String(error)})`);
  }
  let declared = 0;
  for (const e of entries.values()) declared += e.originalSize;
  if (declared > MAX_UNCOMPRESSED) return tooLarge(`声明解压后 ${mb(declared)}`, `${mb(declared)} declared`);
  if (declared > MAX_RATIO * bytes.length) return tooLarge(`声明压缩比 ${Math.round(declared / bytes.length)}:1`, `a declared ratio of ${Math.round(declared / bytes.length)}:1`);

  const names = [...entries.keys()];
  const wanted = new Set(pick(names).filter((n) => entries.has(n)));
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  let reason: [string, string] | undefined;
  const unzip = new Unzip((file) => {
    if (!wanted.has(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const packed = entries.get(file.name)?.size ?? 0;
    file.ondata = (error, data, final) => {
      if (error !== null) throw error;
      size += data.length;
      total += data.length;
      if (total > MAX_UNCOMPRESSED) reason = [`解压超过 ${mb(MAX_UNCOMPRESSED)}`, `more than ${mb(MAX_UNCOMPRESSED)} inflated`];
      else if (size > RATIO_FLOOR && size > MAX_RATIO * packed) reason = [`${file.name} 的压缩比超过 100:1`, `${file.name} inflates past 100:1`];
      if (reason !== undefined) throw new TooLarge();
      chunks.push(data);
      if (final) parts.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), i + CHUNK >= bytes.length);
  } catch (error) {
    if (reason !== undefined) return tooLarge(reason[0], reason[1]);
    return fail("not_a_zip", `文件已损坏，解压失败（${String(error)}）`, `The file is damaged: inflating failed (${String(error)})`);
  }
  return { ok: true, parts, names };
};

const concat = (chunks: readonly Uint8Array[], size: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
