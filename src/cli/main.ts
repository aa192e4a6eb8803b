// The fazhi command: the only code that reads files, the clock or the environment.
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type Diagnostic,
  IsoDate,
  type Ledger,
  MODEL_NAMES,
  type ModelName,
  type Plan,
  type ResponsibilityMatrix,
  type Roster,
  type ScoringScheme,
  buildBulletin,
  buildMatrix,
  bulletinToText,
  expandSchedule,
  explainScoreCard,
  formatPoints,
  isIsoDate,
  isWellFormedId,
  matrixToCsv,
  occurrenceStatus,
  parsePlanText,
  readLedger,
  readRoster,
  readScheme,
  renderReport,
  scheduleToICalendar,
  scoreUnits,
  toCsv,
  toJsonSchema,
  workload,
} from "../index.js";

/** Exit codes: 0 ok, 1 invalid input, 2 usage error. */
class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}
const usage = (msg: string): never => {
  throw new CliError(2, `用法错误：${msg}\nUsage error: see fazhi --help`);
};
const invalid = (msg: string): never => {
  throw new CliError(1, msg);
};

// The bundled seeds: next to dist/ in the package, or two levels up from src/cli when run from source.
const here = dirname(fileURLToPath(import.meta.url));
const SEEDS = [resolve(here, "..", "seeds"), resolve(here, "..", "..", "seeds")].find((d) => existsSync(join(d, "wuzhi-2024.txt"))) ?? resolve(here, "..", "seeds");
const BUNDLED = {
  plan: join(SEEDS, "wuzhi-2024.txt"),
  roster: join(SEEDS, "wuzhi-2024.roster.json"),
  scheme: join(SEEDS, "wuzhi-2024.scheme.json"),
  ledger: join(SEEDS, "wuzhi-2024.ledger.sample.json"),
};

const HELP: Record<string, string> = {
  main: `fazhi —— 法治政府建设工作安排工具 / tools for rule-of-law government work plans

用法 Usage: fazhi <命令 command> [选项 options]

命令 Commands:
  parse <file|->      解析公文，输出摘要或 JSON / read a plan document (summary or --json)
  matrix <file>       责任分工表 / the responsibility matrix (--roster, --format table|csv|json)
  calendar <file>     全年时间节点，或 iCalendar / the year's dated obligations (--ics)
  status <file>       工作进展通报 / the bulletin (--ledger, --as-of)
  score <file>        考核评分 / score every unit (--scheme, --ledger, --as-of)
  report <file>       生成全部结果和 HTML 报告 / write every output and the HTML report (--out)
  schema [name]       输出 JSON Schema / print JSON Schema (${MODEL_NAMES.join(", ")})

每个命令都有 --help。文件参数可用 - 表示标准输入。Every command has --help; - reads standard input.
退出码 Exit codes: 0 成功 ok · 1 输入有误 invalid input · 2 用法错误 usage error`,
  parse: `fazhi parse <file|-> [--json] [--id ID] [--year YYYY]

解析公文文本，打印摘要（部分、任务、分工、诊断）；--json 输出 Plan JSON。--id 默认取文件名（如 wuzhi-2024）。
Read a plan document; print a summary, or the Plan as JSON with --json. --id defaults to the file name.`,
  matrix: `fazhi matrix <file> [--roster r.json] [--format table|csv|json] [--layout long|wide] [--bom]

按单位名录生成责任分工表。未给出 --roster 时按公文原文列出各任务的分工（不做单位匹配）。
Build the responsibility matrix with a roster; without --roster, list each task's units as written.`,
  calendar: `fazhi calendar <file> [--roster r.json] [--year YYYY] [--ics] [--dtstamp YYYYMMDDTHHMMSSZ]

列出全年时间节点；--ics 输出 iCalendar（可导入日历软件）。
List the year's dated obligations; --ics prints iCalendar.`,
  status: `fazhi status <file> --ledger l.json --as-of YYYY-MM-DD [--roster r.json] [--horizon DAYS]

按工作台账生成工作进展通报（逾期、完成、近期到期）。未给出 --roster 时使用随包附带的武陟县名录。
Write the bulletin from a ledger. Without --roster, the bundled Wuzhi roster is used.`,
  score: `fazhi score <file> --scheme s.json --ledger l.json --as-of YYYY-MM-DD [--roster r.json] [--previous p.json] [--format table|csv|json] [--explain UNIT]

按考核方案为每个单位评分；--explain 打印某单位的评分说明。
Score every unit by the scheme; --explain prints one unit's explanation.`,
  report: `fazhi report <file> --out <dir> [--roster r.json] [--scheme s.json] [--ledger l.json] [--as-of YYYY-MM-DD] [--id ID]

写出 plan.json、matrix.csv、calendar.ics、bulletin.txt、scores.csv、report.html。未给出的名录、方案、台账使用随包附带的
武陟县示例（示例方案和虚构台账仅供演示）；--as-of 默认为计划次年1月15日（年度考核时点）。任何输入有误时不写任何文件。
Write every output into --out. Missing roster, scheme or ledger default to the bundled Wuzhi examples (the scheme is an
example and the ledger synthetic). Nothing is written if any input is invalid.`,
  schema: `fazhi schema [name]

输出 JSON Schema（draft 2020-12）。不给名称时输出包含全部模型的文档。
Print JSON Schema; without a name, every model.`,
};

