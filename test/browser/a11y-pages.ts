/** What both accessibility test files share: the pages they visit and when a page has rendered. */
import type { Page } from "playwright-core";

/** The capital, Ishøj (the letter), a mid-size town, and the two sparsest islands (Læsø, Samsø). */
export const SAMPLED_MUNICIPALITIES = new Set(["101", "183", "825", "741", "851"]);

/** Wait until the page's cells have rendered (no Observable loading placeholder left). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0);
}
