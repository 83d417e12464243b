// Accessibility (issue 13, WCAG 2.1 AA): reflow at 320 px, and the keyboard paths (skip links, few
// Tab presses to the heatmap's values and the verdict table on /). axe-core's WCAG 2 A + AA rules on
// every built page in light and dark mode are in a11y-axe.test.ts (a file of its own, so that the
// two halves run side by side on the two test workers).
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import { SAMPLED_MUNICIPALITIES, settled } from "./a11y-pages.ts";
import { describeSite, eachConcurrently } from "./harness.ts";
import { builtRoutes } from "./routes.ts";

/** Press Tab until `selector` (or an element inside it) has focus; the number of presses, or -1. */
async function tabsUntil(page: Page, selector: string, max: number): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.closest(s) != null, selector)) return n;
  }
  return -1;
}

describeSite("accessibility", (site) => {
  const routes = builtRoutes(SAMPLED_MUNICIPALITIES);

  test("reflow: no horizontal scrolling of the page at 320 px width", async () => {
    const wide: string[] = [];
    await eachConcurrently(routes, 3, async (route) => {
      const { page } = await site.open(route, { viewport: { width: 320, height: 640 } });
      await settled(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => {
        const s = document.scrollingElement!;
        return { scrollWidth: s.scrollWidth, clientWidth: s.clientWidth };
      });
      if (scrollWidth > clientWidth) wide.push(`${route}: ${scrollWidth} > ${clientWidth}`);
      await page.close();
    });
    expect(wide.sort()).toEqual([]);
  }, 180_000);

  test("every page starts with a 'Spring til indhold' link that moves focus to the main content", async () => {
    for (const route of ["/", "/regler", "/kommune/183"]) {
      const { page } = await site.open(route);
      await settled(page);
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => ({
        text: document.activeElement?.textContent?.trim(),
        visible: document.activeElement ? document.activeElement.getBoundingClientRect().height > 0 : false,
      }));
      expect(first, route).toEqual({ text: "Spring til indhold", visible: true });
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.id), route).toBe("observablehq-main");
      // The next Tab goes on from the main content, not back to the sidebar.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("#observablehq-main") != null), route).toBe(
        true,
      );
    }
  });

  test("/: 'Spring kortet over' skips the 98 tiles of the map", async () => {
    const { page } = await site.open("/");
    await settled(page);
    // The link just before the 98 tiles jumps past them to the next section.
    const skip = await tabsUntil(page, "[data-testid=skip-tilemap]", 60);
    expect(skip, "Tab presses to 'Spring kortet over'").toBeGreaterThan(0);
    expect(await page.isVisible("[data-testid=skip-tilemap]")).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("udpegede");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("[data-testid=tilemap]"))).toBeNull();
  });

  test("/: from the top, the heatmap's values and the verdict table are a few Tab presses away", async () => {
    const { page } = await site.open("/");
    await settled(page);
    // The in-page links at the top of the content lead to the heatmap, then on to the verdict table.
    const toJump = await tabsUntil(page, "[data-testid=jump-heatmap]", 40);
    expect(toJump, "Tab presses from the top to the 'Varmekort' link").toBeGreaterThan(0);
    expect(toJump).toBeLessThanOrEqual(20);
    await page.keyboard.press("Enter");
    const toHeatmap = await tabsUntil(page, "[data-testid=heatmap-values]", 5);
    expect(toHeatmap, "Tab presses from the heading to the heatmap's values").toBeGreaterThan(0);
    const toTable = await tabsUntil(page, "[data-testid=verdict-table-scroll]", 8);
    expect(toTable, "Tab presses from the heatmap to the verdict table").toBeGreaterThan(0);
    expect(toJump + toHeatmap + toTable).toBeLessThanOrEqual(30);
  });

  test("/: the heatmap's monthly values can be read with the keyboard", async () => {
    const { page } = await site.open("/");
    await settled(page);
    await page.locator("[data-testid=heatmap-values]").focus();
    await page.keyboard.press("ArrowLeft");
    const live = page.locator("[data-testid=heatmap-live]");
    const first = (await live.textContent())?.trim() ?? "";
    // "<kommune>, <måned>: <andel> % uden indsats (…)" — the value of one municipality and month.
    expect(first).toMatch(/^[^,]+, [a-zæøå]+\.? \d{4}: .*(uden indsats|ukendt)/);
    await page.keyboard.press("ArrowDown");
    const second = (await live.textContent())?.trim() ?? "";
    expect(second).not.toBe(first);
    expect(second.split(",")[0]).not.toBe(first.split(",")[0]);
    // The same text is shown on screen, not only to screen readers.
    expect(await page.locator(".hm-tooltip").isVisible()).toBe(true);
  });

  test("the built pages carry the template fixes (observablehq/framework#2001 and the sidebar)", async () => {
    const { page } = await site.open("/regler");
    const html = await (await page.request.get(page.url())).text();
    const viewport = html.match(/<meta name="viewport" content="([^"]*)">/)?.[1];
    expect(viewport).toBe("width=device-width, initial-scale=1");
    // Every child of the sidebar's lists is an <li>; the toggle has a Danish name and visible focus.
    expect(await page.$$eval("#observablehq-sidebar ol > :not(li)", (nodes) => nodes.map((n) => n.outerHTML))).toEqual(
      [],
    );
    expect(await page.getAttribute("#observablehq-sidebar-toggle", "aria-label")).toBe("Vis eller skjul menuen");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const toggle = await page.evaluate(() => {
      const el = document.activeElement!;
      return { id: el.id, outline: getComputedStyle(el).outlineStyle };
    });
    expect(toggle).toEqual({ id: "observablehq-sidebar-toggle", outline: "solid" });
  });

  test("/data states what was tested, with the axe-core version that the test uses", async () => {
    const { version } = createRequire(import.meta.url)("axe-core/package.json") as { version: string };
    const { page } = await site.open("/data");
    expect(await page.locator("h2#tilgaengelighed").textContent()).toContain("Tilgængelighed");
    expect((await page.textContent("[data-testid=a11y-tool]"))?.trim()).toBe(`axe-core ${version}`);
  });

  test("every tab stop on / and /regler shows a focus outline of at least 2 px", async () => {
    for (const route of ["/", "/regler"]) {
      const { page } = await site.open(route);
      await settled(page);
      const unfocused: string[] = [];
      let stops = 0;
      for (; stops < 400; stops++) {
        await page.keyboard.press("Tab");
        const focus = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} ${(el.textContent ?? "").trim().slice(0, 30)}`;
          return { name, ok: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
        });
        if (!focus) break; // past the last stop
        if (!focus.ok) unfocused.push(focus.name);
      }
      expect(stops, `${route}: tab stops`).toBeGreaterThan(5);
      expect(unfocused, `${route}: focused without a visible outline`).toEqual([]);
    }
  }, 120_000);
});
