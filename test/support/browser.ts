// Headless Chromium for the end-to-end tests (test/e2e, run by npm run test:e2e and, under
// CI=true, by npm test): where the browser is, how it is started, and opening a page with what it
// logged as errors and every address it asked for.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";

/** Debian's Chromium, where it is installed (.ci/run installs it). */
export const BROWSER = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
/** pdftotext (poppler-utils), for reading a printed PDF back. */
export const PDFTOTEXT = ["/usr/bin/pdftotext"].find((p) => existsSync(p));
/** Chromium's arguments: headless, and nothing that reaches the network by itself. */
export const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * Whether this machine has the tools a browser test needs (Debian package → path found or
 * undefined). When one is missing the test is skipped, saying why and how to install it, except
 * under CI=true, where a missing tool is an error.
 */
export const hasTools = (what: string, tools: Readonly<Record<string, string | undefined>>): boolean => {
  const missing = Object.keys(tools).filter((pkg) => tools[pkg] === undefined);
  if (missing.length === 0) return true;
  const why = `${what} needs ${missing.join(" and ")}: apt-get install -y ${missing.join(" ")} fonts-noto-cjk`;
  if (process.env.CI === "true") throw new Error(`CI: ${why}`);
  console.warn(`[skipped] ${why}`);
  return false;
};

/** Open a local HTML file at a desktop size, recording console errors, page errors and requests. */
export const openPage = async (browser: Browser, file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
};
