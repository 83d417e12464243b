// Everything `observable build` / `observable preview` need that Framework would otherwise fetch
// or cannot see: the offline npm cache (with the self-hosted font) and the lib bundle; and a fresh
// data decision (the cached site data is dropped, see data-cache.ts). Run by `prebuild`.
import { fileURLToPath } from "node:url";
import { bundleLib } from "./bundle-lib.ts";
import { clearSiteDataCache } from "./data-cache.ts";
import { fillNpmCache } from "./fill-npm-cache.ts";
import { installFonts } from "./fonts.ts";

export async function prepare(): Promise<void> {
  clearSiteDataCache(fileURLToPath(new URL("../../src", import.meta.url)));
  await Promise.all([fillNpmCache().then(installFonts), bundleLib()]);
}

try {
  await prepare();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
