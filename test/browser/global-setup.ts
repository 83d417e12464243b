/**
 * vitest globalSetup: build the site once per run when a selected test needs it (the offline build
 * test or a browser test); `npx vitest run test/domain.test.ts` stays fast. When browser tests are
 * selected, it also starts ONE static server for dist/ and ONE chromium (a Playwright browser
 * server) that every browser test file shares; each file gets its own browser context. Tests read
 * them with `await siteBuild()` (site-build.ts), `inject("siteOrigin")` and `inject("browserEndpoint")`.
 *
 * The build runs in the background: the test files that do not need the site run meanwhile, and
 * those that do wait for its outcome, which this setup writes to the file `inject("siteBuildFile")`
 * names when the build has ended.
 */
import { randomBytes } from "node:crypto";
import { rm, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { buildSite, DIST, isBrowserTest, needsSite, type SiteBuild } from "./build-site.ts";
import { browserAvailability, CHROMIUM, CHROMIUM_ARGS } from "./chromium.ts";
import { startStaticServer, type StaticServer } from "./static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the outcome of this run's site build (a SiteBuild) appears, or null when nothing needs it. */
    siteBuildFile: string | null;
    /** Origin of the shared static server for dist/ (clean URLs), or null when no browser test runs. */
    siteOrigin: string | null;
    /** The same dist/ served like a plain static host (no clean-URL rewriting; publish.test.ts). */
    plainSiteOrigin: string | null;
    /** Websocket endpoint of the shared chromium, or null when no browser test runs. */
    browserEndpoint: string | null;
  }
}

/** Build, then publish the outcome in one step (a rename), so that no reader sees half a file. */
async function buildInto(file: string): Promise<SiteBuild> {
  let build: SiteBuild;
  try {
    build = await buildSite();
  } catch (error) {
    const log = error instanceof Error ? (error.stack ?? error.message) : String(error);
    build = {
      ok: false,
      networkIsolated: false,
      note: "the build could not be started",
      reused: false,
      log,
      durationMs: 0,
    };
  }
  console.log(`site build: ${build.ok ? "ok" : "FAILED"} in ${(build.durationMs / 1000).toFixed(1)} s (${build.note})`);
  await writeFile(`${file}.part`, JSON.stringify(build));
  await rename(`${file}.part`, file);
  return build;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Internal but stable in vitest 3: the CLI file filters (undefined = all files).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  project.provide("siteOrigin", null);
  project.provide("plainSiteOrigin", null);
  project.provide("browserEndpoint", null);
  if (!testFiles.some(needsSite)) {
    project.provide("siteBuildFile", null);
    return async () => {};
  }
  const file = join(tmpdir(), `tidlig-site-build-${process.pid}-${randomBytes(4).toString("hex")}.json`);
  project.provide("siteBuildFile", file);
  const building = buildInto(file);

  let server: StaticServer | undefined;
  let plain: StaticServer | undefined;
  let browser: BrowserServer | undefined;
  const teardown = async () => {
    await building;
    await browser?.close();
    await server?.close();
    await plain?.close();
    await rm(file, { force: true });
  };
  if (!testFiles.some(isBrowserTest) || !browserAvailability().ok) return teardown;
  // Server and browser start while the site builds: the server reads dist/ only when asked.
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
