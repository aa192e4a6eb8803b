// Small helpers for the Chinese wording of score cards.
import type { IsoDate } from "../model/dates.js";

/** 2024-06-30 → 2024年6月30日. */
export const dateZh = (d: IsoDate | string): string => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
