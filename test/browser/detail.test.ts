// The detail pages: /kommune/CODE (all 98 built), /regler with its "explain this case" widget,
// and /data. Verdicts shown are checked against the CLI on the same data.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { cliEvaluate } from "../helpers/cli.ts";
import { MUNICIPALITIES } from "../../lib/index.ts";
import { DIST, PROJECT } from "./build-site.ts";
import { describeSite } from "./harness.ts";

const DATA = "data/synthetic/measurements.csv";

/** The latest standard half-year covered by the data file (the site's default period). */
function latestHalfYear(): string {
  const months = readFileSync(join(PROJECT, DATA), "utf-8")
    .split("\n")
    .slice(1)
    .map((l) => l.split(",")[4])
    .filter((m): m is string => !!m && /^\d{4}-\d{2}$/.test(m))
    .sort();
  const last = months[months.length - 1]!;
  const year = Number(last.slice(0, 4));
  const month = Number(last.slice(5, 7));
  return month === 12 ? `${year}H2` : month >= 6 ? `${year}H1` : `${year - 1}H2`;
}

describeSite("detail pages", (site) => {
  test("dist holds one page per municipality (98)", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    const missing = MUNICIPALITIES.filter((m) => !existsSync(join(DIST, "kommune", `${m.code}.html`))).map(
      (m) => m.code,
    );
    expect(missing).toEqual([]);
  });

  test("/kommune/183 shows the verdict, the trace and the 2020-model timeline", async () => {
    const { page } = await site.open("/kommune/183");
    await page.locator("[data-testid=trace]").waitFor();
    expect(await page.locator("h1").first().textContent()).toContain("Ishøj");
    const trace = page.locator("[data-testid=trace]");
    expect(await trace.locator("table.trace-table tbody tr").count()).toBeGreaterThanOrEqual(6);
    const timeline = page.locator("[data-testid=timeline]");
    await timeline.waitFor();
    const text = (await timeline.textContent()) ?? "";
    expect(text).toMatch(
      /Løbende monitorering|Henvendelse|Genopretningsplan krævet|Borgmesteren kan indkaldes|Afsluttet/,
    );
    expect(await timeline.locator(".timeline-step").count()).toBeGreaterThan(5);
    const link = page.locator("[data-testid=letter-link]");
    expect(await link.getAttribute("href")).toContain("municipality=183");
    // Every standard half-year 2021–2025 under both rule sets, one row each.
    expect(await page.locator("[data-testid=history-opfoelgning-2024] tbody tr").count()).toBe(10);
    expect(await page.locator("[data-testid=history-genopretning-2020] tbody tr").count()).toBe(10);
    // Small multiples: the two aggregates and every group with a requirement (9 + 4).
    expect(await page.locator("figure.small-multiple").count()).toBe(15);
    expect(await page.locator("figure.small-multiple svg[aria-label]").count()).toBe(15);
  });

  const codes = ["183", "101", "825", "573"];
  const municipalityPages = site.pages(codes.map((code) => `/kommune/${code}`));
  for (const code of codes) {
    test(`/kommune/${code} shows the CLI's verdict for the default period`, async () => {
      const period = latestHalfYear();
      const doc = await cliEvaluate("--rules", "opfoelgning-2024", "--period", period);
      const expected = doc.municipalities.find((m) => m.code === code);
      expect(expected, `CLI has ${code}`).toBeDefined();
      const { page } = await municipalityPages.open(`/kommune/${code}`);
      const verdict = page.locator("[data-testid=municipality-verdict]");
      await verdict.waitFor();
      expect(await verdict.getAttribute("data-period")).toBe(period);
      expect(await verdict.getAttribute("data-rules")).toBe("opfoelgning-2024");
      expect(await verdict.getAttribute("data-status")).toBe(expected!.status);
      // Each criterion's trace carries the same status as the CLI's.
      const shown = await page.$$eval("[data-testid=trace] .trace-criterion", (ns) =>
        ns.map((n) => [n.getAttribute("data-criterion"), n.getAttribute("data-status")]),
      );
      const cli = (expected as unknown as { criteria: { id: string; status: string }[] }).criteria.map((c) => [
        c.id,
        c.status,
      ]);
      expect(shown).toEqual(cli);
    });
  }

  test("/kommune/326 follows the URL: 2020 model, another period, and a click in the history table", async () => {
    const doc = await cliEvaluate("--rules", "genopretning-2020", "--period", "2022-09..2022-11");
    const expected = doc.municipalities.find((m) => m.code === "326")!;
    const { page } = await site.open("/kommune/326?rules=genopretning-2020&period=2022-09..2022-11");
    const verdict = page.locator("[data-testid=municipality-verdict]");
    await verdict.waitFor();
    expect(await verdict.getAttribute("data-rules")).toBe("genopretning-2020");
    expect(await verdict.getAttribute("data-status")).toBe(expected.status);
    const h1 = await cliEvaluate("--rules", "opfoelgning-2024", "--period", "2025H1");
    await page.locator("[data-testid=history-opfoelgning-2024] tr[data-period='2025H1'] a").first().click();
    await page.waitForFunction(
      () => document.querySelector("[data-testid=municipality-verdict]")?.getAttribute("data-period") === "2025H1",
    );
    expect(await verdict.getAttribute("data-status")).toBe(h1.municipalities.find((m) => m.code === "326")!.status);
    expect(new URL(page.url()).searchParams.get("period")).toBe("2025H1");
  });

  test("/regler: Table 1 and both rule sets come from lib; the case widget applies the strict rule", async () => {
    const { page } = await site.open("/regler");
    expect(await page.locator("[data-testid=table-1] tbody tr").count()).toBe(10);
    // innerText: the text as rendered (the markup's line breaks collapse to spaces)
    expect(await page.locator("[data-testid=table-1] tr[data-group=dagpenge]").innerText()).toContain(
      "fra januar 2024: 3",
    );
    expect(await page.locator("[data-testid=verdict-order] li").count()).toBe(4);
    const widget = page.locator("[data-testid=case-widget]");
    const shares = ["25,0", "30,5", "21,1", "22,0", "40,0", "20,1"];
    for (const [i, share] of shares.entries()) {
      await widget.locator(`[data-testid=case-population-${i + 1}]`).fill("50");
      await widget.locator(`[data-testid=case-without-${i + 1}]`).fill("");
      await widget.locator(`[data-testid=case-share-${i + 1}]`).fill(share);
    }
    const verdict = widget.locator("[data-testid=case-verdict]");
    expect(await verdict.textContent()).toContain("Udpeget");
    expect(await verdict.getAttribute("data-status")).toBe("flagged");
    expect(await widget.locator("[data-testid=case-explanation]").textContent()).toContain("20,1\u00a0%");
    await widget.locator("[data-testid=case-share-3]").fill("20,0");
    expect(await verdict.textContent()).toContain("Ikke udpeget");
    expect(await widget.locator("[data-testid=case-explanation]").textContent()).toContain("20,0\u00a0%");
    // Counts decide exactly: 7 of 35 is 20 % (not over); 8 of 35 is over.
    await widget.locator("[data-testid=case-population-3]").fill("35");
    await widget.locator("[data-testid=case-without-3]").fill("8");
    await widget.locator("[data-testid=case-share-3]").fill("");
    expect(await verdict.getAttribute("data-status")).toBe("flagged");
    await widget.locator("[data-testid=case-without-3]").fill("7");
    expect(await verdict.getAttribute("data-status")).toBe("compliant");
    // A bad field is named in Danish and nothing is evaluated.
    await widget.locator("[data-testid=case-share-2]").fill("abc");
    expect(await widget.locator("[data-testid=case-messages]").textContent()).toContain("Måned 2");
    expect(await widget.locator("[data-testid=case-verdict]").count()).toBe(0);
    // Too few persons in one month: not covered.
    await widget.locator("[data-testid=case-share-2]").fill("30,5");
    await widget.locator("[data-testid=case-population-5]").fill("9");
    expect(await verdict.getAttribute("data-status")).toBe("not-covered");
  });

  test("/data shows provenance checked against the served file, the format and downloads", async () => {
    const { page } = await site.open("/data");
    const provenance = page.locator("[data-testid=provenance]");
    await provenance.waitFor();
    const manifest = JSON.parse(readFileSync(join(PROJECT, "data/synthetic/manifest.json"), "utf-8")) as {
      sha256: string;
      rows: number;
    };
    expect(await provenance.getAttribute("data-synthetic")).toBe("true");
    expect(await provenance.getAttribute("data-hash-ok")).toBe("true");
    expect(await provenance.getAttribute("data-rows")).toBe(String(manifest.rows));
    expect(await provenance.textContent()).toContain(manifest.sha256);
    expect(await page.locator("[data-testid=format-table] tbody tr").count()).toBe(8);
    const hrefs = await page.$$eval("[data-testid=downloads] a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
    const ishoej = await page.request.get(hrefs[1]!);
    expect(await ishoej.text()).toBe(readFileSync(join(PROJECT, "data/reference/ishoej-2022-09-11.csv"), "utf-8"));
    expect(await page.textContent("body")).toContain("JOBINDSATS_TOKEN");
  });

  test("dark mode: /kommune/183 and /regler render", async () => {
    const { page } = await site.open("/kommune/183");
    await page.emulateMedia({ colorScheme: "dark" });
    await page.locator("[data-testid=timeline]").waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    const rules = await site.open("/regler");
    await rules.page.emulateMedia({ colorScheme: "dark" });
    expect(await rules.page.locator("[data-testid=case-verdict]").getAttribute("data-status")).toBe("flagged");
    expect(await rules.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(
      "rgb(255, 255, 255)",
    );
  });
});
