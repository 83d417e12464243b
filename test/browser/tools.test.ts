// The analysis tools on the built site: /udforsk (DuckDB SQL explorer, own data in a worker),
// /hvad-hvis (threshold sweep and A/B diff), /breve (one draft letter per flagged municipality).
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { cliStatuses } from "../helpers/cli.ts";
import { PROJECT } from "./build-site.ts";
import { describeSite } from "./harness.ts";

const fixture = (name: string) => readFileSync(`${PROJECT}/test/fixtures/import/${name}`, "utf-8");

/** Statuses by municipality through the CLI on the site's default data (the synthetic snapshot). */
async function cliStatusList(...args: string[]): Promise<{ code: string; status: string }[]> {
  return [...(await cliStatuses(...args))].map(([code, status]) => ({ code, status }));
}

/** A long CSV with `rows` data rows: all municipalities × groups × measures over enough months. */
function bigCsv(rows: number): string {
  const groups = [
    "dagpenge",
    "sygedagpenge",
    "kontanthjaelp",
    "uddannelseshjaelp",
    "revalidering",
    "ressourceforloeb",
    "jobafklaring",
    "ledighedsydelse",
    "overgangsydelse",
    "alle",
  ];
  const codes = [
    "101",
    "147",
    "151",
    "153",
    "155",
    "157",
    "159",
    "161",
    "163",
    "165",
    "167",
    "169",
    "173",
    "175",
    "183",
    "185",
    "187",
    "190",
    "201",
    "210",
  ];
  const lines = ["municipality_code,benefit_group,measure,month,population,without,share_without"];
  let n = 0;
  for (let month = 0; n < rows; month++) {
    const m = `${2000 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    for (const code of codes)
      for (const g of groups)
        for (const measure of ["samtaler", "tilbud"]) {
          if (n >= rows) break;
          const p = 20 + ((n * 7) % 180);
          const w = (n * 13) % (p + 1);
          lines.push(`${code},${g},${measure},${m},${p},${w},${((100 * w) / p).toFixed(1)}`);
          n++;
        }
  }
  return lines.join("\n") + "\n";
}

describeSite("tools pages", (site) => {
  test("/udforsk: DuckDB loads lazily, an example query returns rows, an error shows DuckDB's message", async () => {
    const { page, requests } = await site.open("/udforsk", { waitUntil: "load" });
    await page.locator("[data-testid=duckdb-status][data-ready=true]").waitFor({ timeout: 90_000 });
    const result = page.locator("[data-testid=sql-result]");
    await result.waitFor({ timeout: 30_000 });
    expect(Number(await result.getAttribute("data-rows"))).toBeGreaterThan(0);
    expect(requests.some((r) => r.url.endsWith(".wasm"))).toBe(true);

    // an example: months at exactly 20,0 %
    await page.selectOption("#sql-example", { label: "Andel uden indsats over tid for én kommune" });
    await page.waitForFunction(() => document.querySelector("[data-testid=sql-result] th")?.textContent === "month");
    expect(Number(await result.getAttribute("data-rows"))).toBeGreaterThan(12);
    expect(await page.locator(".sql-chart").count()).toBe(1);
    expect(await page.locator(".sql-chart svg").count()).toBeGreaterThan(0);
    expect(await page.locator("[data-testid=sql-download]").getAttribute("download")).toBe("forespoergsel.csv");

    await page.fill("#sql-query", "SELECT count(*) AS n FROM verdicts WHERE municipality_status = 'flagged'");
    await page.click("#sql-run");
    await page.waitForFunction(() => document.querySelector("[data-testid=sql-result] th")?.textContent === "n");
    const flagged = Number(
      (await page.locator("[data-testid=sql-result] td").first().textContent())!.replace(/\./g, ""),
    );
    const cli = await cliStatusList("--period", "2025H2");
    // the verdicts table has one row per criterion; count distinct municipalities instead
    await page.fill(
      "#sql-query",
      "SELECT count(DISTINCT municipality_code) AS n FROM verdicts WHERE municipality_status = 'flagged'",
    );
    await page.click("#sql-run");
    await page.waitForFunction(
      (before) => document.querySelector("[data-testid=sql-result] td")?.textContent !== before,
      String(flagged),
    );
    const distinct = Number(await page.locator("[data-testid=sql-result] td").first().textContent());
    expect(distinct).toBe(cli.filter((m) => m.status === "flagged").length);

    await page.fill("#sql-query", "SELECT nonsense FROM nowhere");
    await page.click("#sql-run");
    const error = page.locator("[data-testid=sql-error]");
    await error.waitFor({ state: "visible" });
    expect(await error.textContent()).toMatch(/nowhere/i);
  }, 120_000);

  test("/udforsk: pasting the two Ishøj wide tables shows the verdicts of docs/rules.md §6", async () => {
    const { page } = await site.open("/udforsk", { waitUntil: "load" });
    await page.fill(
      "#own-paste",
      fixture("ishoej-2022-samtaler-wide.tsv") + "\n" + fixture("ishoej-2022-tilbud-wide.tsv"),
    );
    await page.click("#own-load-paste");
    const table = page.locator("[data-testid=own-verdicts]");
    await table.waitFor({ timeout: 30_000 });
    expect(await page.locator("[data-testid=own-summary]").getAttribute("data-municipalities")).toBe("1");
    // the 2020 model and its Sep–Nov window are chosen from the data's months
    expect(await page.locator("[data-control=rules] select").inputValue()).toBe("genopretning-2020");
    expect(await page.locator("[data-control=period] select").inputValue()).toBe("2022-09..2022-11");
    const SECTION_6: [string, string, string][] = [
      ["sygedagpenge:samtaler", "flagged", "not-restored"],
      ["dagpenge:tilbud", "flagged", "not-restored"],
      ["kontanthjaelp:tilbud", "compliant", "not-restored"],
      ["uddannelseshjaelp:tilbud", "compliant", "insufficient-data"],
      ["dagpenge:samtaler", "compliant", "restored"],
      ["revalidering:samtaler", "compliant", "restored"],
      ["ressourceforloeb:samtaler", "compliant", "restored"],
      ["jobafklaring:samtaler", "flagged", "not-restored"],
    ];
    for (const [criterion, trigger, restoration] of SECTION_6) {
      const row = table.locator(`tr[data-municipality="183"][data-criterion="${criterion}"]`);
      expect([criterion, await row.getAttribute("data-status"), await row.getAttribute("data-restoration")]).toEqual([
        criterion,
        trigger,
        restoration,
      ]);
    }
    const sick = table.locator('tr[data-criterion="sygedagpenge:samtaler"]');
    expect(await sick.textContent()).toContain("45,5\u00a0%");
    expect(await table.locator('li[data-municipality="183"]').textContent()).toContain("Udpeget");
    // the explorer now queries the pasted data
    await page.fill("#sql-query", "SELECT count(*) AS n, count(DISTINCT municipality_code) AS k FROM measurements");
    await page.click("#sql-run");
    await page.waitForFunction(() => document.querySelector("[data-testid=sql-result] th")?.textContent === "n");
    expect(await page.locator("[data-testid=sql-result] td").allTextContents()).toEqual(["39", "1"]);
  }, 120_000);

  test("/udforsk: a bad file shows line-numbered messages and loads nothing", async () => {
    const { page } = await site.open("/udforsk", { waitUntil: "load" });
    const bad =
      "municipality_code,benefit_group,measure,month,population,without,share_without\n101,alle,samtaler,2024-01,100,20,20.0\n101,alle,samtaler,2024-02,100,20,2x.0\n999,alle,samtaler,2024-03,100,20,20.0\n";
    await page.setInputFiles("#own-files", { name: "daarlig.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    const issues = page.locator("[data-testid=import-issues] li");
    await issues.first().waitFor({ timeout: 30_000 });
    const texts = await issues.allTextContents();
    expect(texts.length).toBeGreaterThanOrEqual(2);
    expect(texts.join("\n")).toMatch(/daarlig\.csv:3:7/);
    expect(texts.join("\n")).toContain("2x.0");
    expect(texts.join("\n")).toMatch(/daarlig\.csv:4:1/);
    // Danish messages in the browser (the CLI keeps English)
    expect(texts.join("\n")).toContain("Ukendt kommune »999«");
    expect(texts.join("\n")).toContain("er ikke et tal");
    expect(texts.join("\n")).not.toMatch(/unknown|expected|is not/);
    expect(await page.locator("[data-testid=own-summary]").count()).toBe(0);
    expect(await page.locator("[data-testid=own-verdicts]").count()).toBe(0);
    expect(await page.locator("[data-testid=own-error]").textContent()).toContain("Intet er indlæst");
  }, 120_000);

  test("/udforsk: a 200,000-row file parses in a worker with progress while the page keeps rendering", async () => {
    const { page } = await site.open("/udforsk", { waitUntil: "load" });
    await page.locator("[data-testid=duckdb-status][data-ready=true]").waitFor({ timeout: 90_000 });
    // The file is made in the page (as if chosen in the file dialog), then the frame counter starts.
    await page.evaluate((csv) => {
      const w = window as unknown as { __frames: number[]; __file: File };
      w.__file = new File([csv], "stor.csv", { type: "text/csv" });
    }, bigCsv(200_000));
    const started = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __file: File };
      w.__frames = [];
      const tick = (t: number) => {
        w.__frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const progress = document.querySelector("[data-testid=own-progress]")!;
      const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
      new MutationObserver(() => seen.push(progress.textContent ?? "")).observe(progress, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      const input = document.querySelector<HTMLInputElement>("#own-files")!;
      const dt = new DataTransfer();
      dt.items.add(w.__file);
      input.files = dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return performance.now();
    });
    await page.locator("[data-testid=own-progress]:not([hidden])").waitFor({ timeout: 10_000 });
    const summary = page.locator("[data-testid=own-summary]");
    await summary.waitFor({ timeout: 60_000 });
    expect(await summary.getAttribute("data-cells")).toBe("200000");
    const progressTexts = await page.evaluate(() => (window as unknown as { __progress?: string[] }).__progress ?? []);
    expect(await page.locator("[data-testid=own-progress]").textContent()).toContain("%");
    const { frames, received, indexed } = await page.evaluate(() => ({
      frames: (window as unknown as { __frames: number[] }).__frames,
      received: performance.getEntriesByName("own-data:received").at(-1)!.startTime,
      indexed: performance.getEntriesByName("own-data:indexed").at(-1)!.startTime,
    }));
    // During the parse (until the worker's result arrives) the page keeps painting frames.
    const during = frames.filter((t) => t >= started && t <= received);
    const gaps = [started, ...during, received].slice(1).map((t, i, a) => t - (i === 0 ? started : a[i - 1]!));
    const maxGap = Math.max(...gaps);
    console.log(
      `200k rows: parse ${Math.round(received - started)} ms with ${during.length} frames (longest gap ${Math.round(maxGap)} ms); ` +
        `index on the main thread ${Math.round(indexed - received)} ms; progress seen: ${JSON.stringify(progressTexts)}`,
    );
    expect(during.length).toBeGreaterThan(5);
    expect(maxGap).toBeLessThan(400);
    // the explorer and the verdicts follow the new data
    await page.locator("[data-testid=own-verdicts]").waitFor({ timeout: 60_000 });
  }, 180_000);

  test("/hvad-hvis: the flagged count at each swept threshold equals the CLI's; A/B flips match the CLI", async () => {
    const { page } = await site.open("/hvad-hvis");
    const table = page.locator("[data-testid=sweep-table]");
    await table.waitFor();
    expect(await table.getAttribute("data-period")).toBe("2025H2");
    for (const threshold of [70, 80, 85, 90]) {
      const row = table.locator(`tr[data-threshold="${threshold}"]`);
      const cli = await cliStatusList("--period", "2025H2", "--threshold", String(threshold));
      expect([threshold, Number(await row.getAttribute("data-flagged"))]).toEqual([
        threshold,
        cli.filter((m) => m.status === "flagged").length,
      ]);
    }
    expect(await table.locator("tr.sweep-current").getAttribute("data-threshold")).toBe("80");
    expect(await table.locator("tbody tr").count()).toBe(101); // 50–100 in steps of 0,5
    // A = threshold 80 (the page's controls), B = 85 (the second panel's default)
    const [a, b] = [
      await cliStatusList("--period", "2025H2", "--threshold", "80"),
      await cliStatusList("--period", "2025H2", "--threshold", "85"),
    ];
    const expected = a.filter((m, i) => m.status !== b[i]!.status).map((m) => m.code);
    expect(expected.length).toBeGreaterThan(0);
    const flips = page.locator("[data-testid=flip]");
    expect(await flips.evaluateAll((els) => els.map((e) => e.getAttribute("data-municipality")))).toEqual(expected);
    expect(await flips.first().locator(".whatif-sides section").count()).toBe(2);
    expect(await flips.first().textContent()).toMatch(/\d+,\d\u00a0%/);
  }, 120_000);

  test("/hvad-hvis: a sweep under the 2020 model follows the URL parameters", async () => {
    const { page } = await site.open("/hvad-hvis?rules=genopretning-2020&period=2024-09..2024-11&threshold=85");
    const table = page.locator("[data-testid=sweep-table]");
    await table.waitFor();
    expect(await table.getAttribute("data-period")).toBe("2024-09..2024-11");
    for (const threshold of [75, 85]) {
      const cli = await cliStatusList(
        "--rules",
        "genopretning-2020",
        "--period",
        "2024-09..2024-11",
        "--limit",
        String(100 - threshold),
      );
      expect(Number(await table.locator(`tr[data-threshold="${threshold}"]`).getAttribute("data-flagged"))).toBe(
        cli.filter((m) => m.status === "flagged").length,
      );
    }
    await page.emulateMedia({ colorScheme: "dark" });
  }, 120_000);

  test("/breve: one letter per flagged municipality, as many as the CLI flags; one per printed page", async () => {
    const { page } = await site.open("/breve?threshold=85");
    const letters = page.locator("[data-testid=letter]");
    const cli = (await cliStatusList("--period", "2025H2", "--threshold", "85"))
      .filter((m) => m.status === "flagged")
      .map((m) => m.code);
    expect(cli.length).toBeGreaterThan(1);
    expect(await letters.evaluateAll((els) => els.map((e) => e.getAttribute("data-municipality")))).toEqual(cli);
    expect(await page.locator("[data-testid=letter-synthetic]").count()).toBe(cli.length);
    const first = letters.first();
    expect(await first.locator("table.letter-table td").first().textContent()).toMatch(/^(\d+,\d|\.)$/);
    expect(await first.textContent()).toContain("faglig bistand");
    expect(await first.locator("[data-testid=letter-draft]").textContent()).toContain("UDKAST");
    await page.emulateMedia({ media: "print" });
    expect(await first.evaluate((e) => getComputedStyle(e).breakAfter)).toBe("page");
    expect(await first.locator("[data-testid=letter-draft]").isVisible()).toBe(true); // "Udkast" in print too
    expect(await page.locator("[data-testid=controls]").evaluate((e) => getComputedStyle(e).display)).toBe("none");
    await page.emulateMedia({ media: "screen" });
  }, 120_000);

  test("/breve?municipality=CODE shows just that letter, or a note when it is not flagged", async () => {
    const statuses = await cliStatusList("--period", "2025H2", "--threshold", "85");
    const flagged = statuses.find((m) => m.status === "flagged")!.code;
    const calm = statuses.find((m) => m.status === "compliant")!.code;
    const one = await site.open(`/breve?threshold=85&municipality=${flagged}`);
    expect(
      await one.page
        .locator("[data-testid=letter]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-municipality"))),
    ).toEqual([flagged]);
    const none = await site.open(`/breve?threshold=85&municipality=${calm}`);
    expect(await none.page.locator("[data-testid=letter]").count()).toBe(0);
    const note = await none.page.locator("[data-testid=letters-note]").textContent();
    expect(note).toContain("Ikke udpeget");
    expect(note).toContain("lægger ikke op til et brev");
  }, 120_000);
});
