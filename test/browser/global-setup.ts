/**
 * vitest globalSetup: build the site once per run when a selected test needs it (the offline build
 * test or a browser test); `npx vitest run test/domain.test.ts` stays fast. When browser tests are
 * selected, it also starts ONE static server for dist/ and ONE chromium (a Playwright browser
 * server) that every browser test file shares; each file gets its own browser context. Tests read
 * them with `inject("siteBuild")`, `inject("siteOrigin")` and `inject("browserEndpoint")`.
 */
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { buildSite, DIST, type SiteBuild } from "./build-site.ts";
import { browserAvailability, CHROMIUM, CHROMIUM_ARGS } from "./chromium.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteBuild: SiteBuild | null;
    /** Origin of the shared static server for dist/ (clean URLs), or null when no browser test runs. */
    siteOrigin: string | null;
    /** The same dist/ served like a plain static host (no clean-URL rewriting; publish.test.ts). */
    plainSiteOrigin: string | null;
    /** Websocket endpoint of the shared chromium, or null when no browser test runs. */
    browserEndpoint: string | null;
  }
}

export function needsSite(file: string): boolean {
  return /[\\/]test[\\/](browser[\\/]|offline-build\.test\.ts$)/.test(file);
}

export function isBrowserTest(file: string): boolean {
  return /[\\/]test[\\/]browser[\\/].*\.test\.ts$/.test(file);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Internal but stable in vitest 3: the CLI file filters (undefined = all files).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  project.provide("siteOrigin", null);
  project.provide("plainSiteOrigin", null);
  project.provide("browserEndpoint", null);
  if (!testFiles.some(needsSite)) {
    project.provide("siteBuild", null);
    return async () => {};
  }
  const build = await buildSite();
  console.log(`site build: ${build.ok ? "ok" : "FAILED"} in ${(build.durationMs / 1000).toFixed(1)} s (${build.note})`);
  project.provide("siteBuild", build);
  if (!build.ok || !testFiles.some(isBrowserTest) || !browserAvailability().ok) return async () => {};

  let server: StaticServer | undefined;
  let plain: StaticServer | undefined;
  let browser: BrowserServer | undefined;
  const teardown = async () => {
    await browser?.close();
    await server?.close();
    await plain?.close();
  };
  try {
    server = await startStaticServer(DIST);
    plain = await startStaticServer(DIST, { plain: true });
    browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("siteOrigin", server.url);
  project.provide("plainSiteOrigin", plain.url);
  project.provide("browserEndpoint", browser.wsEndpoint());
  return teardown;
}
