// @vitest-environment happy-dom
/**
 * The overview's "I risiko nu" card (src/components/outlook-view.ts, atRiskNow): shown only while
 * the newest half-year with data is still running, with the number of municipalities the CLI's
 * `evaluate --as-of` calls at risk. The site's synthetic data ends with a complete half-year, so
 * the running window is made here by cutting the data after September 2025.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readMeasurements } from "../lib/import/index.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { parsePeriod, type Period } from "../lib/domain/month.ts";
import { parseViewState, type ViewState } from "../lib/view/state.ts";
import { atRiskNow } from "../src/components/outlook-view.ts";
import { cliEvaluate, PROJECT_ROOT, SYNTHETIC } from "./helpers/cli.ts";
import { expectHtmlSnapshot } from "./helpers/snapshot.ts";

const AS_OF = "2025-09";
const full = readFileSync(join(PROJECT_ROOT, SYNTHETIC), "utf-8");
/** The synthetic data as it would have been published in September 2025 (the month is column 5). */
const cut = full
  .split("\n")
  .filter((line, i) => i === 0 || line === "" || line.split(",")[4]! <= AS_OF)
  .join("\n");
const dir = mkdtempSync(join(tmpdir(), "tidlig-at-risk-now-"));
const cutFile = join(dir, "measurements-2025-09.csv");
writeFileSync(cutFile, cut);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const index = (text: string) => new MeasurementIndex(readMeasurements(Buffer.from(text), "measurements.csv"));

/** The overview's state as its address gives it (any period: the card takes the running half-year itself). */
function state(threshold = 80): ViewState {
  const search = threshold === 80 ? "" : `?threshold=${threshold}`;
  return parseViewState(search, () => parsePeriod("2025H1") as Period).state;
}

/** How many municipalities the CLI's JSON calls at risk, as of September 2025 in 2025H2. */
async function cliAtRisk(...args: string[]): Promise<number> {
  const doc = (await cliEvaluate("--input", cutFile, "--period", "2025H2", "--as-of", AS_OF, ...args)) as unknown as {
    municipalities: { outlook?: string }[];
  };
  return doc.municipalities.filter((m) => m.outlook === "at-risk").length;
}

describe('the overview\'s "I risiko nu" card', () => {
  it("counts the municipalities the CLI finds at risk in the running half-year, and links to /varsling", async () => {
    const expected = await cliAtRisk();
    expect(expected).toBeGreaterThan(0);
    const card = atRiskNow(index(cut), state())!;
    expect(card).not.toBeNull();
    expect(card.querySelector("[data-testid=at-risk-now-count]")!.textContent).toBe(String(expected));
    expect(card.textContent).toContain("I risiko nu");
    expect(card.textContent).toContain("2. halvår 2025, pr. sep. 2025");
    const href = card.querySelector("a[data-testid=at-risk-now]")!.getAttribute("href")!;
    expect(new URLSearchParams(href.split("?")[1]).get("period")).toBe("2025H2");
    expect(new URLSearchParams(href.split("?")[1]).get("asof")).toBe(AS_OF);
    expect(new URLSearchParams(href.split("?")[1]).has("threshold")).toBe(false);
    expectHtmlSnapshot("at-risk-now-2025H2-sep", card);
  });

  it("follows the threshold, and carries it to /varsling", async () => {
    const expected = await cliAtRisk("--threshold", "85");
    expect(expected).not.toBe(await cliAtRisk());
    const card = atRiskNow(index(cut), state(85))!;
    expect(card.querySelector("[data-testid=at-risk-now-count]")!.textContent).toBe(String(expected));
    expect(card.querySelector("a")!.getAttribute("href")).toContain("threshold=85");
  });

  it("is absent when the newest half-year with data is complete", () => {
    expect(atRiskNow(index(full), state())).toBeNull();
  });
});
