// Opening a page in headless Chromium for the end-to-end tests: what the page logged as errors
// and every address it asked for are returned with it.
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";

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
