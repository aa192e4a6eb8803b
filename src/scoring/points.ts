import type { Rounding } from "../model/scoring.js";

/**
 * 把分值换算为百分之一分的整数。Points to integer hundredths (2.5 → 250).
 * @category Scoring
 * @example
 * toHundredths(2.5);
 * //=> 250
 * toHundredths(0.29);
 * //=> 29
 */
export const toHundredths = (points: number): number => Math.round(points * 100);

/**
 * 把百分之一分的整数写成分值文字（两位小数，去掉多余的 0）。Hundredths as a points string.
 * @category Scoring
 * @example
 * formatPoints(8750);
 * //=> "87.5"
 * formatPoints(-200);
 * //=> "-2"
 * formatPoints(-5);
 * //=> "-0.05"
 */
export const formatPoints = (hundredths: number): string => {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}`;
};

/**
 * num / den rounded by a declared mode, exactly (BigInt); den must be positive. `half_up` rounds
 * a tie away from zero, `half_down` towards zero, `half_even` to the even neighbour; `down`
 * truncates towards zero, `up` away from zero.
 */
export const divide = (num: bigint, den: bigint, mode: Rounding = "half_up"): bigint => {
  if (den <= 0n) throw new RangeError("divide: den must be positive");
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = n / den;
  const r = n % den;
  let up: boolean;
  switch (mode) {
    case "down":
      up = false;
      break;
    case "up":
      up = r > 0n;
      break;
    case "half_up":
      up = 2n * r >= den && r > 0n;
      break;
    case "half_down":
      up = 2n * r > den;
      break;
    case "half_even":
      up = 2n * r > den || (2n * r === den && q % 2n === 1n);
      break;
    default: {
      const never: never = mode;
      return never;
    }
  }
  const m = up ? q + 1n : q;
  return neg ? -m : m;
};

/** num / den rounded half away from zero, exactly (BigInt). den must be positive. */
export const divRound = (num: bigint, den: bigint): bigint => divide(num, den, "half_up");

/** Whether a number has at most two decimals (within float noise). */
export const isHundredths = (points: number): boolean => Number.isFinite(points) && Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;

/** An exact rational n/d with d > 0. */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

/**
 * The exact decimal a finite number is written as (its shortest round-trip form, as JSON writes
 * it): 80.01 → 8001/100, 1e-7 → 1/10000000. So a value reported as 80.01 is exactly 80.01 here,
 * not the binary double nearest to it.
 */
export const decimalOf = (x: number): Ratio => {
  if (!Number.isFinite(x)) throw new RangeError(`decimalOf: ${x} is not finite`);
  const text = String(x);
  const [mantissa = "0", exp = "0"] = text.toLowerCase().split("e");
  const neg = mantissa.startsWith("-");
  const digits = neg ? mantissa.slice(1) : mantissa;
  const dot = digits.indexOf(".");
  const whole = dot === -1 ? digits : digits.slice(0, dot) + digits.slice(dot + 1);
  let scale = (dot === -1 ? 0 : digits.length - dot - 1) - Number(exp);
  let n = BigInt(whole);
  if (scale < 0) {
    n *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { n: neg ? -n : n, d: 10n ** BigInt(scale) };
};

export const ratioSub = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const ratioCompare = (a: Ratio, b: Ratio): number => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A ratio in hundredths (two decimals), rounded by the mode. */
export const ratioToHundredths = (r: Ratio, mode: Rounding): number => Number(divide(r.n * 100n, r.d, mode));

/** A ratio as a short decimal text (at most two decimals, rounded half up), for explanations. */
export const formatRatio = (r: Ratio): string => formatPoints(ratioToHundredths(r, "half_up"));