// ---- input ----

const readText = (file: string): string => {
  try {
    return file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  } catch (err) {
    return invalid(`无法读取文件 ${file}：${(err as Error).message}\nCannot read ${file}`);
  }
};

const readJson = (file: string): unknown => {
  const text = readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    const line = jsonErrorLine(text, (err as Error).message);
    return invalid(`${file}${line !== undefined ? `:${line}` : ""}：不是合法的 JSON（${(err as Error).message}）\n${file}: not valid JSON`);
  }
};

/** The line of a JSON syntax error: V8 gives either "at position N" or a quoted piece of the text. */
const jsonErrorLine = (text: string, message: string): number | undefined => {
  const lineAt = (pos: number) => text.slice(0, pos).split("\n").length;
  const pos = /position (\d+)/.exec(message);
  if (pos !== null) return lineAt(Number(pos[1]));
  const piece = /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (piece === null) return undefined;
  const at = text.indexOf(piece[2] as string);
  return at === -1 ? undefined : lineAt(at + (piece[2] as string).lastIndexOf(piece[1] as string));
};

const issuesText = (file: string, issues: readonly Diagnostic[]): string =>
  issues
    .filter((d) => d.severity === "error")
    .slice(0, 20)
    .map((d) => `${file}${d.source !== undefined ? `:${d.source.line}` : ""}: ${d.path.length > 0 ? `${d.path.join(".")}: ` : ""}[${d.code}] ${d.message}\n    ${d.messageEn}`)
    .join("\n");

const formatOption = (value: string | undefined): "table" | "csv" | "json" => {
  const format = value ?? "table";
  return format === "table" || format === "csv" || format === "json" ? format : usage(`--format 应为 table、csv 或 json：${format}`);
};

const asOfOption = (value: string | undefined, name = "--as-of"): IsoDate => {
  if (value === undefined) return usage(`缺少 ${name} YYYY-MM-DD`);
  if (!isIsoDate(value)) return usage(`${name} 应为真实的 YYYY-MM-DD 日期：${value}`);
  return value;
};

const yearOption = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const y = Number(value);
  return Number.isInteger(y) ? y : usage(`--year 应为年份：${value}`);
};

/**
 * The plan id: --id, else the file's name when it is a well-formed id (wuzhi-2024.txt →
 * wuzhi-2024, so ledgers written for that plan match it), else the parser's default.
 */
const planId = (file: string, id: string | undefined): string | undefined => {
  if (id !== undefined) return id;
  const name = basename(file).replace(/\.[^.]*$/, "");
  return file !== "-" && isWellFormedId(name) ? name : undefined;
};

const loadPlan = (file: string, id?: string, year?: number): { plan: Plan; diagnostics: readonly Diagnostic[] } => {
  const pid = planId(file, id);
  const { plan, diagnostics } = parsePlanText(readText(file), { ...(pid !== undefined ? { id: pid } : {}), ...(year !== undefined ? { year } : {}) });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) invalid(issuesText(file, errors));
  return { plan, diagnostics };
};
const loadRoster = (file: string): Roster => {
  const r = readRoster(readJson(file));
  return r.ok ? r.value : invalid(issuesText(file, r.issues));
};
const loadScheme = (file: string, plan: Plan): ScoringScheme => {
  const r = readScheme(readJson(file), plan);
  return r.ok ? r.value : invalid(issuesText(file, r.issues));
};
const loadLedger = (file: string, ctx: Parameters<typeof readLedger>[1]): Ledger => {
  const r = readLedger(readJson(file), ctx);
  return r.ok ? r.value : invalid(issuesText(file, r.issues));
};
const matrixErrors = (m: ResponsibilityMatrix, file: string) => {
  const errors = m.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) invalid(issuesText(file, errors));
};

