// Accessibility (issue 13, WCAG 2.1 AA): axe-core's WCAG 2 A + AA rules on every built page (and a
// sample of the municipality pages) in light and in dark mode. The rest of the accessibility tests
// (reflow, keyboard paths) are in a11y.test.ts.
//
// One page load per page serves both colour schemes: the site's dark theme is CSS alone
// (`prefers-color-scheme` media queries, no script reads the scheme, no colour transitions), so
// switching the emulated scheme restyles the loaded page exactly as loading it dark would. The test
// checks that the switch took effect before it runs axe again.
import { createRequire } from "node:module";
import type * as Axe from "axe-core";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { SAMPLED_MUNICIPALITIES, settled } from "./a11y-pages.ts";
import { describeSite } from "./harness.ts";
import { builtRoutes } from "./routes.ts";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Run axe-core (from node_modules, never a CDN) on the page; serious and critical findings only. */
async function axeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: typeof Axe }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.slice(0, 8).map((n) => n.target.join(" ")),
      }));
  }, WCAG_TAGS);
}

function report(findings: AxeFinding[]): string {
  return findings.map((f) => `${f.impact} ${f.id} (${f.help}):\n    ${f.targets.join("\n    ")}`).join("\n");
}

/** The scheme the page's CSS sees, and the body's computed colours under it. */
function shownScheme(page: Page): Promise<{ dark: boolean; colors: string }> {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    return {
      dark: matchMedia("(prefers-color-scheme: dark)").matches,
      colors: `${body.color} on ${body.backgroundColor}`,
    };
  });
}

describeSite("accessibility: axe-core", (site) => {
  const routes = builtRoutes(SAMPLED_MUNICIPALITIES);

  test("the sample covers the pages the issue names", () => {
    for (const route of ["/", "/kommune/183", "/kommune/101", "/kommune/825", "/regler", "/data", "/breve"])
      expect(routes).toContain(route);
    for (const route of ["/hvad-hvis", "/kommuner", "/udforsk"]) expect(routes).toContain(route);
  });

  const pages = site.pages(routes, { colorScheme: "light" });
  for (const route of routes) {
    test(`axe WCAG 2.1 A/AA, light and dark: ${route}`, async () => {
      const { page } = await pages.open(route);
      await settled(page);
      const lightScheme = await shownScheme(page);
      const light = await axeViolations(page);
      await page.emulateMedia({ colorScheme: "dark" });
      const darkScheme = await shownScheme(page);
      expect(lightScheme.dark, `${route} is light before the switch`).toBe(false);
      expect(darkScheme.dark, `${route} sees the dark scheme after the switch`).toBe(true);
      expect(darkScheme.colors, `${route}: the dark theme restyled the page`).not.toBe(lightScheme.colors);
      const dark = await axeViolations(page);
      // Both schemes' findings in one report, so that a failure shows all of them at once.
      expect(
        { light, dark },
        `serious/critical axe findings on ${route}:\nlight:\n${report(light)}\ndark:\n${report(dark)}`,
      ).toEqual({ light: [], dark: [] });
    });
  }
});
