import { fc } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Rounding } from "../../src/model/scoring.js";
import { decimalOf, divRound, divide, formatPoints, formatRatio, isHundredths, ratioCompare, ratioSub, ratioToHundredths, toHundredths } from "../../src/scoring/points.js";
import { scoreUnits } from "../../src/scoring/score.js";
import { ScoringScheme } from "../../src/model/scoring.js";
import { ledgerOf } from "../support/small-world.js";
import { ROUNDINGS, roundDiv, w } from "./arbitraries.js";

const RUNS = Number(process.env.FAZHI_PROP_RUNS ?? 100);

describe("points in hundredths", () => {
  it("formatPoints: negatives, zero, whole, one and two decimals", () => {
    expect([0, 100, -200, 250, -250, 257, 5, -5, 10, 1234567].map(formatPoints)).toEqual(["0", "1", "-2", "2.5", "-2.5", "2.57", "0.05", "-0.05", "0.1", "12345.67"]);
  });

  it("toHundredths is exact for two-decimal points that float arithmetic gets wrong (0.29 × 100 = 28.999…)", () => {
    expect([0.29, 0.57, 2.25, 1.15, 4.35, 0.07, -0.29].map(toHundredths)).toEqual([29, 57, 225, 115, 435, 7, -29]);
  });

  it("decimalOf reads a value as it is written (80.01 is 8001/100, 1e-7 is 1/10⁷)", () => {
    expect(decimalOf(80.01)).toEqual({ n: 8001n, d: 100n });
    expect(decimalOf(-0.5)).toEqual({ n: -5n, d: 10n });
    expect(decimalOf(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(decimalOf(1.5e21)).toEqual({ n: 1500000000000000000000n, d: 1n });
  });

  it("divide: ties at .5 under every rounding mode, both signs", () => {
    const at = (n: bigint) => ROUNDINGS.map((m) => Number(divide(n, 2n, m)));
    // 5/2 = 2.5: half_up 3, half_even 2, half_down 2, down 2, up 3.
    expect(at(5n)).toEqual([3, 2, 2, 2, 3]);
    // 7/2 = 3.5: half_even 4.
    expect(at(7n)).toEqual([4, 4, 3, 3, 4]);
    // −5/2 = −2.5: away from zero is −3.
    expect(at(-5n)).toEqual([-3, -2, -2, -2, -3]);
    expect(() => divide(1n, 0n)).toThrow(RangeError);
  });
});

// divide against an independent oracle (plain integer arithmetic), with ties made common.
const divideLaw = (impl: (n: bigint, d: bigint, m: Rounding) => bigint) =>
  fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 400 }), fc.boolean(), fc.constantFrom(...ROUNDINGS), (q, d, tie, mode) => {
    const den = tie ? 2 * d : d;
    const num = tie ? q * den + d : q;
    expect(Number(impl(BigInt(num), BigInt(den), mode))).toBe(roundDiv(num, den, mode));
  });

// A rate clause whose deduction is per × gap: with odd hundredths per point and a gap of x.5
// points the exact amount ends in half a hundredth, and the scheme's rounding decides it.
const tieScheme = (per: number, rounding: Rounding) =>
  ScoringScheme.parse({
    id: "t", title: "舍入", total: 100, normalise: false, rounding,
    areas: [{ id: "a", name: "甲", points: 100 }],
    indicators: [{ id: "r", name: "率", area: "a", points: 100, appliesTo: {}, floor: { kind: "none" }, methods: [{ kind: "rate", metric: "率", bound: "at_least", target: 100, per }] }],
    grades: [{ name: "优秀", min: 90 }], lowestGrade: "不合格",
  });
type Score = (scheme: ScoringScheme, value: number) => number;
const realScore: Score = (scheme, value) =>
  scoreUnits({ plan: w.plan, roster: w.roster, matrix: w.matrix, scheme, ledger: ledgerOf([{ id: "m", unitId: "sfj", date: "2024-06-01", kind: "measure", metric: "率", value }]), asOf: w.asOf }).find((c) => c.unitId === "sfj")!.total;
const tieLaw = (score: Score) =>
  fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9999 }), fc.constantFrom(...ROUNDINGS), (perH, valueH, mode) => {
    const per = perH / 100;
    const value = valueH / 100; // two decimals; the gap 100 − value has two decimals too
    const gapH = 10000 - valueH;
    // deduction in hundredths = per (hundredths) × gap (hundredths of a point) / 100, rounded by the mode
    expect(score(tieScheme(per, mode), value)).toBe(10000 - roundDiv(perH * gapH, 100, mode));
  });
