/**
 * Debian's chromium as the browser tests and the benchmark launch it (playwright-core, never
 * Playwright's own download).
 */
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** No sandbox (containers), no GPU, and nothing that phones home. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Whether chromium can be used; when it cannot and CI=true, that is an error, not a skip. */
export function browserAvailability(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(CHROMIUM)) {
    return { ok: false, reason: `${CHROMIUM} not found (run scripts/ensure-chromium.sh, or set CHROMIUM_PATH)` };
  }
  return { ok: true };
}
