// The detail pages: /kommune/CODE (all 98 built), /regler with its "explain this case" widget,
// and /data. Verdicts shown are checked against the CLI on the same data.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { main } from "../../cli/main.ts";
import { MUNICIPALITIES } from "../../lib/index.ts";
import { DIST, PROJECT } from "./build-site.ts";
import { describeSite } from "./harness.ts";

const DATA = "data/synthetic/measurements.csv";

async function cliDocument(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["evaluate", "--input", DATA, "--format", "json", ...argv], {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    env: {},
    cwd: PROJECT,
  });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as { period: string; municipalities: { code: string; status: string }[] };
}

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
    const missing = MUNICIPALITIES.filter((m) => !existsSync(join(DIST, "kommune", `${m.code}.html`))).map((m) => m.code);
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
    expect(text).toMatch(/Overvågning|Henvendelse|Genopretningsplan krævet|Eskaleret|Afsluttet/);
    expect(await timeline.locator(".timeline-step").count()).toBeGreaterThan(5);
    const link = page.locator("[data-testid=letter-link]");
    expect(await link.getAttribute("href")).toContain("municipality=183");
  });
});
