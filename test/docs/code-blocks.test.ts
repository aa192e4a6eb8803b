// Every ```ts block in the README and the guides (docs/*.md) is type-checked against the source and
// run, so that an example cannot rot. A block sees the public exports of "fazhi" and the names of
// test/docs/prelude.ts (the bundled Wuzhi example). A block preceded by the line
// `<!-- doc-test: skip -->` is an illustrative fragment and is left out; there are only a few.
//
// The type check is the slow part (loading TypeScript and checking the blocks took 4–7 s of a
// worker's time). Like `tsc --incremental`, it is not repeated for inputs it has already passed:
// after a clean check the test writes a stamp named by a hash of everything the check reads (this
// file, the guides, the prelude, every file of src/, package-lock.json for TypeScript's and zod's
// versions) under node_modules/.cache/, and a later run with the same hash skips the check and
// says so. CI (CI=true) and FAZHI_DOC_CHECK=1 always check; npm ci starts without stamps.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const OUT = join(ROOT, "test-output", "doc-blocks");
const INDEX = join(ROOT, "src", "index.ts");
const DOCX = join(ROOT, "src", "docx", "index.ts");
const PRELUDE = join(ROOT, "test", "docs", "prelude.ts");
const SKIP = "<!-- doc-test: skip -->";
const STAMPS = join(ROOT, "node_modules", ".cache", "fazhi-doc-blocks");

interface Block {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly skip: boolean;
}

const markdown = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
const blocks: Block[] = markdown.flatMap((file) => {
  const lines = readFileSync(join(ROOT, file), "utf8").split("\n");
  const found: Block[] = [];
  lines.forEach((l, i) => {
    if (!/^```(ts|typescript)\s*$/.test(l)) return;
    const end = lines.findIndex((x, j) => j > i && x.startsWith("```"));
    found.push({ file, line: i + 1, code: lines.slice(i + 1, end).join("\n"), skip: lines[i - 1]?.trim() === SKIP });
  });
  return found;
});

/** A hash of every input of the type check: the stamp's name (see the top of this file). */
const inputsHash = (): string => {
  const hash = createHash("sha256");
  const add = (path: string): void => {
    hash.update(relative(ROOT, path));
    hash.update("\0");
    hash.update(readFileSync(path));
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else add(join(dir, entry.name));
    }
  };
  for (const file of [new URL(import.meta.url).pathname, PRELUDE, join(ROOT, "package-lock.json"), ...markdown.map((f) => join(ROOT, f))]) add(file);
  walk(join(ROOT, "src"));
  return hash.digest("hex").slice(0, 24);
};
const STAMP = join(STAMPS, `${inputsHash()}.json`);
const alwaysCheck = process.env.CI === "true" || process.env.FAZHI_DOC_CHECK === "1";
/** What a passing check left: the public names it read, so that an unchanged run needs no TypeScript. */
const stamped = ((): { publicNames: string[] } | undefined => {
  if (alwaysCheck || !existsSync(STAMP)) return undefined;
  try {
    const s = JSON.parse(readFileSync(STAMP, "utf8")) as { publicNames?: unknown };
    return Array.isArray(s.publicNames) && s.publicNames.every((n) => typeof n === "string") ? { publicNames: s.publicNames as string[] } : undefined;
  } catch {
    return undefined;
  }
})();
/** TypeScript, loaded only when the check runs (loading it alone takes over a second). */
const typescript: typeof ts | undefined = stamped === undefined ? (await import("typescript")).default : undefined;

/**
 * The value and type names "fazhi" exports. src/index.ts names every one in an `export { … } from`
 * list, so reading its syntax is enough (a type checker for this alone took seconds); any other
 * kind of export there stops the test rather than leave names out.
 */
const readPublicNames = (t: typeof ts): string[] => {
  const indexSyntax = t.createSourceFile(INDEX, readFileSync(INDEX, "utf8"), t.ScriptTarget.ES2022);
  return indexSyntax.statements.flatMap((s) => {
    if (t.isExportDeclaration(s) && s.exportClause !== undefined && t.isNamedExports(s.exportClause)) return s.exportClause.elements.map((e) => e.name.text);
    const exported = t.canHaveModifiers(s) && (t.getModifiers(s) ?? []).some((m) => m.kind === t.SyntaxKind.ExportKeyword);
    if (exported || t.isExportDeclaration(s) || t.isExportAssignment(s)) {
      throw new Error(`src/index.ts: an export this test does not read (export { … } from lists only): ${s.getText(indexSyntax).slice(0, 80)}`);
    }
    return [];
  });
};
const publicNames = stamped?.publicNames ?? readPublicNames(typescript as typeof ts);
const PRELUDE_NAMES = ["text", "docxBytes", "rows", "lastYearText", "thisYearText", "upperText", "lowerText", "rosterJson", "schemeJson", "ledgerJson", "plan", "roster", "matrix", "occurrences", "scheme", "asOf", "ledger"];

