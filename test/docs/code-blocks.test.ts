// Every ```ts block in the README and the guides (docs/*.md) is type-checked against the source and
// run, so that an example cannot rot. A block sees the public exports of "fazhi" and the names of
// test/docs/prelude.ts (the bundled Wuzhi example). A block preceded by the line
// `<!-- doc-test: skip -->` is an illustrative fragment and is left out; there are only a few.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

const ROOT = resolve(new URL("../..", import.meta.url).pathname);
const OUT = join(ROOT, "test-output", "doc-blocks");
const INDEX = join(ROOT, "src", "index.ts");
const DOCX = join(ROOT, "src", "docx", "index.ts");
const PRELUDE = join(ROOT, "test", "docs", "prelude.ts");
const SKIP = "<!-- doc-test: skip -->";

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

/**
 * The value and type names "fazhi" exports. src/index.ts names every one in an `export { … } from`
 * list, so reading its syntax is enough (a type checker for this alone took seconds); any other
 * kind of export there stops the test rather than leave names out.
 */
const indexSyntax = ts.createSourceFile(INDEX, readFileSync(INDEX, "utf8"), ts.ScriptTarget.ES2022);
const publicNames = indexSyntax.statements.flatMap((s) => {
  if (ts.isExportDeclaration(s) && s.exportClause !== undefined && ts.isNamedExports(s.exportClause)) return s.exportClause.elements.map((e) => e.name.text);
  const exported = ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (exported || ts.isExportDeclaration(s) || ts.isExportAssignment(s)) {
    throw new Error(`src/index.ts: an export this test does not read (export { … } from lists only): ${s.getText(indexSyntax).slice(0, 80)}`);
  }
  return [];
});
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

  it("type-check against the source", () => {
    // The library runs in browsers too: the blocks are checked without Node's types (and quicker
    // for it), with only a console to print to.
    const consoleDts = join(OUT, "console.d.ts");
    writeFileSync(consoleDts, "declare const console: { log(...data: unknown[]): void };\n");
    const program = ts.createProgram(
      [...files.map((f) => f.path), consoleDts],
      { strict: true, noEmit: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"], types: [], skipLibCheck: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true },
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
        return `${f?.block.file}:${(f?.block.line ?? 0) + line - head}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(errors).toEqual([]);
  }, 60_000);

  it.each(files.map((f) => [`${f.block.file}:${f.block.line}`, f.path] as const))("%s runs", async (_, path) => {
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const mod = (await import(path)) as { default: () => Promise<unknown> };
    await expect(mod.default()).resolves.toBeUndefined();
  });
});
