// The municipality directory /kommuner: every municipality with the CLI's verdict, searchable,
// linking to its own page with the same settings.
import { expect, test } from "vitest";
import { main } from "../../cli/main.ts";
import { PROJECT } from "./build-site.ts";
import { describeSite } from "./harness.ts";

async function cliStatuses(...argv: string[]): Promise<Map<string, string>> {
  let stdout = "";
  const code = await main(["evaluate", "--input", "data/synthetic/measurements.csv", "--format", "json", ...argv], {
    stdout: (s) => (stdout += s),
    stderr: () => {},
    env: {},
    cwd: PROJECT,
  });
  expect(code).toBe(0);
  return new Map(JSON.parse(stdout).municipalities.map((m: { code: string; status: string }) => [m.code, m.status]));
}

describeSite("municipality directory", (site) => {
  test("/kommuner lists all 98 with the CLI's verdict for the URL's period and threshold", async () => {
    const { page } = await site.open("/kommuner?period=2024H1&threshold=85");
    const rows = page.locator("[data-testid=municipality-directory] tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(98);
    const cli = await cliStatuses("--period", "2024H1", "--threshold", "85");
    const labels: Record<string, string> = { flagged: "Udpeget", compliant: "Lever op til kravet", "not-covered": "Ikke omfattet", "insufficient-data": "Utilstrækkelige data" };
    for (const code of ["101", "183", "825", "326"]) {
      const text = await page.locator(`tr[data-municipality="${code}"] td`).last().textContent();
      expect(text).toContain(labels[cli.get(code)!]);
    }
  });
  test("searching narrows the list and a name links to the municipality's page with the same settings", async () => {
    const { page } = await site.open("/kommuner?period=2024H1");
    await page.locator("input[type=search]").fill("Ishøj");
    const rows = page.locator("[data-testid=municipality-directory] tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    const href = await rows.first().locator("a").getAttribute("href");
    expect(href).toBe("./kommune/183?period=2024H1");
  });
});
