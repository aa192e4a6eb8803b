// Every public export must have TSDoc with an @example (typedoc checks that it is documented;
// this checks the example). Run by `npm run docs`.
import ts from "typescript";

const entries = ["src/index.ts", "src/docx/index.ts"];
const program = ts.createProgram(entries, { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();
const missing = [];
for (const exported of entries.flatMap((e) => checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(e))))) {
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const hasExample = (symbol.declarations ?? []).some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "example") || ts.getAllJSDocTags(d, (t) => t.tagName.text === "example").length > 0);
  // A schema and its inferred type share a name: the example on the schema covers both.
  if (!hasExample) missing.push(exported.name);
}
if (missing.length > 0) {
  console.error(`Exports without an @example in their TSDoc:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log("check-docs: every export has an @example");
