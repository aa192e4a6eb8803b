import { parseDocx } from "../../docx/index.js";
import { type Diagnostic, type ReadSchemeOptions, type ReadSchemeResult, readCriteriaTable, readScheme, readSchemeTable, readSchemeText } from "../../index.js";
import type { Args } from "../args.js";
import { type Command, stopOnProblems } from "../command.js";
import { diagnosticLines } from "../inputs.js";
import { type CliEnv, emit } from "../io.js";
import { type Text, failure, text } from "../messages.js";
import { OUT_FILE, yearValue } from "../options.js";
import { FORMAT_NAMES, asSheet, readInputFile, whereIn } from "../plan-file.js";

/** `优秀:90,良好:80,合格:60,不合格` → grade bands and the lowest grade (the last, with no score). */
const gradesValue = (problems: Text[], args: Args): Pick<ReadSchemeOptions, "grades" | "lowestGrade"> => {
  const v = args.string("grades");
  if (v === undefined) return {};
  const parts = v.split(/[,，、;；]/).map((p) => p.trim());
  const bands = parts.slice(0, -1).map((p) => /^([^:：=≥]+)[:：=≥](\d{1,3}(?:\.\d{1,2})?)$/.exec(p));
  const lowest = parts[parts.length - 1] ?? "";
  if (parts.length < 2 || bands.some((b) => b === null) || !/^[^:：=≥\d]+$/.test(lowest)) {
    problems.push(
      text(
        `--grades 应为“等次:分数线”，从高到低，最后是最低等次（不带分数），如 优秀:90,良好:80,合格:60,不合格：${v}`,
        `--grades must list "grade:min score" from the highest, then the lowest grade with no score, e.g. 优秀:90,良好:80,合格:60,不合格: ${v}`,
      ),
    );
    return {};
  }
  return { grades: bands.map((b) => ({ name: (b as RegExpExecArray)[1] as string, min: Number((b as RegExpExecArray)[2]) })), lowestGrade: lowest };
};

/** A positive number of points, at most two decimals. */
const totalValue = (problems: Text[], args: Args): number | undefined => {
  const v = args.string("total");
  if (v === undefined) return undefined;
  if (/^\d{1,5}(?:\.\d{1,2})?$/.test(v) && Number(v) > 0) return Number(v);
  problems.push(text(`--total 应为正数，最多两位小数：${v}`, `--total must be a positive number with at most two decimals: ${v}`));
  return undefined;
};

/** Rows that read as criteria: items with points or with a rule read. */
const isCriteriaTable = (rows: readonly (readonly string[])[]): boolean => readCriteriaTable(rows).items.some((i) => i.points !== undefined || i.phrases.some((p) => p.kind !== undefined));

/** A criteria table's rows read in a Word file, with where each row came from (table, row in it). */
interface WordRows {
  readonly rows: string[][];
  readonly at: ReadonlyArray<{ readonly table: number; readonly row: number }>;
}

/**
 * The tables of a Word file that read as criteria (items with points or rules), in document order,
 * as one list of rows: a table continued on the next page is one table in Word terms but two here,
 * and a header row repeated at the top of the continuation is left out.
 */
const criteriaRowsOf = (tables: ReturnType<typeof parseDocx>["tables"]): WordRows | undefined => {
  const kept = tables.filter((t) => isCriteriaTable(t.rows));
  if (kept.length === 0) return undefined;
  const rows: string[][] = [];
  const at: Array<{ table: number; row: number }> = [];
  const firstRows = new Set((kept[0]?.rows ?? []).slice(0, 3).map((r) => r.join("\u0001")));
  kept.forEach((t, k) =>
    t.rows.forEach((r, row) => {
      if (k > 0 && row < 3 && firstRows.has(r.join("\u0001"))) return;
      rows.push([...r]);
      at.push({ table: t.index, row });
    }),
  );
  return { rows, at };
};

/** The result with every cell (row of the joined rows) put back in its Word table: `{ table, row, column }`. */
const inWordTables = <T>(value: T, at: WordRows["at"]): T => {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => {
        const cell = x as { row?: unknown; column?: unknown } | undefined;
        if (k === "cell" && typeof cell?.row === "number") {
          const place = at[cell.row];
          return [k, place === undefined ? x : { table: place.table, row: place.row, column: cell.column }];
        }
        return [k, walk(x)];
      }),
    );
  };
  return walk(value) as T;
};

/** How the criteria file was read, and the draft. */
interface Drafted {
  readonly draft: Pick<ReadSchemeResult, "scheme" | "diagnostics">;
  readonly format: Text;
}

/** Read the criteria in any file the commands read (see readInputFile): a Word file's criteria tables (else its text), a sheet's rows, or text. */
const draftOf = (env: CliEnv, file: string, options: ReadSchemeOptions): Drafted => {
  const input = readInputFile(env, file);
  switch (input.kind) {
    case "docx": {
      const word = parseDocx(input.bytes);
      const errors = word.diagnostics.filter((d) => d.severity === "error");
      if (errors.length > 0 && word.tables.length === 0 && word.text.trim() === "") throw failure(...diagnosticLines(whereIn(file), errors));
      const found = criteriaRowsOf(word.tables);
      if (found === undefined) return { draft: readSchemeText(word.text, options), format: text("Word 文件（.docx）的正文", "the body of a Word file (.docx)") };
      const { scheme, diagnostics } = readSchemeTable(found.rows, options);
      return { draft: { scheme: inWordTables(scheme, found.at), diagnostics: inWordTables(diagnostics, found.at) }, format: text("Word 文件（.docx）中的表格", "the tables of a Word file (.docx)") };
    }
    case "csv":
    case "tsv":
      return { draft: readSchemeTable(input.rows, options), format: FORMAT_NAMES[input.kind] };
    case "text": {
      // a sheet piped in or misnamed: rows of one width that read as criteria
      const sheet = asSheet(input.body, isCriteriaTable);
      if (sheet !== undefined) return { draft: readSchemeTable(sheet.rows, options), format: FORMAT_NAMES[sheet.format] };
      return { draft: readSchemeText(input.body, options), format: text("文本", "text") };
    }
    default: {
      const never: never = input;
      return never;
    }
  }
};

