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
  for (const route of builtRoutes(SAMPLED_MUNICIPALITIES)) {
    test(`${route} loads cleanly`, async () => {
      const { page } = await site.open(route);
      await expect(page.locator("h1").first()).toBeTruthy();
      expect((await page.locator("h1").first().textContent())?.trim()).not.toBe("");
      expect(await page.getAttribute("html", "lang")).toBe("da");
    });
  }

  test("/ shows data computed with the lib bundle and d3 (the overview; details in overview.test.ts)", async () => {
    const { page } = await site.open("/");
    expect(await page.locator("[data-testid=heatmap] [data-municipality]").count()).toBe(98);
    expect(await page.textContent("[data-testid=flagged-count]")).toMatch(/^\d+$/);
    expect(await page.locator("form input[type=range]").count()).toBe(1);
  });

  test("/ never fetches DuckDB", async () => {
    const { requests } = await site.open("/");
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((r) => /\.wasm(\?|$)|duckdb/i.test(r.url)).map((r) => r.url)).toEqual([]);
  });
  test("the data banner says synthetic on every sampled page and links to /data from any depth", async () => {
    for (const route of ["/", "/kommune/183", "/regler"]) {
      const { page } = await site.open(route);
      const banner = page.locator("[data-testid=synthetic-banner]");
      await banner.waitFor();
      expect(await banner.textContent()).toContain("Syntetiske data");
      const href = await banner.locator("a").getAttribute("href");
      const target = new URL(href!, page.url());
      expect(target.pathname).toBe("/data.html");
      expect((await page.request.get(target.href)).status()).toBe(200);
    }
  });
  // The DuckDB path on /udforsk is tested in tools.test.ts.
});
