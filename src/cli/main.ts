// The fazhi command (the package's bin): the only code that reads files, the clock or the
// environment. The command line itself is in run.ts, each command in commands/.
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { run } from "./run.js";

export { run };

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
