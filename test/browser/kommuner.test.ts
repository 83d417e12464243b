// The municipality directory /kommuner: every municipality with the CLI's verdict, searchable,
// linking to its own page with the same settings.
import { expect, test } from "vitest";
import { cliStatuses } from "../helpers/cli.ts";
import { describeSite } from "./harness.ts";

describeSite("municipality directory", (site) => {
  test("/kommuner lists all 98 with the CLI's verdict for the URL's period and threshold", async () => {
    const { page } = await site.open("/kommuner?period=2024H1&threshold=85");
    const rows = page.locator("[data-testid=municipality-directory] tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(98);
    const cli = await cliStatuses("--period", "2024H1", "--threshold", "85");
    const labels: Record<string, string> = {
      flagged: "Udpeget",
      compliant: "Ikke udpeget",
      "not-covered": "Ikke omfattet",
      "insufficient-data": "Kan ikke vurderes",
    };
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
    expect(href).toBe("./kommune/183.html?period=2024H1");
  });
});
