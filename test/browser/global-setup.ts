/**
 * vitest globalSetup: build the site once per run when a selected test needs it (the offline build
 * test or a browser test); `npx vitest run test/domain.test.ts` stays fast. Tests read the outcome
 * with `inject("siteBuild")`.
 */
import type { TestProject } from "vitest/node";
import { buildSite, type SiteBuild } from "./build-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteBuild: SiteBuild | null;
  }
}

export function needsSite(file: string): boolean {
  return /[\\/]test[\\/](browser[\\/]|offline-build\.test\.ts$)/.test(file);
}

export default async function setup(project: TestProject): Promise<void> {
  // Internal but stable in vitest 3: the CLI file filters (undefined = all files).
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  const { testFiles } = await project.globTestFiles(filters);
  if (!testFiles.some(needsSite)) {
    project.provide("siteBuild", null);
    return;
  }
  const build = await buildSite();
  console.log(`site build: ${build.ok ? "ok" : "FAILED"} in ${(build.durationMs / 1000).toFixed(1)} s (${build.note})`);
  project.provide("siteBuild", build);
}
