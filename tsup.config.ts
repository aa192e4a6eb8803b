import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: platform-neutral (Node ≥ 18 and browsers), ESM + CJS + .d.ts.
    // fazhi/docx is its own entry, so the core bundle (dist/index.*) carries no zip or XML library;
    // fflate and saxes stay external (package dependencies), shared code is split into chunks.
    entry: { index: "src/index.ts", docx: "src/docx/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    outDir: "dist",
  },
  {
    // The fazhi command: Node only, ESM, with a shebang.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    sourcemap: true,
    target: "node18",
    platform: "node",
    outDir: "dist",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
