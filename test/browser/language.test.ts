// The official register on the built site: the static HTML of every page (dist/*.html) and the
// rendered text of the main pages, in both models and modes, contain none of the forbidden terms
// and no rule codes (code samples excepted: they show the CLI's own vocabulary).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DIST } from "./build-site.ts";
import { describeSite } from "./harness.ts";
import { languageProblems } from "../helpers/terms.ts";

/** Visible text of an HTML file: scripts, styles and code samples removed, tags stripped. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style|code|pre|template)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

const PAGES = [
  "/",
  "/?rules=genopretning-2020",
  "/?rules=genopretning-2020&mode=restoration",
  "/kommuner",
  "/kommune/183",
  "/kommune/183?rules=genopretning-2020&mode=restoration",
  "/regler",
  "/hvad-hvis",
  "/breve",
  "/breve?rules=genopretning-2020&mode=restoration",
  "/udforsk",
  "/data",
];

describeSite("the official register on the site", (site) => {
  test("no built page has a forbidden term or a rule code in its static text", () => {
    const files = readdirSync(DIST, { recursive: true, encoding: "utf-8" }).filter(
      (f) => f.endsWith(".html") && !f.startsWith("_"),
    );
    expect(files.length).toBeGreaterThan(5);
    const problems = files.flatMap((f) =>
      languageProblems(htmlText(readFileSync(join(DIST, f), "utf-8"))).map((p) => `${f}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  const pages = site.pages(PAGES);
  for (const route of PAGES) {
    test(`${route}: the rendered text speaks the official register`, async () => {
      const { page } = await pages.open(route);
      await page.locator("main h1, #observablehq-main h1").first().waitFor();
      const text = await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement;
        Array.from(body.querySelectorAll("code, pre, script, style, kbd, samp, textarea")).forEach((el) => el.remove());
        return body.innerText || body.textContent || "";
      });
      expect(text.length).toBeGreaterThan(200);
      expect(languageProblems(text)).toEqual([]);
    }, 120_000);
  }
});
