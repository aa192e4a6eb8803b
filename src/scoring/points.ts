/**
 * 把分值换算为百分之一分的整数。Points to integer hundredths (2.5 → 250).
 * @category Scoring
 * @example
 * toHundredths(2.5);
 * //=> 250
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
 */
export const formatPoints = (hundredths: number): string => {
  const sign = hundredths < 0 ? "-" : "";
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, "0").replace(/0$/, "")}`;
};

/** num / den rounded half away from zero, exactly (BigInt). den must be positive. */
export const divRound = (num: bigint, den: bigint): bigint => {
  if (den <= 0n) throw new RangeError("divRound: den must be positive");
  const neg = num < 0n;
  const n = neg ? -num : num;
  const q = (2n * n + den) / (2n * den);
  return neg ? -q : q;
};

/** Whether a number has at most two decimals (within float noise). */
export const isHundredths = (points: number): boolean => Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
