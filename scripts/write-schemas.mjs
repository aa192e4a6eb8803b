// Writes one JSON Schema file per model into schemas/ (shipped in the package as fazhi/schemas/*),
// plus fazhi.schema.json with every model under $defs, each with its $id. Runs after tsup, from the
// built package.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { MODEL_NAMES, schemaFileName, toJsonSchema } from "../dist/index.js";

const dir = new URL("../schemas/", import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const write = (file, doc) => {
  // The $id names the file's published address; a mismatch would point validators elsewhere.
  if (typeof doc.$id !== "string" || !doc.$id.endsWith(`/schemas/${file}`)) throw new Error(`${file}: $id ${doc.$id} does not name this file`);
  writeFileSync(new URL(file, dir), `${JSON.stringify(doc, null, 2)}\n`);
};
for (const name of MODEL_NAMES) write(schemaFileName(name), toJsonSchema(name));
write("fazhi.schema.json", toJsonSchema());
console.log(`schemas/: ${MODEL_NAMES.length + 1} files`);