/** Write files atomically: everything is computed first, each file goes to a temporary name and is renamed. */
const writeAll = (dir: string, files: ReadonlyArray<readonly [string, string]>): void => {
  mkdirSync(dir, { recursive: true });
  const temps: string[] = [];
  try {
    for (const [name, content] of files) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      temps.push(tmp);
    }
    files.forEach(([name], i) => renameSync(temps[i] as string, join(dir, name)));
  } catch (err) {
    for (const t of temps) rmSync(t, { force: true });
    throw err;
  }
};

const out = (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`);
const today = (): IsoDate => new Date().toISOString().slice(0, 10) as IsoDate;
const stamp = (): string => `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

// ---- commands ----

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
  id: { type: "string" },
  year: { type: "string" },
  roster: { type: "string" },
  format: { type: "string" },
  layout: { type: "string" },
  bom: { type: "boolean" },
  ics: { type: "boolean" },
  dtstamp: { type: "string" },
  ledger: { type: "string" },
  scheme: { type: "string" },
  previous: { type: "string" },
  "as-of": { type: "string" },
  horizon: { type: "string" },
  explain: { type: "string" },
  out: { type: "string" },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]["type"] extends "boolean" ? boolean : string };

const summary = (plan: Plan, diagnostics: readonly Diagnostic[]): string => {
  const tasks = plan.sections.flatMap((s) => s.tasks);
  const lines = [`${plan.title || "（无标题）"}${plan.docNumber !== undefined ? `（${plan.docNumber}）` : ""}`, `发文单位 Issuer：${plan.issuer ?? "—"}　年度 Year：${plan.year ?? "—"}`, `部分 Sections：${plan.sections.length}　任务 Tasks：${tasks.length}　工作要求 Requirements：${tasks.reduce((n, t) => n + t.requirements.length, 0)}`];
  for (const s of plan.sections) lines.push(`  ${s.no}. ${s.title}（${s.tasks.length}项）`);
  const shown = diagnostics.filter((d) => d.severity !== "info");
  lines.push(`诊断 Diagnostics：${diagnostics.filter((d) => d.severity === "error").length} error，${diagnostics.filter((d) => d.severity === "warning").length} warning，${diagnostics.filter((d) => d.severity === "info").length} info`);
  for (const d of shown) lines.push(`  [${d.code}] 第${d.source?.line ?? "?"}行 ${d.message}`);
  return lines.join("\n");
};

