// Messages of the fazhi command: every one in Chinese with the English beside, and the error that
// carries them to an exit code.

/** A message in Chinese with its English beside. */
export interface Text {
  readonly zh: string;
  readonly en: string;
}
export const text = (zh: string, en: string): Text => ({ zh, en });
/** One line: `中文 / English`. */
export const line = (m: Text): string => `${m.zh} / ${m.en}`;

/** Exit codes: 0 ok, 1 invalid input or a failure to read or write, 2 a usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** An error the command reports with its own message (no stack) and exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: 1 | 2,
    readonly lines: readonly string[],
  ) {
    super(lines.join("\n"));
  }
}

/**
 * A usage error (exit 2): every problem found, then the command's usage line and where to read
 * its help.
 */
export const usageError = (problems: readonly Text[], command?: { readonly name: string; readonly usage: string }): CliError =>
  new CliError(EXIT.usage, [
    `用法错误 Usage error${command !== undefined ? `（fazhi ${command.name}）` : ""}：`,
    ...problems.map((p) => `  ${line(p)}`),
    ...(command !== undefined
      ? [`用法 Usage: ${command.usage}`, `帮助 Help: fazhi help ${command.name}`]
      : ["帮助 Help: fazhi help"]),
  ]);

/** Input that cannot be used, or a file that cannot be read or written (exit 1). */
export const failure = (...lines: readonly (string | Text)[]): CliError =>
  new CliError(EXIT.failed, lines.flatMap((l) => (typeof l === "string" ? [l] : [l.zh, l.en])));

/** The first `max` lines, then `……另有N条 / N more` (or another measure word) when some were left out. */
export const capped = (lines: readonly string[], max = 20, measure = "条"): string[] =>
  lines.length <= max ? [...lines] : [...lines.slice(0, max), `  ……另有${lines.length - max}${measure} / ${lines.length - max} more`];
