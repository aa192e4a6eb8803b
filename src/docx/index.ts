/**
 * fazhi/docx：读取 Word 文件（.docx）。单独的入口，核心包不含 zip 和 XML 库（fflate、saxes）。
 * The `fazhi/docx` entry: reading Word files. A separate entry, so that the core bundle carries no zip or XML library.
 *
 * @packageDocumentation
 */
export { type ParseDocxOptions, type ParseDocxResult, parseDocx } from "./parse-docx.js";
