// The command line of one command: options declared as data, read with node:util's parseArgs in
// its lenient mode, so that every problem (unknown options, missing values, missing options and
// files) is found and reported at once, in our own bilingual words.
import { parseArgs } from "node:util";
import { closestWord } from "../text/distance.js";
import { type Text, text } from "./messages.js";

/** One option of a command. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The value's placeholder in help, e.g. `r.json`. */
  readonly value?: string;
  readonly help: Text;
  /** Whether the command needs it (reported with every other missing option). */
  readonly required?: boolean;
}

/** A positional argument of a command. */
export interface PositionalSpec {
  readonly name: string;
  readonly help: Text;
  readonly required?: boolean;
}

/** What a command was given. */
export interface Args {
  readonly positionals: readonly string[];
  /** A string option's value, or undefined when it was not given. */
  readonly string: (name: string) => string | undefined;
  /** Whether a boolean option was given. */
  readonly flag: (name: string) => boolean;
}

/** `--name <value>` as help and usage lines write it. */
export const optionSyntax = (name: string, spec: OptionSpec): string =>
  `--${name}${spec.type === "string" ? ` ${spec.value ?? "<value>"}` : ""}`;

/** Every command takes --help (-h). */
export const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", help: text("显示本命令的帮助", "show this command's help") };

/**
 * Read `argv` against a command's options and positionals. Returns the arguments, whether help
 * was asked for, and every problem found (empty when the command can run).
 */
export const readArgs = (
  argv: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  positionals: readonly PositionalSpec[],
): { readonly args: Args; readonly help: boolean; readonly problems: readonly Text[] } => {
  const specs: Readonly<Record<string, OptionSpec>> = { ...options, help: HELP_OPTION };
  const config = Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, s.short !== undefined ? { type: s.type, short: s.short } : { type: s.type }]));
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const problems: Text[] = [];
  const values = new Map<string, string | true>();
  const given: string[] = [];
  /** The word after a misspelt option that takes a value is that value, not an argument (--rooster r.json). */
  let valueOfUnknown = false;
  for (const token of tokens) {
    const skip = valueOfUnknown;
    valueOfUnknown = false;
    if (token.kind === "positional" && !skip) given.push(token.value);
    if (token.kind !== "option") continue;
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) {
      const meant = token.rawName.startsWith("--") ? closestWord(token.name, Object.keys(specs)) : undefined;
      valueOfUnknown = meant !== undefined && specs[meant]?.type === "string" && token.value === undefined;
      problems.push(
        meant !== undefined
          ? text(`未知选项 ${token.rawName}；是否指 --${meant}？`, `unknown option ${token.rawName}; did you mean --${meant}?`)
          : text(`未知选项 ${token.rawName}`, `unknown option ${token.rawName}`),
      );
      continue;
    }
    if (values.has(token.name)) problems.push(text(`选项 --${token.name} 给出了不止一次`, `option --${token.name} is given more than once`));
    if (spec.type === "boolean") {
      if (token.value !== undefined) problems.push(text(`选项 --${token.name} 不带值：${token.rawName}=${token.value}`, `option --${token.name} takes no value: ${token.rawName}=${token.value}`));
      values.set(token.name, true);
    } else if (token.value === undefined || (token.inlineValue !== true && token.value.startsWith("--"))) {
      problems.push(text(`选项 ${optionSyntax(token.name, spec)} 缺少值`, `option ${optionSyntax(token.name, spec)} needs a value`));
    } else values.set(token.name, token.value);
  }
  const help = values.has("help");
  positionals.forEach((p, i) => {
    if (p.required === true && given[i] === undefined) problems.push(text(`缺少参数 ${p.name}（${p.help.zh}）`, `missing argument ${p.name} (${p.help.en})`));
  });
  for (const [name, spec] of Object.entries(options)) {
    if (spec.required === true && !values.has(name)) problems.push(text(`缺少选项 ${optionSyntax(name, spec)}（${spec.help.zh}）`, `missing option ${optionSyntax(name, spec)} (${spec.help.en})`));
  }
  for (const extra of given.slice(positionals.length)) problems.push(text(`多余的参数：${extra}`, `unexpected argument: ${extra}`));
  const args: Args = {
    positionals: given,
    string: (name) => {
      const v = values.get(name);
      return typeof v === "string" ? v : undefined;
    },
    flag: (name) => values.get(name) === true,
  };
  return { args, help, problems };
};
