// Reading the inputs of a command: the plan document, the roster, the scheme and the ledger, each
// checked by the library's readers, whose diagnostics become the command's error message.
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Diagnostic,
  IsoDate,
  type Ledger,
  type LedgerContext,
  type Plan,
  type ResponsibilityMatrix,
  type Roster,
  type ScoringScheme,
  buildMatrix,
  compareIsoDate,
  inferRoster,
  isWellFormedId,
  parsePlanText,
  readLedger,
  readRoster,
  readScheme,
} from "../index.js";
import { type CliEnv, note, readJson, shownName } from "./io.js";
import { CliError, type Text, capped, failure, text } from "./messages.js";
import { FORMAT_NAMES, type PlanFile, type Where, readPlanFile, whereIn } from "./plan-file.js";

/**
 * The package's root: one level above dist/ (the built command), or two above src/cli (run from
 * source). Both hold package.json and seeds/.
 */
const here = dirname(fileURLToPath(import.meta.url));
const ROOT = [resolve(here, ".."), resolve(here, "..", "..")].find((d) => existsSync(join(d, "package.json")) && existsSync(join(d, "seeds"))) ?? resolve(here, "..");

/** The version in the package's package.json. */
export const packageVersion = (): string => (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The bundled Wuzhi 2024 example: the document, its roster, the example scheme and the synthetic ledger. */
export const BUNDLED = {
  plan: join(ROOT, "seeds", "wuzhi-2024.txt"),
  roster: join(ROOT, "seeds", "wuzhi-2024.roster.json"),
  scheme: join(ROOT, "seeds", "wuzhi-2024.scheme.json"),
  ledger: join(ROOT, "seeds", "wuzhi-2024.ledger.sample.json"),
} as const;

/**
 * Lines for diagnostics, at most `max` (20 unless told): where (in the file's own terms, see
 * {@link whereIn}; the field's path when the diagnostic has no place in the text), the message and
 * its code; the English on the next line (after the place, when the place has words).
 */
export const diagnosticLines = (where: Where, diagnostics: readonly Diagnostic[], indent = "", max = 20): string[] =>
  capped(
    diagnostics.map((d) => {
      const at = where(d.source);
      const field = d.path.join(".");
      // The field's path, unless the message starts with it (the schema's messages do).
      const path = d.source === undefined && field !== "" && !d.message.startsWith(field) ? `${field}: ` : "";
      return `${indent}${at.zh}: ${path}${d.message} [${d.code}]\n${indent}    ${at.en !== at.zh ? `${at.en}: ` : ""}${d.messageEn}`;
    }),
    max,
  );

const invalid = (where: Where, issues: readonly Diagnostic[]) => failure(...diagnosticLines(where, issues.filter((d) => d.severity === "error")));

/**
 * The plan id: --id, else the file's name when it is a well-formed id (wuzhi-2024.txt →
 * wuzhi-2024, so ledgers written for that plan match it), else the parser's default.
 */
const planId = (file: string, id: string | undefined): string | undefined => {
  if (id !== undefined) return id;
  const name = basename(file).replace(/\.[^.]*$/, "");
  return file !== "-" && isWellFormedId(name) ? name : undefined;
};

/**
 * A plan from any file the readers read (see {@link readPlanFile}); its errors end the command.
 * With `yearIfNone`, a document that gives no year (many do not) is read in that year, so that its
 * dated requirements are read; unless `quiet` (the user chose that year), this is said on standard
 * error.
 */
export const loadPlan = (
  env: CliEnv,
  file: string,
  options: { readonly id?: string | undefined; readonly year?: number | undefined; readonly yearIfNone?: number | undefined; readonly quiet?: boolean } = {},
): PlanFile => {
  const id = planId(file, options.id);
  const loaded = readPlanFile(env, file, {
    ...(id !== undefined ? { id } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.yearIfNone !== undefined ? { yearIfNone: options.yearIfNone } : {}),
  });
  if (loaded.diagnostics.some((d) => d.severity === "error")) throw invalid(loaded.where, loaded.diagnostics);
  const year = loaded.assumedYear;
  if (year !== undefined && options.quiet !== true) {
    note(env, text(`公文中没有写年度，按${year}年计算时间节点；可用 --year 指定。`, `The document gives no year: its dates are taken in ${year}; --year chooses another.`));
  }
  return loaded;
};

/**
 * The plans of a comparison, every file's errors reported together. How each was read is said on
 * standard error (what it was read as, how many tasks), since a comparison is only as good as
 * the reading of its inputs.
 */
export const loadPlans = <const F extends readonly string[]>(env: CliEnv, files: F): { readonly [K in keyof F]: PlanFile } => {
  const loaded: PlanFile[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      loaded.push(loadPlan(env, file));
    } catch (err) {
      if (!(err instanceof CliError)) throw err;
      errors.push(...err.lines);
    }
  }
  if (errors.length > 0) throw failure(...errors);
  files.forEach((file, i) => {
    const { plan, diagnostics, format } = loaded[i] as PlanFile;
    const tasks = plan.sections.reduce((n, s) => n + s.tasks.length, 0);
    const warnings = diagnostics.filter((d) => d.severity === "warning").length;
    const name = shownName(file);
    note(
      env,
      text(
        `${name}：${FORMAT_NAMES[format].zh}，${tasks}项任务${warnings > 0 ? `，${warnings}条提示（fazhi parse 可列出）` : ""}`,
        `${name}: read as ${FORMAT_NAMES[format].en}, ${tasks} task${tasks === 1 ? "" : "s"}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"} (fazhi parse lists them)` : ""}`,
      ),
    );
  });
  return loaded as unknown as { readonly [K in keyof F]: PlanFile };
};

export const loadRoster = (env: CliEnv, file: string): Roster => {
  const r = readRoster(readJson(env, file));
  if (!r.ok) throw invalid(whereIn(file), r.issues);
  return r.value;
};

/**
 * What a reader noticed without refusing the file (a full id written for another plan id, an old
 * scheme format, a ledger entry no indicator reads …), said on standard error, at most 20 lines.
 */
export const showNotices = (env: CliEnv, where: Where, issues: readonly Diagnostic[]): void => {
  const shown = issues.filter((d) => d.severity !== "error");
  if (shown.length > 0) env.stderr(`${diagnosticLines(where, shown).join("\n")}\n`);
};

/** A scheme read against the plan (and roster); its notices are said unless it is the bundled example (`quiet`), which the user cannot edit. */
export const loadScheme = (env: CliEnv, file: string, context: { readonly plan: Plan; readonly roster?: Roster }, quiet = false): ScoringScheme => {
  const r = readScheme(readJson(env, file), context);
  if (!r.ok) throw invalid(whereIn(file), r.issues);
  if (!quiet) showNotices(env, whereIn(file), r.issues);
  return r.value;
};

/**
 * A ledger checked against the plan (and the roster, so that units assessed without a task may
 * report facts); entries after the as-of date are not errors (status and scoring leave them out).
 * Its notices are said unless `quiet` (the bundled example).
 */
export const loadLedger = (env: CliEnv, file: string, ctx: Omit<LedgerContext, "asOf">, quiet = false): Ledger => {
  const r = readLedger(readJson(env, file), { ...ctx, asOf: IsoDate.parse("9999-12-31") });
  if (!r.ok) throw invalid(whereIn(file), r.issues);
  if (!quiet) showNotices(env, whereIn(file), r.issues);
  return r.value;
};

/**
 * A matrix whose errors (units the roster lacks) end the command. They point at the units in the
 * plan, so they are placed in the plan's file.
 */
export const checkMatrix = (matrix: ResponsibilityMatrix, planWhere: Where): ResponsibilityMatrix => {
  if (matrix.diagnostics.some((d) => d.severity === "error")) throw invalid(planWhere, matrix.diagnostics);
  return matrix;
};

/**
 * The default as-of date of `status`, `score` and `report`: today, but not later than the year-end
 * assessment (15 January after the plan's year), so that a past year's plan is read as it stood
 * when it was assessed and this year's as it stands today.
 */
export const defaultAsOf = (env: CliEnv, plan: Plan): IsoDate => {
  const today = env.today();
  if (plan.year === undefined || plan.year >= 9999) return today;
  const assessment = IsoDate.parse(`${String(plan.year + 1).padStart(4, "0")}-01-15`);
  return compareIsoDate(today, assessment) <= 0 ? today : assessment;
};

/** The year a document that gives none is read in: the as-of date's year, else this year. */
export const yearIfNone = (env: CliEnv, asOf?: IsoDate): number => Number((asOf ?? env.today()).slice(0, 4));

/**
 * The plan of `status`, `score` and `report` (the file, else the bundled plan) with its year (a
 * document that gives none is read in {@link yearIfNone}, said on standard error; `--year` chooses
 * another) and its as-of date: the given one, else {@link defaultAsOf}.
 */
export const loadPlanAsOf = (env: CliEnv, file: string, options: { readonly id: string | undefined; readonly year: number | undefined; readonly asOf: IsoDate | undefined }) => {
  const loaded = loadPlan(env, file, { ...options, yearIfNone: yearIfNone(env, options.asOf) });
  return { ...loaded, asOf: options.asOf ?? defaultAsOf(env, loaded.plan) };
};

/** The bundled document as parsed, read once. */
let bundledPlan: Plan | undefined;

/**
 * Whether a plan is the bundled Wuzhi example, by what it says (title, document number, every
 * task's title), whatever its file name, id or encoding: a copy of it, renamed or piped, is still
 * Wuzhi's plan, and only Wuzhi's plan gets the bundled roster, scheme and ledger by default.
 */
export const isBundledPlan = (plan: Plan): boolean => {
  bundledPlan ??= parsePlanText(readFileSync(BUNDLED.plan, "utf8")).plan;
  const titles = (p: Plan) => p.sections.flatMap((s) => s.tasks.map((t) => t.title)).join("\n");
  return plan.title === bundledPlan.title && plan.docNumber === bundledPlan.docNumber && titles(plan) === titles(bundledPlan);
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A roster inferred from the plan, with a summary of what staff should check. */
export const inferredRoster = (plan: Plan): { roster: Roster; diagnostics: readonly Diagnostic[]; summary: Text } => {
  const { roster, diagnostics } = inferRoster(plan);
  const merges = diagnostics.filter((d) => d.code === "units_merged").length;
  const empty = roster.groups.filter((g) => g.select.members !== undefined && g.select.members.length === 0 && g.select.kinds === undefined).length;
  return {
    roster,
    diagnostics,
    summary: text(
      `${roster.units.length}个单位、${roster.groups.length}个单位组（其中${empty}个成员待补充），合并简称和全称${merges}处`,
      `${plural(roster.units.length, "unit")}, ${plural(roster.groups.length, "group")} (${empty} with members to be listed), ${plural(merges, "merge")} of short and long forms`,
    ),
  };
};

/**
 * The roster and the plan's matrix with it: the given roster; else, for the bundled Wuzhi plan
 * (see {@link isBundledPlan}), the bundled roster; else one inferred from the document (never
 * Wuzhi's roster for another county's plan). The choice is said on standard error, and so are the
 * groups with no members (group_unexpanded). With `strict`, the matrix's errors (units the roster
 * lacks) end the command.
 */
export const loadMatrix = (
  env: CliEnv,
  { plan, where }: Pick<PlanFile, "plan" | "where">,
  rosterFile: string | undefined,
  strict = false,
): { roster: Roster; matrix: ResponsibilityMatrix } => {
  let roster: Roster;
  if (rosterFile !== undefined) roster = loadRoster(env, rosterFile);
  else if (isBundledPlan(plan)) {
    note(env, text("未给出 --roster：公文是随包附带的武陟县示例，使用随包附带的武陟县名录。", "No --roster: the document is the bundled Wuzhi example, so the bundled Wuzhi roster is used."));
    roster = loadRoster(env, BUNDLED.roster);
  } else {
    const r = inferredRoster(plan);
    roster = r.roster;
    note(
      env,
      text(
        `未给出 --roster：已按公文推断单位名录（${r.summary.zh}），类别和层级按名称猜测，请核对。导出名录：fazhi roster <公文> --out 名录.json；核对、补充后用 --roster 名录.json 传入。`,
        `No --roster: a roster was inferred from the document (${r.summary.en}); kinds and levels are guessed from the names, please check them. Write it out with fazhi roster <file> --out roster.json, edit it, and pass it back with --roster roster.json.`,
      ),
    );
  }
  const matrix = strict ? checkMatrix(buildMatrix(plan, roster), where) : buildMatrix(plan, roster);
  // Groups with no members bind no unit: their dated items are no one's until the roster lists them.
  showNotices(env, where, matrix.diagnostics.filter((d) => d.code === "group_unexpanded"));
  return { roster, matrix };
};
