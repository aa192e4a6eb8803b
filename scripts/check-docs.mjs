// Every public export must have TSDoc with an @example (typedoc checks that it is documented;
// this checks the example). Run by `npm run docs`.
import ts from "typescript";

const program = ts.createProgram(["src/index.ts"], { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();
const entry = program.getSourceFile("src/index.ts");
const missing = [];
for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(entry))) {
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
