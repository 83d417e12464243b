// Every built page loads in chromium with no console error and no request leaving 127.0.0.1;
// the DuckDB path works offline; the overview never pays for DuckDB.
import { expect, test } from "vitest";
import { describeSite } from "./harness.ts";
import { builtRoutes } from "./routes.ts";

/**
 * The 98 municipality pages share one template: a sample covers it (the capital, the letter's
 * Ishøj, the smallest island, one per region); detail.test.ts checks all 98 were built.
 */
const SAMPLED_MUNICIPALITIES = new Set(["101", "183", "825", "751", "461", "851", "253"]);

describeSite("the built site", (site) => {
  const routes = builtRoutes(SAMPLED_MUNICIPALITIES);
  const pages = site.pages(routes);
  for (const route of routes) {
    test(`${route} loads cleanly, in Danish, with the synthetic-data banner linking to /data.html`, async () => {
      const { page, requests } = await pages.open(route);
      const h1 = page.locator("h1").first();
      expect(await page.locator("h1").count()).toBeGreaterThan(0);
      expect(await h1.isVisible()).toBe(true);
      expect((await h1.textContent())?.trim()).not.toBe("");
      expect(await page.getAttribute("html", "lang")).toBe("da");
      // The data banner says synthetic on every page and links to /data.html from any depth.
      const banner = page.locator("[data-testid=synthetic-banner]");
      await banner.waitFor();
      expect(await banner.textContent()).toContain("Syntetiske data");
      const target = new URL((await banner.locator("a").getAttribute("href"))!, page.url());
      expect(target.pathname).toBe("/data.html");
      expect((await page.request.get(target.href)).status()).toBe(200);
      if (route !== "/") return;
      // The overview shows data computed with the lib bundle and d3 (details in overview.test.ts),
      // and never pays for DuckDB.
      expect(await page.locator("[data-testid=heatmap] [data-municipality]").count()).toBe(98);
      expect(await page.textContent("[data-testid=flagged-count]")).toMatch(/^\d+$/);
      expect(await page.locator("form input[type=range]").count()).toBe(1);
      expect(requests.length).toBeGreaterThan(3);
      expect(requests.filter((r) => /\.wasm(\?|$)|duckdb/i.test(r.url)).map((r) => r.url)).toEqual([]);
    });
  }
  // The DuckDB path on /udforsk is tested in tools.test.ts.
});
