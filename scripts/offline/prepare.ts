// Everything `observable build` / `observable preview` need that Framework would otherwise fetch
// or cannot see: the offline npm cache and the lib bundle. Run by `prebuild` and `npm run dev`.
import { bundleLib } from "./bundle-lib.ts";
import { fillNpmCache } from "./fill-npm-cache.ts";

export async function prepare(): Promise<void> {
  await Promise.all([fillNpmCache(), bundleLib()]);
}

try {
  await prepare();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
