/**
 * Deep-freeze plain data (objects and arrays) in place and return it. Already-frozen branches
 * are skipped, so freezing a value that shares frozen parts costs only the new parts.
 */
export const deepFreeze = <T>(value: T): T => {
  if (value === null || typeof value !== "object" || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === "object" && v !== null) deepFreeze(v);
  } else {
    for (const key in value) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === "object" && v !== null) deepFreeze(v);
    }
  }
  return value;
};
