/**
 * Browser-test harness: serves the built site (dist/) on 127.0.0.1 and drives Debian's chromium
 * through playwright-core. Every page opened through it is checked after each test: a request to
 * any host but 127.0.0.1 (blocked, and recorded), a console error, an uncaught page error or a
 * cell that rendered an Observable error fails the test. A full-page screenshot of each opened page
 * goes to test-artifacts/.
 *
 * Usage (one line per page test):
 *   describeSite("Regler", (site) => {
 *     test("loads", async () => {
 *       const { page } = await site.open("/regler");
 *       expect(await page.textContent("h1")).toContain("Regler");
 *     });
 *   });
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject } from "vitest";
import { DIST, PROJECT } from "./build-site.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = join(PROJECT, "test-artifacts");

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
}

/** Whether chromium can be used; when it cannot and CI=true, that is an error, not a skip. */
export function browserAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(CHROMIUM)) {
    return { ok: false, reason: `${CHROMIUM} not found (run scripts/ensure-chromium.sh, or set CHROMIUM_PATH)` };
  }
  return { ok: true };
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
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  let profile: string | undefined;
  let opened: { result: OpenedPage; options: OpenOptions; path: string }[] = [];

  beforeAll(async () => {
    const build = inject("siteBuild");
    if (!build) throw new Error("the site was not built: test/browser/global-setup.ts did not see this file");
    if (!build.ok) throw new Error(`the site build failed (${build.note}):\n${build.log}`);
    server = await startStaticServer(DIST, { plain: siteOptions.plainServer ?? false });
    profile = await mkdtemp(join(tmpdir(), "tidlig-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true, // adds --headless
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      locale: "da-DK",
      timezoneId: "Europe/Copenhagen",
      viewport: { width: 1280, height: 900 },
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
    await mkdir(ARTIFACTS, { recursive: true });
    const base = `${ctx.task.file?.name.replace(/^.*[\\/]/, "").replace(/\.test\.ts$/, "") ?? "test"}--${ctx.task.name}`
      .replace(/[^\w.-]+/g, "_")
      .slice(0, 120);
    for (const [i, { result, options, path }] of current.entries()) {
      const { page } = result;
      if (!page.isClosed()) {
        await page
          .screenshot({ path: join(ARTIFACTS, `${base}${current.length > 1 ? `-${i + 1}` : ""}.png`), fullPage: true })
          .catch(() => {});
      }
      const cellErrors = page.isClosed() ? [] : await result.cellErrors();
      await page.close().catch(() => {});
      const problems = {
        externalRequests: result.externalRequests,
        pageErrors: result.pageErrors,
        cellErrors,
        consoleErrors: options.allowConsoleErrors ? [] : result.consoleErrors,
      };
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
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  return {
    get origin() {
      if (!server) throw new Error("site server not started (use site inside a test)");
      return server.url;
    },
    async open(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
      if (!context || !server) throw new Error("browser not started (use site.open inside a test)");
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
      opened.push({ result, options, path });
      if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
      if (options.viewport) await page.setViewportSize(options.viewport);
      const response = await page.goto(server.url + path, { waitUntil: options.waitUntil ?? "networkidle" });
      expect(response?.status(), `HTTP status of ${path}`).toBe(200);
      return result;
    },
  };
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
  };
}
