// Argument checks at the public boundary (internal: not exported from the index).
//
// A public function checks each argument against its schema before it starts, so that a wrong
// argument is a FazhiError (code invalid_argument) that names the function, the argument and the
// first problem — never a TypeError from deep inside, and never a result computed from garbage.
// A frozen object (everything the library returns, and what its readers return) is checked once
// per schema and remembered; an unfrozen one is checked on every call, since it may have changed.
import type * as z from "zod";
import { FazhiError } from "./diagnostic.js";
import { diagnosticsFromZod } from "./input.js";

const passed = new WeakMap<object, WeakSet<z.ZodType>>();

/** A value as it can be quoted in a message: short, and never throwing (String({ toString: 0 }) does). */
export const shown = (value: unknown): string => {
  let text: string | undefined;
  try {
    text = typeof value === "string" ? value : JSON.stringify(value);
  } catch {
    text = undefined;
  }
  text ??= Object.prototype.toString.call(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** The FazhiError for a bad argument: the function, the argument, and what is wrong with it. */
export const badArgument = (fn: string, name: string, zh: string, en: string): FazhiError =>
  new FazhiError("invalid_argument", `${fn}：参数 ${name} 不正确：${zh}`, `${fn}: bad argument ${name}: ${en}`);

/**
 * `value` if it matches `schema` (typed as the schema's output), else a {@link badArgument} error
 * that quotes the first schema issue with its path under `name`.
 */
export const argument = <T>(fn: string, name: string, schema: z.ZodType<T>, value: unknown): T => {
  const remember = typeof value === "object" && value !== null && Object.isFrozen(value);
  if (remember && passed.get(value)?.has(schema) === true) return value as T;
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = diagnosticsFromZod(r.error, [name])[0];
    throw badArgument(fn, name, first?.message ?? "不符合要求", first?.messageEn ?? "invalid value");
  }
  if (remember) {
    let schemas = passed.get(value);
    if (schemas === undefined) passed.set(value, (schemas = new WeakSet()));
    schemas.add(schema);
  }
  return value as T;
};

/** An options object: undefined (the defaults) or a plain object; anything else is a bad argument. */
export const optionsOf = <T extends object>(fn: string, value: T | undefined): Partial<T> => {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw badArgument(fn, "options", "应为对象", "must be an object");
  return value;
};
