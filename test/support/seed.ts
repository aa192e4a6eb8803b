import { readFileSync } from "node:fs";

export const seedText = (): string => readFileSync(new URL("../../seeds/wuzhi-2024.txt", import.meta.url), "utf8");
export const seedJson = <T = unknown>(name: string): T => JSON.parse(readFileSync(new URL(`../../seeds/${name}`, import.meta.url), "utf8")) as T;