const commands: Record<string, (args: string[], v: Values) => void> = {
  parse: (args, v) => {
    const file = args[0] ?? usage("parse 需要一个文件（或 -）");
    const { plan, diagnostics } = loadPlan(file, v.id, yearOption(v.year));
    out(v.json === true ? JSON.stringify(plan, null, 2) : summary(plan, diagnostics));
  },
  matrix: (args, v) => {
    const file = args[0] ?? usage("matrix 需要一个文件");
    const format = formatOption(v.format);
    const layoutText = v.layout ?? "long";
    if (layoutText !== "long" && layoutText !== "wide") usage(`--layout 应为 long 或 wide：${layoutText}`);
    const layout = layoutText as "long" | "wide";
    const { plan } = loadPlan(file, v.id, yearOption(v.year));
    if (v.roster === undefined) {
      const rows = plan.sections.flatMap((s) => s.tasks.flatMap((t) => t.clauses.map((c) => [t.no, t.title, c.assignment.lead.map((r) => r.text).join("、"), c.assignment.responsible.map((r) => r.text).join("、"), c.assignment.support.map((r) => r.text).join("、")])));
      if (format === "json") out(JSON.stringify(rows.map(([no, title, lead, resp, supp]) => ({ no, title, lead, responsible: resp, support: supp })), null, 2));
      else if (format === "csv") out(toCsv([["任务序号", "任务", "牵头单位", "责任单位", "配合单位"], ...rows], { bom: v.bom === true }));
      else {
        process.stderr.write("未提供 --roster：按公文原文列出分工。No --roster: units as written.\n");
        for (const [no, title, lead, resp] of rows) out(`${String(no).padStart(2)}  ${title}\n    牵头：${lead || "—"}\n    责任：${resp || "—"}`);
      }
      return;
    }
    const m = buildMatrix(plan, loadRoster(v.roster));
    matrixErrors(m, v.roster);
    if (format === "json") out(JSON.stringify(m, null, 2));
    else if (format === "csv") out(matrixToCsv(m, { layout, bom: v.bom === true }));
    else {
      out(`单位 Units：${m.units.length}　单元格 Cells：${m.cells.length}`);
      for (const r of workload(m)) out(`  ${r.name.padEnd(16, "　")} 牵头 ${String(r.lead.definite).padStart(2)}  责任 ${String(r.responsible.definite).padStart(2)}（候选 ${r.responsible.candidate}）  配合 ${r.support.definite}`);
      for (const d of m.diagnostics.filter((x) => x.severity !== "info")) out(`  [${d.code}] ${d.message}`);
    }
  },
  calendar: (args, v) => {
    const file = args[0] ?? usage("calendar 需要一个文件");
    // --year here picks the calendar year to expand; the plan keeps the year its text gives.
    const { plan } = loadPlan(file, v.id, undefined);
    const year = yearOption(v.year);
    const matrix = v.roster === undefined ? undefined : buildMatrix(plan, loadRoster(v.roster));
    const occurrences = expandSchedule(plan, { ...(year !== undefined ? { year } : {}), ...(matrix !== undefined ? { matrix } : {}) });
    if (v.ics === true) {
      out(scheduleToICalendar(occurrences, { dtstamp: v.dtstamp ?? stamp(), calendarName: plan.title }));
      return;
    }
    for (const o of occurrences) out(`${o.due ?? "（随事件）"}  任务${String(o.taskNo).padStart(2)}  ${o.label}：${o.action}${o.count > 1 ? `（至少${o.count}次）` : ""}`);
  },
  status: (args, v) => {
    const file = args[0] ?? usage("status 需要一个文件");
    const asOf = asOfOption(v["as-of"]);
    if (v.ledger === undefined) usage("status 需要 --ledger l.json");
    const { plan } = loadPlan(file, v.id, yearOption(v.year));
    const rosterFile = v.roster ?? BUNDLED.roster;
    if (v.roster === undefined) process.stderr.write("未指定 --roster，使用随包附带的武陟县名录。No --roster: using the bundled Wuzhi roster.\n");
    const matrix = buildMatrix(plan, loadRoster(rosterFile));
    const occurrences = expandSchedule(plan, { matrix });
    const ledger = loadLedger(v.ledger as string, { plan, matrix, asOf: IsoDate.parse("9999-12-31"), occurrences });
    const horizon = v.horizon === undefined ? 14 : Number(v.horizon);
    if (!Number.isInteger(horizon) || horizon < 0) usage(`--horizon 应为天数：${v.horizon}`);
    out(bulletinToText(buildBulletin(plan, matrix, occurrences, ledger, asOf, { horizonDays: horizon })));
  },
  score: (args, v) => {
    const file = args[0] ?? usage("score 需要一个文件");
    const asOf = asOfOption(v["as-of"]);
    if (v.scheme === undefined) usage("score 需要 --scheme s.json");
    if (v.ledger === undefined) usage("score 需要 --ledger l.json");
    const format = formatOption(v.format);
    const { plan } = loadPlan(file, v.id, yearOption(v.year));
    const roster = loadRoster(v.roster ?? BUNDLED.roster);
    const matrix = buildMatrix(plan, roster);
    const scheme = loadScheme(v.scheme as string, plan);
    const ctx = { plan, matrix, asOf: IsoDate.parse("9999-12-31") };
    const ledger = loadLedger(v.ledger as string, ctx);
    const previous = v.previous === undefined ? undefined : loadLedger(v.previous, ctx);
    const cards = scoreUnits({ plan, roster, matrix, scheme, ledger, asOf, ...(previous !== undefined ? { previous } : {}) });
    if (v.explain !== undefined) {
      const card = cards.find((c) => c.unitId === v.explain || c.name === v.explain) ?? invalid(`没有单位“${v.explain}”。No unit "${v.explain}".`);
      out(explainScoreCard(card));
      return;
    }
    if (format === "json") out(JSON.stringify(cards, null, 2));
    else if (format === "csv") out(scoresCsv(cards));
    else for (const c of cards) out(`${String(c.rank).padStart(3)}  ${c.name.padEnd(16, "　")} ${formatPoints(c.total).padStart(7)}  ${c.grade}${c.vetoed ? "（一票否决）" : ""}`);
  },
  report: (args, v) => {
    const file = args[0] ?? BUNDLED.plan;
    if (v.out === undefined) usage("report 需要 --out <目录>");
    const { plan, diagnostics } = loadPlan(file, v.id, yearOption(v.year));
    const asOf = v["as-of"] !== undefined ? asOfOption(v["as-of"]) : IsoDate.parse(`${(plan.year ?? Number(today().slice(0, 4))) + 1}-01-15`);
    const roster = loadRoster(v.roster ?? BUNDLED.roster);
    const matrix = buildMatrix(plan, roster);
    matrixErrors(matrix, v.roster ?? BUNDLED.roster);
    const occurrences = expandSchedule(plan, { matrix });
    const scheme = loadScheme(v.scheme ?? BUNDLED.scheme, plan);
    // Entries after --as-of are not errors: status and scoring leave them out.
    const ledger = loadLedger(v.ledger ?? BUNDLED.ledger, { plan, matrix, asOf: IsoDate.parse("9999-12-31"), occurrences });
    const statuses = occurrenceStatus(occurrences, ledger, asOf);
    const bulletin = buildBulletin(plan, matrix, occurrences, ledger, asOf);
    const cards = scoreUnits({ plan, roster, matrix, scheme, ledger, asOf });
    const notes = [
      ...(v.scheme === undefined ? ["考核方案为随包附带的示例方案，不是官方方案。The scheme is the bundled example, not an official one."] : []),
      ...(ledger.description !== undefined ? [ledger.description] : []),
    ];
    const html = renderReport({ plan, matrix, occurrences, statuses, bulletin, cards, asOf, diagnostics, schemeTitle: scheme.title, generatedOn: today(), notes });
    const dir = v.out as string;
    writeAll(dir, [
      ["plan.json", `${JSON.stringify(plan, null, 2)}\n`],
      ["matrix.csv", matrixToCsv(matrix, { bom: true })],
      ["calendar.ics", scheduleToICalendar(occurrences, { dtstamp: stamp(), calendarName: plan.title })],
      ["bulletin.txt", bulletinToText(bulletin)],
      ["scores.csv", scoresCsv(cards, true)],
      ["report.html", html],
    ]);
    const tasks = plan.sections.flatMap((s) => s.tasks);
    const next = occurrences.filter((o) => o.due !== undefined && o.due >= asOf && o.kind !== "ongoing").slice(0, 5);
    const grades = new Map<string, number>();
    for (const c of cards) grades.set(c.grade, (grades.get(c.grade) ?? 0) + 1);
    out(
      [
        `${plan.title}（${plan.docNumber ?? "—"}），数据截至 ${asOf}`,
        `部分 ${plan.sections.length} · 任务 ${tasks.length} · 单位 ${matrix.units.length} · 时间节点 ${occurrences.length} · 逾期未完成 ${bulletin.totals.overdue}`,
        ...(next.length > 0
          ? ["接下来的截止日期 Next deadlines：", ...next.map((o) => `  ${o.due}  任务${o.taskNo} ${o.label}：${o.action}`)]
          : [
              `本年度时间节点均已到期 All of the year's deadlines have passed；逾期未完成 Overdue：`,
              ...bulletin.units
                .flatMap((u) => u.overdue.map((i) => `  ${u.name}：任务${i.taskNo} ${i.label}：${i.action}（截止${i.due}）`))
                .slice(0, 5),
            ]),
        `等次 Grades：${[...grades].map(([g, n]) => `${g} ${n}`).join("，")}`,
        `已写出 Written：${resolve(dir)}/{plan.json, matrix.csv, calendar.ics, bulletin.txt, scores.csv, report.html}`,
        `打开报告 Open the report：${resolve(dir, "report.html")}`,
      ].join("\n"),
    );
  },
  schema: (args) => {
    const name = args[0];
    if (name !== undefined && !MODEL_NAMES.includes(name as ModelName)) usage(`没有名为“${name}”的模型；可选：${MODEL_NAMES.join(", ")}`);
    out(JSON.stringify(toJsonSchema(name as ModelName | undefined), null, 2));
  },
};

const scoresCsv = (cards: ReturnType<typeof scoreUnits>, bom = false) =>
  toCsv([["名次", "单位编号", "单位", "得分", "等次", "一票否决"], ...cards.map((c) => [c.rank, c.unitId, c.name, formatPoints(c.total), c.grade, c.vetoed ? "是" : "否"])], { bom });

/** Run the command line; returns the exit code. */
export const run = (argv: readonly string[]): number => {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      out(HELP.main as string);
      return command === undefined ? 2 : 0;
    }
    const fn = commands[command];
    if (fn === undefined) return usage(`未知命令“${command}”。Unknown command "${command}".`);
    let parsed: { values: Values; positionals: string[] };
    try {
      parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
    } catch (err) {
      return usage((err as Error).message);
    }
    if (parsed.values.help === true) {
      out(HELP[command] as string);
      return 0;
    }
    fn(parsed.positionals, parsed.values);
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`内部错误 Internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
};

// Run when executed directly, also through the npm bin symlink.
const isMain = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (isMain) {
  // A reader that closes early (fazhi parse x.txt --json | head) is not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
  process.exitCode = run(process.argv.slice(2));
}
