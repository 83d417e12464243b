/**
 * The static site does not serve the repository: a page that names one of its files (docs/rules.md,
 * lib/synth/README.md, …) names a file that exists, says it is in the source code ("kildekode"),
 * and never links it (a link would lead to a missing page).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./helpers/cli.ts";

/** A repository path in a code span: `docs/cli.md`, `scripts/postbuild-a11y.ts`. */
const REPO_PATH = /`((?:docs|lib|scripts|cli)\/[\w./-]+\.\w+)`/g;

function pages(dir = join(PROJECT_ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name.startsWith("_")
        ? []
        : pages(join(dir, d.name))
      : d.name.endsWith(".md")
        ? [join(dir, d.name)]
        : [],
  );
}

/** The page's prose: without its ```js blocks (code comments may cite docs freely). */
function prose(file: string): string {
  return readFileSync(file, "utf-8").replace(/```[\s\S]*?```/g, "");
}

describe("pages name repository files honestly", () => {
  const mentions = pages().flatMap((file) =>
    prose(file)
      .split(/\n\s*\n/)
      .flatMap((paragraph) => [...paragraph.matchAll(REPO_PATH)].map((m) => ({ file, path: m[1]!, paragraph }))),
  );

  it("finds the docs/ references of /regler and /breve", () => {
    const named = new Set(mentions.map((m) => m.path));
    for (const doc of ["docs/rules.md", "docs/data-format.md", "docs/cli.md", "docs/decisions.md"])
      expect(named, doc).toContain(doc);
  });

  it("names only files that exist, each said to be in the source code", () => {
    for (const m of mentions) {
      expect(existsSync(join(PROJECT_ROOT, m.path)), `${m.path} (${m.file})`).toBe(true);
      // the list items of /regler are covered by the paragraph before them
      const context = m.paragraph.startsWith("- ") ? prose(m.file) : m.paragraph;
      expect(context, `${m.path} in ${m.file}`).toMatch(/kildekode/);
    }
  });

  it("never links a repository file (the site does not serve them)", () => {
    for (const file of pages()) {
      const text = readFileSync(file, "utf-8");
      expect(text, file).not.toMatch(/\]\(\.{0,2}\/?(docs|lib|scripts|cli)\//);
      expect(text, file).not.toMatch(/href=["']?\.{0,2}\/?(docs|lib|scripts|cli)\//);
    }
  });
});
