// The command's contact with the world: the clock, standard streams, reading files and writing the
// outputs. Everything here is passed to the commands as a CliEnv, so tests can replace any part.
import * as fs from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { type IsoDate, isoDate } from "../model/dates.js";
import { decodeText } from "../text/decode.js";
import { CliError, type Text, failure, text } from "./messages.js";

/** The file operations the outputs are written with (node:fs; tests replace some to make them fail). */
export interface OutputFs {
  readonly lstatSync: (path: string) => fs.Stats;
  readonly readdirSync: (path: string) => string[];
  readonly mkdirSync: (path: string, options?: { recursive?: boolean }) => string | undefined;
  readonly writeFileSync: (path: string, data: string) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly rmSync: (path: string, options: { recursive: true; force: true }) => void;
}

/** What a command may use of the world. */
export interface CliEnv {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Standard input, as bytes (decoded or sniffed like any file). */
  readonly readStdin: () => Uint8Array;
  /** Today's date where the user is (the host's local calendar day). */
  readonly today: () => IsoDate;
  /** Now, as an iCalendar UTC stamp `YYYYMMDDTHHMMSSZ`. */
  readonly stamp: () => string;
  readonly fs: OutputFs;
}

/** The real world: process streams, the clock, node:fs. */
export const nodeEnv = (): CliEnv => ({
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: () => new Uint8Array(fs.readFileSync(0)),
  today: () => {
    const d = new Date();
    return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
  },
  stamp: () => `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`,
  fs,
});

/** Print a line (or lines) to standard output. */
export const print = (env: CliEnv, s: string): void => env.stdout(s.endsWith("\n") ? s : `${s}\n`);
/**
 * A command's output: printed, or with `--out` written to that file all or nothing (see
 * {@link writeOutput}), saying where on standard output.
 */
export const emit = (env: CliEnv, out: string | undefined, content: string): void => {
  if (out === undefined) print(env, content);
  else {
    writeOutput(env, out, content.endsWith("\n") ? content : `${content}\n`);
    print(env, `已写出 Written：${resolve(out)}`);
  }
};
/** Print a note to standard error: something the user should know that is not the command's output. */
export const note = (env: CliEnv, m: Text): void => env.stderr(`${m.zh}\n${m.en}\n`);

const REASONS: Readonly<Record<string, Text>> = {
  ENOENT: text("文件或目录不存在", "no such file or directory"),
  EISDIR: text("这是一个目录", "it is a directory"),
  ENOTDIR: text("路径中有一段不是目录", "a part of the path is not a directory"),
  EACCES: text("没有权限", "permission denied"),
  EPERM: text("没有权限", "operation not permitted"),
  EROFS: text("文件系统只读", "read-only file system"),
  ENOSPC: text("磁盘空间不足", "no space left on the device"),
  EDQUOT: text("超出磁盘配额", "disk quota exceeded"),
  EFBIG: text("文件超过允许的大小", "file too large"),
  EEXIST: text("已存在", "already exists"),
  EMFILE: text("打开的文件过多", "too many open files"),
  EBUSY: text("正被占用（如挂载点）", "resource busy (a mount point?)"),
};
/** Why a file operation failed, in words (the system's code beside them). */
export const reason = (err: unknown): Text => {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const known = code !== undefined ? REASONS[code] : undefined;
  if (known !== undefined) return text(`${known.zh}（${code}）`, `${known.en} (${code})`);
  const msg = err instanceof Error ? err.message : String(err);
  return text(msg, msg);
};

/** How a file is named in messages: `-` is standard input. */
export const shownName = (file: string): string => (file === "-" ? "<stdin>" : file);

/** A file's bytes; `-` is standard input. */
export const readBytes = (env: CliEnv, file: string): Uint8Array => {
  let bytes: Uint8Array;
  try {
    bytes = file === "-" ? env.readStdin() : new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    const why = reason(err);
    throw failure(text(`无法读取 ${shownName(file)}：${why.zh}`, `cannot read ${shownName(file)}: ${why.en}`));
  }
  // No input of any command is empty: say so, rather than what an empty document or JSON lacks.
  if (bytes.length === 0) {
    throw failure(
      file === "-"
        ? text("标准输入是空的：没有读到任何内容（是否忘了用管道送入文件？）", "standard input is empty: nothing was read (was a file meant to be piped in?)")
        : text(`${shownName(file)} 是空文件`, `${shownName(file)} is an empty file`),
    );
  }
  return bytes;
};

