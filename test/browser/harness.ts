/**
 * Browser-test harness: pages of the built site (dist/) on the shared static server, in the shared
 * chromium that test/browser/global-setup.ts starts once per run (playwright-core, Debian's
 * chromium); each test file gets a browser context of its own. Every page opened through it is
 * checked after each test: a request to any host but 127.0.0.1 (blocked, and recorded), a console
 * error, an uncaught page error or a cell that rendered an Observable error fails the test. A
 * full-page screenshot of each page of a failing test goes to test-artifacts/ (of every page with
 * TIDLIG_SCREENSHOTS=1).
 *
 * Usage (one line per page test):
 *   describeSite("Regler", (site) => {
 *     test("loads", async () => {
 *       const { page } = await site.open("/regler");
 *       expect(await page.textContent("h1")).toContain("Regler");
 *     });
 *   });
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject } from "vitest";
import { PROJECT } from "./build-site.ts";
import { browserAvailability } from "./chromium.ts";
import { siteBuild } from "./site-build.ts";

export { browserAvailability, CHROMIUM } from "./chromium.ts";
export const ARTIFACTS = join(PROJECT, "test-artifacts");

/**
 * The site build runs in the background (global-setup.ts); test files list the built pages while
 * vitest collects them, so every file that uses this harness waits here for the build to end.
 */
const SITE_BUILD = await siteBuild();

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
}

export interface OpenedPage {
  page: Page;
  /** Every request the page made, in order (external ones included; they were aborted). */
  requests: RecordedRequest[];
  /** Requests to any host other than 127.0.0.1. */
  externalRequests: string[];
  /** console.error messages (includes failed resource loads such as 404s). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Text of Observable cells that rendered an error instead of a value. */
  cellErrors(): Promise<string[]>;
}

export interface OpenOptions {
  /** Don't fail the test on console errors (for tests that provoke one on purpose). */
  allowConsoleErrors?: boolean;
  /** Wait state for page.goto; default "networkidle" so the page's cells have run. */
  waitUntil?: "load" | "domcontentloaded" | "networkidle";
  /** prefers-color-scheme to emulate from the first paint (the page's scripts see it too). */
  colorScheme?: "light" | "dark";
  /** Viewport for this page (default 1280×900), set before loading, e.g. 320 px wide for reflow tests. */
  viewport?: { width: number; height: number };
}

export interface Site {
  /** Origin of the static server, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  open(path: string, options?: OpenOptions): Promise<OpenedPage>;
  /**
   * For one test per page over a list of pages: `open(path)` gives the page like `site.open`, and
   * meanwhile loads the next `ahead` pages of the list in tabs of their own, so that their loading
   * overlaps this test's work. A page counts as opened by the test that asks for it (checked and
   * closed after that test); run alone (`-t`), a test loads its page and the next few only.
   */
  pages(paths: readonly string[], options?: OpenOptions, ahead?: number): { open(path: string): Promise<OpenedPage> };
}

function isLocal(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "data:" || u.protocol === "blob:" || u.protocol === "about:") return true;
    return u.hostname === "127.0.0.1";
  } catch {
    return false;
  }
}

export interface SiteOptions {
  /** Serve dist/ like a plain static host: no clean-URL rewriting (see static-server.ts). */
  plainServer?: boolean;
}

