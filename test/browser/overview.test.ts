// The overview page `/`: answer first (KPI cards, flagged list), the heatmap of all 98
// municipalities, the tile map, the verdict table with CSV download; the flagged count equals the
// CLI's for the same data and parameters, whether set by a control or by the URL; a control change
// repaints from the index already in the browser (no request).
import { text } from "node:stream/consumers";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { cliStatuses } from "../helpers/cli.ts";
import { ARTIFACTS, describeSite } from "./harness.ts";

function count(statuses: Map<string, string>, status: string): number {
  return [...statuses.values()].filter((s) => s === status).length;
}

async function flaggedCount(page: Page): Promise<number> {
  const text = (await page.textContent("[data-testid=flagged-count]"))?.trim() ?? "";
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

/** The period the page shows (the select's value is the period label, e.g. 2025H2). */
async function shownPeriod(page: Page): Promise<string> {
  return page.locator("[data-testid=controls] select[name=period]").inputValue();
}

/** Waits until the page has repainted `n` times after load (performance mark repaint-done). */
async function waitForRepaints(page: Page, n: number): Promise<void> {
  await page.waitForFunction((k) => performance.getEntriesByName("repaint-done").length >= k, n, { timeout: 15_000 });
}

/**
 * Resolves after the next animation frame and the tasks queued behind it: the Observable runtime
 * recomputes in one frame, so whatever a control change starts (a fetch included) has started by
 * then, and playwright has seen its request event before this evaluate returns.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/**
 * The requests a control change made, but the favicon: chromium asks for it again when the address
 * changes (replaceState), and the test server forbids caching. Anything else would be a reload.
 */
function dataRequests(requests: readonly { url: string }[]): string[] {
  return requests.map((r) => r.url).filter((url) => !/\/favicon\.[^/]*$/.test(url));
}

/** Statuses as the page's heatmap rows carry them. */
async function pageStatuses(page: Page): Promise<Map<string, string>> {
  const rows = await page.$$eval("[data-testid=heatmap] [data-municipality]", (els) =>
    els.map((e) => [e.getAttribute("data-municipality") ?? "", e.getAttribute("data-status") ?? ""] as const),
  );
  return new Map(rows);
}

/** The flagged list, the tile map and the verdict table show exactly these verdicts. */
async function expectListAndTable(page: Page, cli: Map<string, string>): Promise<void> {
  const listed = await page.$$eval("[data-testid=flagged-list] li[data-municipality]", (els) =>
    els.map((e) => e.getAttribute("data-municipality")),
  );
  expect(listed.sort()).toEqual(
    [...cli]
      .filter(([, s]) => s === "flagged")
      .map(([c]) => c)
      .sort(),
  );
  const sentences = await page.$$eval("[data-testid=flagged-list] li .flagged-criterion p", (els) =>
    els.map((e) => e.textContent ?? ""),
  );
  expect(sentences.length).toBeGreaterThanOrEqual(listed.length);
  for (const s of sentences) expect(s).toMatch(/^.+: .*Handlekriteriet for (samtaler|tilbud).* er opfyldt/);
  const tiles = await page.$$eval("[data-testid=tilemap] a[data-tile]", (els) =>
    els.map((e) => [e.getAttribute("data-tile") ?? "", e.getAttribute("data-status") ?? ""] as const),
  );
  expect(new Map(tiles)).toEqual(cli);
  const table = await page.$$eval("[data-testid=verdict-table] tbody tr", (rows) =>
    rows.map(
      (r) =>
        [
          r.getAttribute("data-municipality") ?? "",
          r.querySelector(".vt-status")?.getAttribute("data-status") ?? "",
          r.querySelector(".vt-status")?.textContent ?? "",
        ] as const,
    ),
  );
  expect(new Map(table.map(([c, s]) => [c, s]))).toEqual(cli);
  for (const [, s, text] of table) expect(text, s).toMatch(/^\S+ \S/); // symbol and label, not colour alone
}

describeSite("overview page /", (site) => {
  test("loads cleanly with 98 heatmap rows and the CLI's flagged count", async () => {
    const { page, requests } = await site.open("/");
    expect(await page.locator("[data-testid=synthetic-banner]").isVisible()).toBe(true);
    const codes = await page.$$eval("[data-testid=heatmap] [data-municipality]", (els) =>
      els.map((e) => e.getAttribute("data-municipality")),
    );
    expect(codes).toHaveLength(98);
    expect(new Set(codes).size).toBe(98);
    expect(await page.locator("[data-testid=tilemap] a[data-tile]").count()).toBe(98);
    expect(await page.locator("[data-testid=verdict-table] tbody tr").count()).toBe(98);

    const period = await shownPeriod(page);
    expect(period).toMatch(/^\d{4}H[12]$/);
    const cli = await cliStatuses("--period", period);
    const flagged = await flaggedCount(page);
    expect(flagged).toBe(count(cli, "flagged"));
    expect(flagged).toBeGreaterThan(0);
    // Not only the count: every municipality's verdict is the CLI's.
    expect(await pageStatuses(page)).toEqual(cli);
    // The flagged list names exactly the flagged municipalities, each with lib's explanation.
    const listed = await page.$$eval("[data-testid=flagged-list] li[data-municipality]", (els) =>
      els.map((e) => e.getAttribute("data-municipality")),
    );
    expect(listed.sort()).toEqual(
      [...cli]
        .filter(([, s]) => s === "flagged")
        .map(([c]) => c)
        .sort(),
    );
    expect(await page.locator("[data-testid=flagged-list] li").first().textContent()).toMatch(
      /Handlekriteriet for (samtaler|tilbud).* er opfyldt/,
    );
    // No DuckDB on the overview.
    expect(requests.filter((r) => /\.wasm(\?|$)|duckdb/i.test(r.url)).map((r) => r.url)).toEqual([]);
    expect(await page.evaluate(() => performance.getEntriesByName("heatmap-rendered").length)).toBe(1);
  });

  test("changing the threshold control re-evaluates in the browser, with no request, and matches the CLI", async () => {
    const { page, requests } = await site.open("/");
    const period = await shownPeriod(page);
    const before = await flaggedCount(page);
    const requestsBefore = requests.length;

    await page.fill("[data-testid=controls] input[name=threshold]", "85");
    await waitForRepaints(page, 1);
    const cli85 = await cliStatuses("--period", period, "--threshold", "85");
    expect(await flaggedCount(page)).toBe(count(cli85, "flagged"));
    expect(count(cli85, "flagged")).not.toBe(before); // the change is visible, not a no-op
    expect(await pageStatuses(page)).toEqual(cli85);
    // The address bar follows after the frame that paints the change.
    await page.waitForFunction(() => new URLSearchParams(location.search).get("threshold") === "85");
    expect(await page.evaluate(() => performance.getEntriesByName("threshold-change").length)).toBe(1);

    await expectListAndTable(page, cli85);

    // The slider moves the same state (Danish decimal in the text field).
    await page.locator("[data-testid=controls] input[name=threshold-range]").fill("82.5");
    await waitForRepaints(page, 2);
    expect(await page.inputValue("[data-testid=controls] input[name=threshold]")).toBe("82,5");
    const cli825 = await cliStatuses("--period", period, "--threshold", "82.5");
    expect(await flaggedCount(page)).toBe(count(cli825, "flagged"));
    // The elements are updated in place: list, tiles and table follow the new verdicts.
    await expectListAndTable(page, cli825);
    // A month table is made when its <details> is opened, and follows later changes.
    const details = page.locator("[data-testid=flagged-list] li details").first();
    await details.locator("summary").click();
    // The table is made on the "toggle" event, a task of its own after the click: wait for it.
    await details.locator("table.trace-months tbody tr").first().waitFor();
    expect(await details.locator("table.trace-months tbody tr").count()).toBeGreaterThan(0);
    expect(await details.locator("table.trace-months").textContent()).toMatch(/over grænsen|under grænsen/);

    // A typed Danish decimal works too.
    await page.fill("[data-testid=controls] input[name=threshold]", "77,5");
    await waitForRepaints(page, 3);
    expect(await flaggedCount(page)).toBe(
      count(await cliStatuses("--period", period, "--threshold", "77.5"), "flagged"),
    );

    // The hot path: the views hold the new verdicts as soon as the input event has been handled,
    // without waiting for the Observable runtime's next frame.
    const shownAtOnce = await page.evaluate(() => {
      const range = document.querySelector<HTMLInputElement>("[data-testid=controls] input[name=threshold-range]");
      if (!range) return null;
      range.value = "90";
      range.dispatchEvent(new Event("input", { bubbles: true }));
      return document.querySelector("[data-testid=flagged-count]")?.textContent?.trim() ?? "";
    });
    expect(shownAtOnce).toBe(String(count(await cliStatuses("--period", period, "--threshold", "90"), "flagged")));

    await settled(page);
    expect(dataRequests(requests.slice(requestsBefore))).toEqual([]);
  });

  test("threshold and period from the URL give the CLI's count", async () => {
    const { page } = await site.open("/?threshold=85&period=2024H2");
    expect(await shownPeriod(page)).toBe("2024H2");
    expect(await page.inputValue("[data-testid=controls] input[name=threshold]")).toBe("85");
    const cli = await cliStatuses("--period", "2024H2", "--threshold", "85");
    expect(await flaggedCount(page)).toBe(count(cli, "flagged"));
    expect(await pageStatuses(page)).toEqual(cli);
    // The KPI change is against the previous half-year.
    const prev = await cliStatuses("--period", "2024H1", "--threshold", "85");
    const delta = count(cli, "flagged") - count(prev, "flagged");
    const expected =
      delta === 0 ? "uændret siden 1. halvår 2024" : `${delta > 0 ? "+" : "−"}${Math.abs(delta)} siden 1. halvår 2024`;
    expect(await page.locator(".kpi--flagged .kpi-change").textContent()).toBe(expected);
  });

  test("per-group aggregation from the URL gives the CLI's count", async () => {
    const { page } = await site.open("/?aggregation=per-group");
    const period = await shownPeriod(page);
    const cli = await cliStatuses("--period", period, "--aggregation", "per-group");
    expect(await flaggedCount(page)).toBe(count(cli, "flagged"));
    expect(await pageStatuses(page)).toEqual(cli);
    // The heatmap shows a group criterion, and the verdict table one column per criterion.
    expect(await page.locator("[data-testid=controls] select[name=criterion]").inputValue()).toMatch(
      /^[a-z-]+:(samtaler|tilbud)$/,
    );
    expect(await page.locator("[data-testid=verdict-table] thead th").count()).toBeGreaterThan(4 + 10);
  });

  test("period select, exemptions switch and rule-set switch match the CLI", async () => {
    const { page, requests } = await site.open("/");
    // "networkidle" can come before the data cell's first fetch on a loaded machine: count the
    // requests from the first render on, so that only what the changes below ask for is seen.
    await page.waitForFunction(() => performance.getEntriesByName("heatmap-rendered").length > 0);
    const requestsBefore = requests.length;
    await page.selectOption("[data-testid=controls] select[name=period]", "2025H1");
    await waitForRepaints(page, 1);
    expect(await flaggedCount(page)).toBe(count(await cliStatuses("--period", "2025H1"), "flagged"));
    expect(await page.locator("[data-testid=answer]").textContent()).toContain("1. halvår 2025");

    await page.check("[data-testid=controls] input[name=exemptions]");
    await waitForRepaints(page, 2);
    const exempt = await cliStatuses("--period", "2025H1", "--apply-exemptions");
    expect(await flaggedCount(page)).toBe(count(exempt, "flagged"));
    expect(count(exempt, "exempted")).toBeGreaterThan(0); // the synthetic data has a positive-trend case here
    expect(await page.textContent("[data-testid=exempted-count]")).toBe(String(count(exempt, "exempted")));
    expect(await pageStatuses(page)).toEqual(exempt);

    await page.selectOption("[data-testid=controls] select[name=rules]", "genopretning-2020");
    await waitForRepaints(page, 3);
    const period = await shownPeriod(page);
    expect(period).toMatch(/^\d{4}-09\.\.\d{4}-11$/); // the latest Sep–Nov window of the 2020 calendar
    expect(await page.locator("[data-testid=controls] select[name=period] option:checked").textContent()).toMatch(
      /^sep\.–nov\. \d{4}$/,
    );
    expect(await page.locator("[data-testid=controls] [data-control=aggregation]").isVisible()).toBe(false);
    expect(await page.locator("[data-testid=controls] [data-control=mode]").isVisible()).toBe(true);
    const cli2020 = await cliStatuses("--rules", "genopretning-2020", "--period", period);
    expect(await flaggedCount(page)).toBe(count(cli2020, "flagged"));
    await page.waitForFunction(() => new URLSearchParams(location.search).get("rules") === "genopretning-2020");
    await settled(page);
    expect(dataRequests(requests.slice(requestsBefore))).toEqual([]);
  });

  test("the 2020 model in restoration mode counts what the CLI counts", async () => {
    const { page } = await site.open("/?rules=genopretning-2020&period=2023-09..2023-11&mode=restoration");
    const cli = await cliStatuses(
      "--rules",
      "genopretning-2020",
      "--period",
      "2023-09..2023-11",
      "--mode",
      "restoration",
    );
    expect(await flaggedCount(page)).toBe(count(cli, "not-restored"));
    expect(await pageStatuses(page)).toEqual(cli);
    expect(await page.textContent(".kpis")).toContain("Genoprettet");
    // The 2020 model shows the equivalent limit.
    expect(await page.textContent("[data-testid=controls]")).toContain("mere end 20\u00a0% er uden indsats");
  });

  test("an invalid URL parameter shows a note and falls back to the default", async () => {
    const { page } = await site.open("/?threshold=abc&period=2024H9&sort=x");
    const note = page.locator("[data-testid=state-notes]");
    expect(await note.isVisible()).toBe(true);
    const text = (await note.textContent()) ?? "";
    expect(text).toContain("threshold=abc");
    expect(text).toContain("period=2024H9");
    expect(text).toContain("sort=x");
    expect(await page.inputValue("[data-testid=controls] input[name=threshold]")).toBe("80");
    const period = await shownPeriod(page);
    expect(await flaggedCount(page)).toBe(count(await cliStatuses("--period", period), "flagged"));
  });

  test("rows sort by name and by severity", async () => {
    const { page } = await site.open("/?sort=name");
    const names = await page.$$eval("[data-testid=heatmap] [data-municipality]", (els) =>
      els.map((e) => e.getAttribute("data-name")),
    );
    // Danish order: Æ, Ø, Å last, and "Aa" sorts as "Å".
    expect(names[0]).toBe("Albertslund");
    expect(names.slice(-4)).toEqual(["Ærø", "Aabenraa", "Aalborg", "Aarhus"]);
    await page.selectOption("[data-testid=controls] select[name=sort]", "severity");
    await waitForRepaints(page, 1);
    const statuses = await page.$$eval("[data-testid=heatmap] [data-municipality]", (els) =>
      els.map((e) => e.getAttribute("data-status")),
    );
    const firstOther = statuses.findIndex((s) => s !== "flagged");
    expect(firstOther).toBeGreaterThan(0);
    expect(statuses.slice(firstOther)).not.toContain("flagged");
    expect(new URL(page.url()).searchParams.get("sort")).toBe("severity");
  });

  test("hovering a heatmap cell shows its municipality, month, share and population", async () => {
    const { page } = await site.open("/?sort=name");
    const label = page.locator("[data-testid=heatmap] [data-municipality] .hm-label").first();
    const name = await page.locator("[data-testid=heatmap] [data-municipality]").first().getAttribute("data-name");
    await label.scrollIntoViewIfNeeded();
    const labelBox = (await label.boundingBox())!;
    const stackBox = (await page.locator("[data-testid=heatmap] .hm-stack").boundingBox())!;
    await page.mouse.move(stackBox.x + stackBox.width - 20, labelBox.y + labelBox.height / 2);
    const tooltip = page.locator("[data-testid=heatmap] .hm-tooltip");
    await tooltip.waitFor({ state: "visible", timeout: 5000 });
    expect(await tooltip.textContent()).toMatch(
      new RegExp(
        `^${name}, dec\\. \\d{4}: \\d+,\\d\u00a0% uden indsats \\([\\d.]+ borgere\\); (ikke )?over grænsen på 20\u00a0%`,
      ),
    );
  });

  test("the CSV download holds the verdicts of all 98 municipalities", async () => {
    const { page } = await site.open("/");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=csv-download]")]);
    expect(download.suggestedFilename()).toMatch(/^vurderinger-opfoelgning-2024-\d{4}H[12]\.csv$/);
    // The shared chromium is a remote browser to playwright: read the download as a stream.
    const csv = await text(await download.createReadStream());
    const lines = csv.trim().split("\n");
    expect(lines[0]).toMatch(/^municipality_code,municipality_name,benefit_group,measure,month,/);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0])).size).toBe(98);
    const flaggedCodes = new Set(
      lines
        .slice(1)
        .filter((l) => /,flagged,flagged,/.test(l))
        .map((l) => l.split(",")[0]),
    );
    expect(flaggedCodes.size).toBe(await flaggedCount(page));
  });

  test("the controls are labelled and reachable with the keyboard", async () => {
    const { page } = await site.open("/");
    for (const name of ["rules", "period", "threshold", "min", "aggregation", "exemptions", "criterion", "sort"]) {
      const control = page.locator(`[data-testid=controls] [name=${name}]`);
      const id = await control.getAttribute("id");
      expect(await page.locator(`label[for="${id}"]`).count(), name).toBe(1);
    }
    const reached = new Set<string>();
    await page.locator("[data-testid=controls] select[name=rules]").focus();
    for (let i = 0; i < 12; i++) {
      const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? "");
      reached.add(name);
      await page.keyboard.press("Tab");
    }
    for (const name of [
      "rules",
      "period",
      "threshold-range",
      "threshold",
      "min",
      "aggregation",
      "exemptions",
      "criterion",
      "sort",
    ])
      expect(reached, name).toContain(name);
    // Keyboard use changes the state: arrow keys on the slider.
    await page.locator("[data-testid=controls] input[name=threshold-range]").focus();
    await page.keyboard.press("ArrowRight");
    await waitForRepaints(page, 1);
    expect(await page.inputValue("[data-testid=controls] input[name=threshold]")).toBe("80,1");
  });

  test("prints banner, parameters and data date; dark mode renders", async () => {
    const { page } = await site.open("/?threshold=85");
    await page.emulateMedia({ media: "print" });
    const params = page.locator("[data-testid=print-parameters]");
    expect(await params.isVisible()).toBe(true);
    expect(await params.textContent()).toMatch(/tærskel 85\u00a0%.*Syntetiske data.*jan\. 2021–dec\. 2025/s);
    expect(await page.locator("[data-testid=synthetic-banner]").isVisible()).toBe(true);
    expect(await page.locator("[data-testid=controls]").isVisible()).toBe(false);
    await page.pdf({ path: join(ARTIFACTS, "overview--print.pdf"), format: "A4", printBackground: true });
    await page.screenshot({ path: join(ARTIFACTS, "overview--print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen", colorScheme: "dark" });
    expect(await params.isVisible()).toBe(false);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(ARTIFACTS, "overview--dark.png"), fullPage: true });
  });
});