/**
 * A file's bytes as text, by the library's {@link decodeText} — the one place the command decodes:
 * a byte order mark decides (UTF-8, UTF-16), else strict UTF-8, else GB18030 (GBK), as county
 * offices' older files are saved. Bytes that are not text (a PDF, a Word or Excel file, an image,
 * binary data) end the command saying what they are; an encoding other than UTF-8, and bytes
 * replaced as invalid, are said on standard error.
 */
export const decodeFile = (env: CliEnv, file: string, bytes: Uint8Array): string => {
  const { text: body, encoding, diagnostics } = decodeText(bytes);
  const name = shownName(file);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (encoding === null || errors.length > 0) {
    const why = errors.length > 0 ? errors.map((d) => text(d.message, d.messageEn)) : [text("不是文本文件", "not a text document")];
    throw failure(...why.map((m) => text(`${name}：${m.zh}`, `${name}: ${m.en}`)));
  }
  if (encoding !== "utf-8") note(env, text(`${name}：按 ${encoding.toUpperCase()} 编码读取（不是 UTF-8）`, `${name}: read as ${encoding.toUpperCase()} (not UTF-8)`));
  for (const d of diagnostics.filter((x) => x.severity === "warning")) note(env, text(`${name}：${d.message}`, `${name}: ${d.messageEn}`));
  return body;
};

/** A text file's content, decoded; `-` is standard input. */
export const readText = (env: CliEnv, file: string): string => decodeFile(env, file, readBytes(env, file));

/** A JSON file's value. A leading UTF-8 byte order mark (as Windows Notepad writes it) is allowed. */
export const readJson = (env: CliEnv, file: string): unknown => parseJson(file, readText(env, file));

/** The value of a file's text as JSON; a syntax error ends the command, saying the line. */
export const parseJson = (file: string, body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch (err) {
    const at = jsonErrorLine(body, (err as Error).message);
    const detail = (err as Error).message.replace(/\s+/g, " ");
    const where = `${shownName(file)}${at !== undefined ? `:${at}` : ""}`;
    throw failure(text(`${where}：不是合法的 JSON（${detail}）`, `${where}: not valid JSON`));
  }
};

/** The line of a JSON syntax error: V8 gives either "at position N" or a quoted piece of the text. */
const jsonErrorLine = (body: string, message: string): number | undefined => {
  const lineAt = (pos: number) => body.slice(0, pos).split("\n").length;
  const pos = /position (\d+)/.exec(message);
  if (pos !== null) return lineAt(Number(pos[1]));
  const piece = /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (piece === null) return undefined;
  const at = body.indexOf(piece[2] as string);
  return at === -1 ? undefined : lineAt(at + (piece[2] as string).lastIndexOf(piece[1] as string));
};

