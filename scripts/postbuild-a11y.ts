// Post-build accessibility fixes to Observable Framework's page template (v1.13), applied to every
// dist/**/*.html after `observable build` (run by `postbuild` and by test/browser/build-site.ts).
// Framework's template cannot be configured on these points (observablehq/framework#2001 for the
// zoom one), so our build repairs them, and the axe test (test/browser/a11y.test.ts) checks them:
// - `maximum-scale=1` in the viewport meta blocks pinch zoom (WCAG 1.4.4): removed;
// - the sidebar's first <ol> holds the close <label> directly (an <ol> may only hold <li>): the
//   label is moved out, just after that list (so Framework's `ol:first-child` styles still apply);
// - the sidebar toggle checkbox is named only by an English `title`: given a Danish name;
// - no way past the sidebar: a "Spring til indhold" link first in <body>, to <main> (made focusable).
// The toggle's visible focus is CSS (src/style.css). Idempotent: running it twice changes nothing.
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { A11Y_LABELS } from "../lib/explain/labels.ts";

export const SKIP_TO_CONTENT = A11Y_LABELS.skipToContent;
export const SIDEBAR_TOGGLE = A11Y_LABELS.sidebarToggle;

const SKIP_LINK = `<a class="skip-link" href="#observablehq-main">${SKIP_TO_CONTENT}</a>`;

/** The fixed page; unchanged when a pattern is missing (e.g. a page without the sidebar). */
export function fixFrameworkHtml(html: string): string {
  let out = html.replace(
    /(<meta name="viewport" content="[^"]*?),\s*maximum-scale=[\d.]+([^"]*")/,
    (_m, head: string, tail: string) => head + tail,
  );
  out = out.replace(
    /(<nav id="observablehq-sidebar">\s*<ol>\s*)(<label id="observablehq-sidebar-close"[^>]*><\/label>)\s*([\s\S]*?<\/ol>)/,
    (_m, open: string, label: string, rest: string) => `${open}${rest}\n  ${label}`,
  );
  out = out.replace(
    /<input id="observablehq-sidebar-toggle" type="checkbox" title="[^"]*">/,
    `<input id="observablehq-sidebar-toggle" type="checkbox" title="${SIDEBAR_TOGGLE}" aria-label="${SIDEBAR_TOGGLE}">`,
  );
  if (!out.includes('class="skip-link"')) out = out.replace(/<body>\n?/, (body) => `${body}${SKIP_LINK}\n`);
  out = out.replace(/<main id="observablehq-main" class="observablehq">/, (main) =>
    main.replace(">", ' tabindex="-1">'),
  );
  return out;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
}

/** Fix every page of the built site in `dist`; returns how many files changed. */
export async function fixBuiltSite(dist: string): Promise<number> {
  let changed = 0;
  for (const file of await htmlFiles(dist)) {
    const html = await readFile(file, "utf-8");
    const fixed = fixFrameworkHtml(html);
    if (fixed !== html) {
      await writeFile(file, fixed);
      changed++;
    }
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = resolve(process.env.TIDLIG_DIST ?? "dist");
  try {
    console.log(`postbuild-a11y: fixed the page template in ${await fixBuiltSite(dist)} pages of ${dist}`);
  } catch (error: unknown) {
    console.error(`postbuild-a11y: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