const count = (ds: readonly Diagnostic[], severity: Diagnostic["severity"]): number => ds.filter((d) => d.severity === severity).length;

export const scheme: Command = {
  name: "scheme",
  summary: text("把考核细则（评分标准表）读成考核方案草稿", "read a published criteria table into a draft scoring scheme"),
  description: text(
    "读取考核细则（Word 文件、CSV/TSV 表格或复制出来的文字，- 表示标准输入），输出考核方案草稿 JSON；需要人工处理的各条（读不懂的评分标准、" +
      "表格没写的等次和次数目标、分值不符……）连同位置（表格的行和列，或文字的行）列在标准错误输出上。处理完后，方案可以用于 fazhi score。" +
      "草稿写出即退出码 0；文件读不了或读不出任何考核项目时退出码 1。",
    "Read a criteria table (a Word file, a CSV/TSV sheet or copied text; - reads standard input) and write the draft scheme as JSON; what needs a hand " +
      "(phrases not understood, grade bands and target counts the table does not print, points that do not add up …) is listed on standard error with " +
      "where it is (the table's row and column, or the line). Once resolved, the scheme is ready for fazhi score. Exit 0 when a draft is written; 1 when " +
      "the file cannot be read or holds no criteria items.",
  ),
  positionals: [{ name: "<file|->", required: true, help: text("考核细则：.docx、.csv、.tsv 或文本，- 表示标准输入", "the criteria: .docx, .csv, .tsv or text; - reads standard input") }],
  options: {
    out: OUT_FILE,
    id: { type: "string", value: "ID", help: text("方案编号，默认 scheme", "the scheme's id, default scheme") },
    title: { type: "string", value: "标题", help: text("方案标题，默认取表格的标题行", "the title; default the table's title line") },
    year: { type: "string", value: "YYYY", help: text("考核年度", "the year assessed") },
    total: { type: "string", value: "N", help: text("总分，默认取表格印出的总分或一级各项之和", "the total; default the printed total, else the sum of the top level") },
    grades: {
      type: "string",
      value: "优秀:90,…,不合格",
      help: text("等次分数线，从高到低，最后是最低等次（表格通常不写）", "grade bands from the highest, then the lowest grade (tables rarely print them)"),
    },
  },
  examples: ["fazhi scheme 考核细则.docx --grades 优秀:90,良好:80,合格:60,不合格 --out scheme.json", "cat 评分标准.txt | fazhi scheme - --title 某县2025年度法治政府建设考核细则 > scheme.json"],
  run(args, env, problems) {
    const year = yearValue(problems, args);
    const total = totalValue(problems, args);
    const grades = gradesValue(problems, args);
    stopOnProblems(this, problems);
    const file = args.positionals[0] as string;
    const where = whereIn(file);
    const options: ReadSchemeOptions = {
      ...(args.string("id") === undefined ? {} : { id: args.string("id") as string }),
      ...(args.string("title") === undefined ? {} : { title: args.string("title") as string }),
      ...(year === undefined ? {} : { year }),
      ...(total === undefined ? {} : { total }),
      ...grades,
    };
    const { draft, format } = draftOf(env, file, options);
    const { scheme: s, diagnostics } = draft;
    const fatal = diagnostics.filter((d) => d.code === "criteria_no_items" || d.code === "internal_error");
    if (fatal.length > 0) throw failure(...diagnosticLines(where, fatal));
    emit(env, args.string("out"), JSON.stringify(s, null, 2));
    const check = readScheme(s);
    // What readScheme refuses in the draft, by its path in the JSON: each is also named above by the item it comes from.
    const blocking = check.ok ? [] : check.issues.filter((d) => d.severity === "error");
    const methods = s.indicators.reduce((n, i) => n + i.methods.length, 0);
    const needs = diagnostics.filter((d) => d.severity !== "info");
    const notes = diagnostics.filter((d) => d.severity === "info");
    env.stderr(
      `${[
        `读作 Read as：${format.zh} / ${format.en}`,
        `方案草稿 Draft：考核内容 ${s.areas.length} areas，指标 ${s.indicators.length} indicators，评分方法 ${methods} clauses，一票否决 ${s.vetoes?.length ?? 0} vetoes，加分类别 ${s.adjustments?.categories.length ?? 0} bonus categories`,
        `需要人工处理 Needs a hand：${needs.length}（${count(diagnostics, "error")} error，${count(diagnostics, "warning")} warning）`,
        ...diagnosticLines(where, needs, "  ", Number.POSITIVE_INFINITY),
        ...(notes.length > 0 ? [`提示 Notes：${notes.length}`, ...diagnosticLines(where, notes, "  ", Number.POSITIVE_INFINITY)] : []),
        check.ok
          ? "草稿已可通过 readScheme（仍请核对上面各条） The draft passes readScheme (do check the items above)."
          : `草稿尚不能通过 readScheme（${blocking.length} 处，见下），处理完上面各条后即可 The draft does not pass readScheme yet (${blocking.length} errors, below); it will once the items above are resolved.`,
        ...diagnosticLines(where, blocking, "  ", Number.POSITIVE_INFINITY),
      ].join("\n")}\n`,
    );
  },
};