const exists = (f: OutputFs, path: string): fs.Stats | undefined => {
  try {
    return f.lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
};

/**
 * Write a set of files as one directory, all or nothing (see {@link place}). An existing `dir` is
 * replaced only when it holds nothing but files of these names (an earlier run's outputs):
 * anything else in it is the user's, and is refused.
 */
export const writeOutputs = (env: CliEnv, dir: string, files: ReadonlyArray<readonly [string, string]>): void =>
  place(
    env,
    dir,
    (current, target) => {
      if (current === undefined) return;
      if (!current.isDirectory()) throw failure(text(`--out ${dir} 是一个已有的文件，应为目录`, `--out ${dir} is an existing file, not a directory`));
      const names = new Set(files.map(([name]) => name));
      const foreign = env.fs.readdirSync(target).sort().filter((name) => !names.has(name) || exists(env.fs, join(target, name))?.isFile() !== true);
      if (foreign.length > 0) {
        const listed = `${foreign.slice(0, 5).join("、")}${foreign.length > 5 ? ` 等${foreign.length}项` : ""}`;
        throw failure(
          text(`--out ${dir} 中有不是本命令写出的内容（${listed}），为免覆盖，未写出任何文件；请指定新的或空的目录。`, `--out ${dir} holds things this command did not write (${foreign.slice(0, 5).join(", ")}${foreign.length > 5 ? ", …" : ""}); nothing was written. Give a new or empty directory.`),
        );
      }
    },
    (temp) => {
      for (const [name, content] of files) env.fs.writeFileSync(join(temp, name), content);
      return temp;
    },
  );

/** Write one file all or nothing (see {@link place}): an existing file of that name is replaced, a directory refused. */
export const writeOutput = (env: CliEnv, file: string, content: string): void =>
  place(
    env,
    file,
    (current) => {
      if (current?.isDirectory() === true) throw failure(text(`--out ${file} 是一个目录，应为文件`, `--out ${file} is a directory, not a file`));
    },
    (temp) => {
      const path = join(temp, basename(resolve(file)));
      env.fs.writeFileSync(path, content);
      return path;
    },
  );

/**
 * Put an output at `out` all or nothing. `check` looks at what is there now (and throws to refuse
 * it); `write` writes the output inside a new temporary directory beside `out` and returns what to
 * move into place (the directory itself, or a file in it). A failure at any point (a full disk, a
 * file size limit, no permission) leaves the previous output as it was and no temporary files behind.
 */
const place = (env: CliEnv, out: string, check: (current: fs.Stats | undefined, target: string) => void, write: (temp: string) => string): void => {
  const f = env.fs;
  const target = resolve(out);
  const parent = dirname(target);
  const fail = (err: unknown): CliError => {
    if (err instanceof CliError) return err;
    const why = reason(err);
    return failure(
      text(`无法写出 ${out}：${why.zh}。没有写出任何文件，原有输出保持不变。`, `cannot write ${out}: ${why.en}. Nothing was written; earlier outputs are unchanged.`),
    );
  };
  let created: string | undefined;
  let temp: string | undefined;
  try {
    const current = exists(f, target);
    check(current, target);
    created = f.mkdirSync(parent, { recursive: true });
    temp = makeTempDir(f, join(parent, `.${basename(target)}.fazhi-${process.pid}-`));
    const made = write(temp);
    if (current === undefined || made !== temp) {
      // A new name, or a file over a file: one rename, atomic.
      f.renameSync(made, target);
      if (made !== temp) tidy(f, temp);
    } else {
      // A directory cannot be renamed over a non-empty one: the old one goes aside first.
      const old = `${temp}.old`;
      f.renameSync(target, old);
      try {
        f.renameSync(temp, target);
      } catch (err) {
        f.renameSync(old, target);
        throw err;
      }
      temp = undefined;
      try {
        f.rmSync(old, { recursive: true, force: true });
      } catch (err) {
        const why = reason(err);
        note(env, text(`已写出，但未能删除旧输出 ${old}：${why.zh}`, `written, but the old outputs ${old} could not be removed: ${why.en}`));
      }
    }
    temp = undefined;
    created = undefined;
  } catch (err) {
    // Leave nothing behind: the temporary directory, and any parent directory made for it.
    if (temp !== undefined) tidy(f, temp);
    if (created !== undefined) tidy(f, created);
    throw fail(err);
  }
};

/**
 * A new directory named `prefix` + a random suffix. (Not mkdtemp: its mode is 0700, and the
 * directory becomes --out, which should get the user's usual permissions.)
 */
const makeTempDir = (f: OutputFs, prefix: string): string => {
  for (let attempt = 0; ; attempt++) {
    const path = `${prefix}${Math.random().toString(36).slice(2, 10)}`;
    try {
      f.mkdirSync(path);
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt >= 9) throw err;
    }
  }
};

const tidy = (f: OutputFs, path: string): void => {
  try {
    f.rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing more can be done; the error that brought us here is the one to report.
  }
};
