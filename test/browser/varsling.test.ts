// The early-warning page /varsling and the municipality page's Udsigt box (docs/rules.md §3.6): the counts,
// the at-risk list in closeness order with each sentence, and extraNeeded equal what
// `evaluate --as-of` prints for the same data and parameters; the as-of control and the threshold
// repaint in place and follow the URL.
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { runCli, SYNTHETIC } from "../helpers/cli.ts";
import { describeSite } from "./harness.ts";

interface Doc {
  asOf: string;
  municipalities: {
    code: string;
    outlook: string;
    criteria: { id: string; outlook: string; extraNeeded: (number | null)[] }[];
  }[];
}

async function cliOutlook(asOf: string, ...args: string[]): Promise<Doc> {
  const r = await runCli(
    "evaluate",
    "--input",
    SYNTHETIC,
    "--period",
    "2025H2",
    "--as-of",
    asOf,
    "--format",
    "json",
    ...args,
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

function countOf(doc: Doc, outlook: string): number {
  return doc.municipalities.filter((m) => m.outlook === outlook).length;
}

async function digits(page: Page, testId: string): Promise<number> {
  const text = (await page.textContent(`[data-testid=${testId}]`))?.trim() ?? "";
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

async function expectPageMatches(page: Page, doc: Doc): Promise<void> {
  expect(await digits(page, "at-risk-count")).toBe(countOf(doc, "at-risk"));
  expect(await digits(page, "safe-count")).toBe(countOf(doc, "safe"));
  expect(await digits(page, "no-data-yet-count")).toBe(countOf(doc, "no-data-yet"));
  const listed = await page.$$eval("[data-testid=at-risk-list] > li[data-code]", (els) =>
    els.map((e) => e.getAttribute("data-code") ?? ""),
  );
  expect([...listed].sort()).toEqual(
    doc.municipalities
      .filter((m) => m.outlook === "at-risk")
      .map((m) => m.code)
      .sort(),
  );
  // extraNeeded per at-risk criterion and month, as the CLI computed it.
  for (const code of listed.slice(0, 5)) {
    const m = doc.municipalities.find((x) => x.code === code)!;
    for (const c of m.criteria.filter((x) => x.outlook === "at-risk")) {
      const cells = await page.$$eval(
        `[data-testid=at-risk-list] > li[data-code="${code}"] [data-criterion="${c.id}"] [data-testid=extra-needed]`,
        (els) => els.map((e) => e.textContent?.trim() ?? ""),
      );
      expect(cells).toEqual(c.extraNeeded.map((x) => (x === null ? "–" : String(x))));
    }
  }
}

describeSite("Varsling", (site) => {
  test("counts, list and extraNeeded equal the CLI's as of 2025-09; sentences say what one month must reach", async () => {
    const { page } = await site.open("/varsling?period=2025H2&asof=2025-09");
    const doc = await cliOutlook("2025-09");
    expect(countOf(doc, "at-risk")).toBeGreaterThan(0);
    await expectPageMatches(page, doc);
    const sentences = await page.$$eval("[data-testid=at-risk-list] [data-testid=outlook-sentence]", (els) =>
      els.map((e) => e.textContent ?? ""),
    );
    for (const s of sentences)
      expect(s).toMatch(/^I risiko for udpegning: .*Højst \d+ af \d+ borgere uden .* i én måned/);
    const figures = await page.locator("[data-testid=at-risk-multiples] figure").count();
    expect(figures).toBeGreaterThanOrEqual(countOf(doc, "at-risk"));
    expect(await page.locator("[data-testid=at-risk-multiples] svg[aria-label]").count()).toBe(figures);
    const calendar = (await page.textContent("[data-testid=outlook-calendar]")) ?? "";
    expect(calendar).toContain("marts 2026");
    expect(calendar).toContain("oktober 2025");
    expect(calendar).toContain("typisk");
  });

  test("the as-of control and the threshold repaint in place and write the URL", async () => {
    const { page } = await site.open("/varsling?period=2025H2&asof=2025-09");
    await page.selectOption("[data-testid=asof-control] select", "2025-08");
    await page.waitForFunction(() => location.search.includes("asof=2025-08"));
    await expectPageMatches(page, await cliOutlook("2025-08"));
    const threshold = page.locator("[data-testid=controls] input[name=threshold]");
    await threshold.fill("85");
    await threshold.dispatchEvent("input");
    await page.waitForFunction(() => location.search.includes("threshold=85"));
    await expectPageMatches(page, await cliOutlook("2025-08", "--threshold", "85"));
    expect(new URL(page.url()).searchParams.get("asof")).toBe("2025-08");
  });

  test("defaults to the newest half-year and its last month: complete, so the verdict itself", async () => {
    const { page } = await site.open("/varsling");
    const answer = page.locator("[data-testid=outlook-answer]");
    expect(await answer.getAttribute("data-complete")).toBe("true");
    const flagged = (await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H2", "--format", "json")).stdout;
    const n = (JSON.parse(flagged) as Doc & { municipalities: { status: string }[] }).municipalities.filter(
      (m) => (m as unknown as { status: string }).status === "flagged",
    ).length;
    expect(await answer.textContent()).toContain(`${n} af 98 kommuner`);
  });

  test("the municipality page's Udsigt box shows the CLI's outlook, drivers and rank", async () => {
    const doc = await cliOutlook("2025-09");
    const m = doc.municipalities.find((x) => x.outlook === "at-risk")!;
    const { page } = await site.open(`/kommune/${m.code}?asof=2025-09`);
    const box = page.locator("[data-testid=outlook-box]");
    expect(await box.getAttribute("data-outlook")).toBe("at-risk");
    for (const c of m.criteria)
      expect(await box.locator(`li[data-criterion="${c.id}"]`).getAttribute("data-outlook")).toBe(c.outlook);
    expect(await box.textContent()).toMatch(/Højst \d+ af \d+ borgere/);
    const full = JSON.parse(
      (await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H2", "--as-of", "2025-09", "--format", "json"))
        .stdout,
    ) as {
      municipalities: {
        code: string;
        rank: Record<string, { position: number; of: number }>;
        criteria: { id: string; drivers?: { group: string; excess: number }[] }[];
      }[];
    };
    const mine = full.municipalities.find((x) => x.code === m.code)!;
    const rank =
      (await page.textContent("[data-testid=benchmark-chart][data-measure=samtaler] [data-testid=rank]")) ?? "";
    expect(rank).toContain(`Nr. ${mine.rank.samtaler!.position} af ${mine.rank.samtaler!.of}`);
    const drivers = mine.criteria.find((c) => c.id === "samtaler")!.drivers!;
    const rows = await page.$$eval("[data-testid=drivers-chart][data-criterion=samtaler] tbody td", (els) =>
      els.map((e) => e.textContent?.trim() ?? ""),
    );
    expect(rows).toEqual(drivers.map((d) => d.excess.toLocaleString("da-DK")));
  });
});