/** Register the server/browser lifecycle and the after-each checks in the current describe block. */
export function useSite(siteOptions: SiteOptions = {}): Site {
  let origin: string | null = null;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let opened: { result: OpenedPage; options: OpenOptions; path: string }[] = [];

  beforeAll(async () => {
    const build = SITE_BUILD;
    if (!build) throw new Error("the site was not built: test/browser/global-setup.ts did not see this file");
    if (!build.ok) throw new Error(`the site build failed (${build.note}):\n${build.log}`);
    const endpoint = inject("browserEndpoint");
    origin = inject(siteOptions.plainServer ? "plainSiteOrigin" : "siteOrigin");
    if (!endpoint || !origin) throw new Error("test/browser/global-setup.ts started no browser or server");
    browser = await chromium.connect(endpoint);
    context = await browser.newContext({
      locale: "da-DK",
      timezoneId: "Europe/Copenhagen",
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // Nothing may leave 127.0.0.1: abort anything else (it is still recorded as a request).
    await context.route(
      (url) => !isLocal(url.href),
      (route) => route.abort("blockedbyclient"),
    );
  });

  afterEach(async (ctx) => {
    const current = opened;
    opened = [];
    const base = `${ctx.task.file?.name.replace(/^.*[\\/]/, "").replace(/\.test\.ts$/, "") ?? "test"}--${ctx.task.name}`
      .replace(/[^\w.-]+/g, "_")
      .slice(0, 120);
    for (const [i, { result, options, path }] of current.entries()) {
      const { page } = result;
      const cellErrors = page.isClosed() ? [] : await result.cellErrors();
      const problems = {
        externalRequests: result.externalRequests,
        pageErrors: result.pageErrors,
        cellErrors,
        consoleErrors: options.allowConsoleErrors ? [] : result.consoleErrors,
      };
      const clean = Object.values(problems).every((list) => list.length === 0);
      // A full-page screenshot costs about a second of CPU: taken when something is wrong, or for
      // every page with TIDLIG_SCREENSHOTS=1.
      const failed = ctx.task.result?.state === "fail" || !clean;
      if (!page.isClosed() && (failed || process.env.TIDLIG_SCREENSHOTS === "1")) {
        await mkdir(ARTIFACTS, { recursive: true });
        await page
          .screenshot({ path: join(ARTIFACTS, `${base}${current.length > 1 ? `-${i + 1}` : ""}.png`), fullPage: true })
          .catch(() => {});
      }
      await page.close().catch(() => {});
      expect(problems, `problems on ${path}`).toEqual({
        externalRequests: [],
        pageErrors: [],
        cellErrors: [],
        consoleErrors: [],
      });
    }
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close(); // disconnects; the shared chromium stays up for the other files
  });

  return {
    get origin() {
      if (!origin) throw new Error("site server not started (use site inside a test)");
      return origin;
    },
    open: async (path: string, options: OpenOptions = {}) => {
      const loading = load(path, options);
      opened.push({ result: (await loading.created).result, options, path });
      return loading.loaded;
    },
    pages(paths: readonly string[], options: OpenOptions = {}, ahead = 2) {
      // One tab per path: a test that needs a page of its own for a path used twice uses site.open.
      if (new Set(paths).size !== paths.length) throw new Error(`site.pages needs distinct paths: ${paths.join(" ")}`);
      const started = new Map<string, ReturnType<typeof load>>();
      const start = (path: string) => {
        let loading = started.get(path);
        if (!loading) {
          loading = load(path, options);
          loading.loaded.catch(() => {}); // reported by the test that asks for this page
          started.set(path, loading);
        }
        return loading;
      };
      return {
        async open(path: string): Promise<OpenedPage> {
          const at = paths.indexOf(path);
          if (at < 0) throw new Error(`${path} is not in the list given to site.pages`);
          const loading = start(path);
          for (const next of paths.slice(at + 1, at + 1 + ahead)) start(next);
          opened.push({ result: (await loading.created).result, options, path });
          return loading.loaded;
        },
      };
    },
  };

  /** A new tab with the checks' listeners (`created`), and the page loaded in it (`loaded`). */
  function load(path: string, options: OpenOptions) {
    const created = (async () => {
      if (!context || !origin) throw new Error("browser not started (use site.open inside a test)");
      const page = await context.newPage();
      const result: OpenedPage = {
        page,
        requests: [],
        externalRequests: [],
        consoleErrors: [],
        pageErrors: [],
        cellErrors: () =>
          page.$$eval(".observablehq--error", (nodes) => nodes.map((n) => (n.textContent ?? "").trim())),
      };
      page.on("request", (request) => {
        result.requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType() });
        if (!isLocal(request.url())) result.externalRequests.push(request.url());
      });
      page.on("console", (message) => {
        if (message.type() === "error") result.consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => result.pageErrors.push(error.message));
      return { result, origin };
    })();
    const loaded = created.then(async ({ result, origin }) => {
      const { page } = result;
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      if (options.viewport) await page.setViewportSize(options.viewport);
      const response = await page.goto(origin + path, { waitUntil: options.waitUntil ?? "networkidle" });
      expect(response?.status(), `HTTP status of ${path}`).toBe(200);
      return result;
    });
    return { created, loaded };
  }
}

/**
 * describe() for browser tests: skipped with a clear message when chromium is missing, except
 * with CI=true, where a missing browser fails the run.
 */
export function describeSite(name: string, body: (site: Site) => void, options: SiteOptions = {}): void {
  const availability = browserAvailability();
  if (!availability.ok) {
    if (process.env.CI === "true") {
      describe(name, () => {
        beforeAll(() => {
          throw new Error(`browser tests cannot run with CI=true: ${availability.reason}`);
        });
        body(unavailableSite(availability.reason));
      });
    } else {
      console.warn(`Skipping browser tests "${name}": ${availability.reason}`);
      describe.skip(name, () => body(unavailableSite(availability.reason)));
    }
    return;
  }
  describe(name, () => body(useSite(options)));
}

function unavailableSite(reason: string): Site {
  return {
    get origin(): string {
      throw new Error(reason);
    },
    open: () => Promise.reject(new Error(reason)),
    pages: () => ({ open: () => Promise.reject(new Error(reason)) }),
  };
}

/**
 * Runs `fn` for every item, at most `limit` at a time (pages in tabs of their own: a page mostly
 * waits on the network and the renderer, so a few side by side finish sooner than one after another).
 * Every page opened this way is still checked after the test like any other.
 */
export async function eachConcurrently<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  // Every lane ends before the test goes on (no page is still opening when the test has failed).
  const lanes = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  for (const result of lanes) if (result.status === "rejected") throw result.reason;
}
