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
  parsePlanText,
  readLedger,
  readRoster,
  readScheme,
} from "../index.js";
import { type CliEnv, note, readJson, readText } from "./io.js";
import { capped, failure, text } from "./messages.js";

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

/** Error lines for a file's diagnostics: where, what (Chinese, then English), at most 20. */
export const issueLines = (file: string, issues: readonly Diagnostic[]): string[] =>
  capped(
    issues
      .filter((d) => d.severity === "error")
      .map((d) => `${file}${d.source !== undefined ? `:${d.source.line}` : ""}: ${d.path.length > 0 ? `${d.path.join(".")}: ` : ""}${d.message} [${d.code}]\n    ${d.messageEn}`),
  );

const invalid = (file: string, issues: readonly Diagnostic[]) => failure(...issueLines(file, issues));

/**
 * The plan id: --id, else the file's name when it is a well-formed id (wuzhi-2024.txt →
 * wuzhi-2024, so ledgers written for that plan match it), else the parser's default.
 */
const planId = (file: string, id: string | undefined): string | undefined => {
  if (id !== undefined) return id;
  const name = basename(file).replace(/\.[^.]*$/, "");
  return file !== "-" && isWellFormedId(name) ? name : undefined;
};

/** A plan document, parsed; its errors end the command. */
export const loadPlan = (env: CliEnv, file: string, options: { readonly id?: string | undefined; readonly year?: number | undefined } = {}): { plan: Plan; diagnostics: readonly Diagnostic[] } => {
  const id = planId(file, options.id);
  const { plan, diagnostics } = parsePlanText(readText(env, file), { ...(id !== undefined ? { id } : {}), ...(options.year !== undefined ? { year: options.year } : {}) });
  if (diagnostics.some((d) => d.severity === "error")) throw invalid(file, diagnostics);
  return { plan, diagnostics };
};

export const loadRoster = (env: CliEnv, file: string): Roster => {
  const r = readRoster(readJson(env, file));
  if (!r.ok) throw invalid(file, r.issues);
  return r.value;
};

export const loadScheme = (env: CliEnv, file: string, plan: Plan): ScoringScheme => {
  const r = readScheme(readJson(env, file), plan);
  if (!r.ok) throw invalid(file, r.issues);
  return r.value;
};

/** A ledger checked against the plan; entries after the as-of date are not errors (status and scoring leave them out). */
export const loadLedger = (env: CliEnv, file: string, ctx: Omit<LedgerContext, "asOf">): Ledger => {
  const r = readLedger(readJson(env, file), { ...ctx, asOf: IsoDate.parse("9999-12-31") });
  if (!r.ok) throw invalid(file, r.issues);
  return r.value;
};

/** A matrix whose errors (units the roster lacks) end the command. */
export const checkMatrix = (matrix: ResponsibilityMatrix, rosterFile: string): ResponsibilityMatrix => {
  if (matrix.diagnostics.some((d) => d.severity === "error")) throw invalid(rosterFile, matrix.diagnostics);
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
export const loadMatrix = (env: CliEnv, plan: Plan, rosterFile: string | undefined, strict = false): { roster: Roster; matrix: ResponsibilityMatrix } => {
  if (rosterFile === undefined) note(env, text("未给出 --roster，使用随包附带的武陟县名录。", "No --roster: using the bundled Wuzhi roster."));
  const file = rosterFile ?? BUNDLED.roster;
  const roster = loadRoster(env, file);
  const matrix = buildMatrix(plan, roster);
  return { roster, matrix: strict ? checkMatrix(matrix, file) : matrix };
};
