// A CliEnv for tests: captured output, a fixed clock, and node:fs unless a test replaces part of it.
import * as fs from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CliEnv, OutputFs } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { IsoDate } from "../../src/model/dates.js";

export const SEED = "seeds/wuzhi-2024.txt";
export const ROSTER = "seeds/wuzhi-2024.roster.json";
export const SCHEME = "seeds/wuzhi-2024.scheme.json";
export const LEDGER = "seeds/wuzhi-2024.ledger.sample.json";

export const tmp = (): string => mkdtempSync(join(tmpdir(), "fazhi-cli-"));

export interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the command line in this process with a fixed clock (today 2026-11-26 unless given). */
export const fazhi = (argv: readonly string[], options: { today?: string; fs?: Partial<OutputFs>; stdin?: string } = {}): Outcome => {
  let stdout = "";
  let stderr = "";
  const env: CliEnv = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    readStdin: () => options.stdin ?? "",
    today: () => IsoDate.parse(options.today ?? "2026-11-26"),
    stamp: () => "20261126T080000Z",
    fs: { ...fs, ...options.fs },
  };
  const code = run(argv, env);
  return { code, stdout, stderr };
};
