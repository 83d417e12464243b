/**
 * File snapshots of rendered components, in the style of Observable Plot's tests: the HTML of a
 * component is compared with test/output/NAME.html. A missing file is written (and fails under
 * CI=true); `TIDLIG_UPDATE_SNAPSHOTS=1 npx vitest run test/components.test.ts` rewrites them
 * after a deliberate change (review the diff before committing).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const OUTPUT = resolve(dirname(fileURLToPath(import.meta.url)), "../output") + "/";

/** Markup with one element per line where tags meet, so that a diff points at the change. */
export function formatHtml(node: Element): string {
  return `${node.outerHTML.replace(/>\s*</g, ">\n<").trim()}\n`;
}

export function expectHtmlSnapshot(name: string, node: Element): void {
  const file = `${OUTPUT}${name}.html`;
  const actual = formatHtml(node);
  if (process.env.TIDLIG_UPDATE_SNAPSHOTS === "1" || (!existsSync(file) && process.env.CI !== "true")) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${file} is missing (run with TIDLIG_UPDATE_SNAPSHOTS=1)`).toBe(true);
  expect(actual, `${name}.html differs from test/output (TIDLIG_UPDATE_SNAPSHOTS=1 rewrites it)`).toBe(
    readFileSync(file, "utf-8"),
  );
}
