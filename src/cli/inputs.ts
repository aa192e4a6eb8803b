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
  isWellFormedId,
  readLedger,
  readRoster,
  readScheme,
} from "../index.js";
import { type CliEnv, note, readJson, shownName } from "./io.js";
import { CliError, capped, failure, text } from "./messages.js";
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
      const path = d.source === undefined && d.path.length > 0 ? `${d.path.join(".")}: ` : "";
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

/** A plan from any file the readers read (see {@link readPlanFile}); its errors end the command. */
export const loadPlan = (env: CliEnv, file: string, options: { readonly id?: string | undefined; readonly year?: number | undefined } = {}): PlanFile => {
  const id = planId(file, options.id);
  const loaded = readPlanFile(env, file, { ...(id !== undefined ? { id } : {}), ...(options.year !== undefined ? { year: options.year } : {}) });
  if (loaded.diagnostics.some((d) => d.severity === "error")) throw invalid(loaded.where, loaded.diagnostics);
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

export const loadScheme = (env: CliEnv, file: string, plan: Plan): ScoringScheme => {
  const r = readScheme(readJson(env, file), plan);
  if (!r.ok) throw invalid(whereIn(file), r.issues);
  return r.value;
};

/** A ledger checked against the plan; entries after the as-of date are not errors (status and scoring leave them out). */
export const loadLedger = (env: CliEnv, file: string, ctx: Omit<LedgerContext, "asOf">): Ledger => {
  const r = readLedger(readJson(env, file), { ...ctx, asOf: IsoDate.parse("9999-12-31") });
  if (!r.ok) throw invalid(whereIn(file), r.issues);
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

/**
 * The plan of `status`, `score` and `report` (the file, else the bundled plan) with its as-of date:
 * the given one, else {@link defaultAsOf}.
 */
export const loadPlanAsOf = (env: CliEnv, file: string, options: { readonly id: string | undefined; readonly year: number | undefined; readonly asOf: IsoDate | undefined }) => {
  const loaded = loadPlan(env, file, options);
  return { ...loaded, asOf: options.asOf ?? defaultAsOf(env, loaded.plan) };
};

/**
 * The roster (the given one, else the bundled Wuzhi roster, said on standard error) and the plan's
 * matrix with it. With `strict`, the matrix's errors (units the roster lacks) end the command.
 */
export const loadMatrix = (env: CliEnv, { plan, where }: Pick<PlanFile, "plan" | "where">, rosterFile: string | undefined, strict = false): { roster: Roster; matrix: ResponsibilityMatrix } => {
  if (rosterFile === undefined) note(env, text("未给出 --roster，使用随包附带的武陟县名录。", "No --roster: using the bundled Wuzhi roster."));
  const file = rosterFile ?? BUNDLED.roster;
  const roster = loadRoster(env, file);
  const matrix = buildMatrix(plan, roster);
  return { roster, matrix: strict ? checkMatrix(matrix, where) : matrix };
};