/** A block as a module: its own imports (from "fazhi" → the source), every other public name, the prelude, the code in a function. */
const moduleOf = (b: Block, path: string): string => {
  const imports: string[] = [];
  const own = new Set<string>();
  const body = b.code.replace(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+["']([^"']+)["'];?\s*$/gm, (_, type: string | undefined, names: string, from: string) => {
    for (const n of names.split(",").map((x) => x.trim().replace(/^type\s+/, "").split(/\s+as\s+/).pop() as string)) if (n !== "") own.add(n);
    const target = from === "fazhi" ? rel(path, INDEX) : from === "fazhi/docx" ? rel(path, DOCX) : from;
    imports.push(`import ${type ?? ""}{${names}} from "${target}";`);
    return "";
  });
  // Only the names the block uses: the type checker then resolves what the block needs, not all of "fazhi".
  const words = new Set(body.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const rest = publicNames.filter((n) => !own.has(n) && words.has(n));
  const prelude = PRELUDE_NAMES.filter((n) => !own.has(n) && words.has(n));
  return [
    ...imports,
    ...(rest.length > 0 ? [`import { ${rest.join(", ")} } from "${rel(path, INDEX)}";`] : []),
    ...(prelude.length > 0 ? [`import { ${prelude.join(", ")} } from "${rel(path, PRELUDE)}";`] : []),
    `// ${b.file}:${b.line}`,
    "export default async function run(): Promise<unknown> {",
    body,
    "return undefined;",
    "}",
    "",
  ].join("\n");
};
const rel = (from: string, to: string) => {
  const r = relative(join(from, ".."), to).replace(/\.ts$/, ".js");
  return r.startsWith(".") ? r : `./${r}`;
};

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const files = blocks
  .filter((b) => !b.skip)
  .map((b, i) => {
    const path = join(OUT, `${String(i).padStart(2, "0")}-${b.file.replace(/[/.]/g, "_")}-${b.line}.ts`);
    writeFileSync(path, moduleOf(b, path));
    return { block: b, path };
  });

describe("the guides' code blocks", () => {
  afterAll(() => vi.restoreAllMocks());

  it("are found in every guide, and few are skipped", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    const skipped = blocks.filter((b) => b.skip);
    expect(skipped.length).toBeLessThanOrEqual(3);
    expect(new Set(files.map((f) => f.block.file))).toEqual(new Set(["README.md", "docs/quickstart.md", "docs/model.md", "docs/parsing.md", "docs/matrix.md", "docs/schedule.md", "docs/scoring.md", "docs/report.md", "docs/compare.md"]));
  });

  // Skipped (and said so) only when a check of exactly these inputs passed before: see the top of this file.
  it.skipIf(stamped !== undefined)(`type-check against the source${stamped !== undefined ? ` (inputs unchanged since a passing check: ${relative(ROOT, STAMP)}; FAZHI_DOC_CHECK=1 checks again)` : ""}`, () => {
    const t = typescript as typeof ts;
    // The library runs in browsers too: the blocks are checked without Node's types (and quicker
    // for it), with only a console to print to.
    const consoleDts = join(OUT, "console.d.ts");
    writeFileSync(consoleDts, "declare const console: { log(...data: unknown[]): void };\n");
    const program = t.createProgram(
      [...files.map((f) => f.path), consoleDts],
      { strict: true, noEmit: true, module: t.ModuleKind.ESNext, moduleResolution: t.ModuleResolutionKind.Bundler, target: t.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"], types: [], skipLibCheck: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true },
    );
    // Only the blocks are checked (the source is type-checked by npm run typecheck); their types
    // come from the source as the checker needs them, which is much quicker than checking it all.
    const errors = files
      .flatMap((f) => {
        const sf = program.getSourceFile(f.path) as ts.SourceFile;
        return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
      })
      .map((d) => {
        const f = files.find((x) => x.path === d.file?.fileName);
        const { line } = (d.file as ts.SourceFile).getLineAndCharacterOfPosition(d.start ?? 0);
        const head = readFileSync(d.file?.fileName as string, "utf8").split("\n").findIndex((l) => l.startsWith("export default async function run"));
        return `${f?.block.file}:${(f?.block.line ?? 0) + line - head}: ${t.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(errors).toEqual([]);
    // The stamp of these inputs replaces those of earlier ones.
    rmSync(STAMPS, { recursive: true, force: true });
    mkdirSync(STAMPS, { recursive: true });
    writeFileSync(STAMP, JSON.stringify({ publicNames }));
  }, 60_000);

  it.each(files.map((f) => [`${f.block.file}:${f.block.line}`, f.path] as const))("%s runs", async (_, path) => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const mod = (await import(path)) as { default: () => Promise<unknown> };
    await expect(mod.default()).resolves.toBeUndefined();
  });
});