const flip: Record<Rounding, Rounding> = { half_up: "half_down", half_down: "half_up", half_even: "half_up", down: "up", up: "down" };

describe("exact rounding, under every declared mode (properties, each shown to fail on a broken version)", () => {
  it("divide agrees with an independent oracle, ties included", () => {
    fc.assert(divideLaw(divide), { numRuns: RUNS * 5 });
    expect(fc.check(divideLaw((n, d, m) => divide(n, d, flip[m])), { numRuns: 500 }).failed).toBe(true);
  });

  it("a rate's deduction with two-decimal points and ties at .5 is rounded as the scheme declares", () => {
    fc.assert(tieLaw(realScore), { numRuns: RUNS });
    const broken: Score = (scheme, value) => realScore({ ...scheme, rounding: flip[scheme.rounding ?? "half_up"] }, value);
    expect(fc.check(tieLaw(broken), { numRuns: 300 }).failed).toBe(true);
  });
});

describe("points helpers at their edges", () => {
  it("divide refuses a zero or negative denominator, saying so", () => {
    expect(() => divide(1n, 0n)).toThrow("divide: den must be positive");
    expect(() => divide(1n, -3n, "down")).toThrow("divide: den must be positive");
    expect(divide(0n, 7n, "up")).toBe(0n);
    expect(divide(-1n, 3n, "up")).toBe(-1n);
    expect(divide(-1n, 3n, "down")).toBe(0n);
  });

  it("divide rounds half up (away from zero) when no mode is given", () => {
    expect([divide(5n, 2n), divide(-5n, 2n), divide(7n, 4n)]).toEqual([3n, -3n, 2n]);
  });

  it("divRound rounds a tie away from zero", () => {
    expect([divRound(5n, 2n), divRound(-5n, 2n), divRound(4n, 3n), divRound(5n, 3n)]).toEqual([3n, -3n, 1n, 2n]);
  });

  it("isHundredths: two decimals and float noise yes; a third decimal, NaN and infinities no", () => {
    expect([0.29, 0.57, 2.25, -1.15, 80.01, 0, 1e9 + 0.01].map(isHundredths)).toEqual([true, true, true, true, true, true, true]);
    // 1e-8 is off by exactly the float tolerance (1e-6 of a hundredth): still not two decimals.
    expect([1e-8, 0.001, 0.295, -0.005, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(isHundredths)).toEqual([false, false, false, false, false, false, false]);
  });

  it("decimalOf reads exponents both ways and refuses what is not finite", () => {
    expect(decimalOf(2.5e-7)).toEqual({ n: 25n, d: 100000000n });
    expect(decimalOf(-1.25e-8)).toEqual({ n: -125n, d: 10000000000n });
    expect(decimalOf(1e21)).toEqual({ n: 1000000000000000000000n, d: 1n });
    expect(decimalOf(120)).toEqual({ n: 120n, d: 1n });
    expect(decimalOf(0)).toEqual({ n: 0n, d: 1n });
    expect(() => decimalOf(Number.NaN)).toThrow("decimalOf: NaN is not finite");
    expect(() => decimalOf(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("ratios: exact difference, comparison both ways and equal, hundredths by the mode, short text", () => {
    const a = decimalOf(80.01);
    const b = decimalOf(79.5);
    expect(ratioSub(a, b)).toEqual({ n: 510n, d: 1000n }); // 80.01 − 79.5 = 0.51, exactly
    expect([ratioCompare(a, b), ratioCompare(b, a), ratioCompare(a, { n: 160020n, d: 2000n })]).toEqual([1, -1, 0]);
    const third = { n: 1n, d: 3n };
    const tie = { n: 1n, d: 200n }; // 0.005: half a hundredth
    expect([ratioToHundredths(third, "down"), ratioToHundredths(third, "up"), ratioToHundredths(tie, "half_up"), ratioToHundredths(tie, "half_down"), ratioToHundredths(tie, "half_even")]).toEqual([33, 34, 1, 0, 0]);
    expect([formatRatio(third), formatRatio(tie), formatRatio({ n: -5n, d: 2n }), formatRatio({ n: 7n, d: 1n })]).toEqual(["0.33", "0.01", "-2.5", "7"]);
  });
});
