// Observable Framework configuration for the "Tidlig indsats" site.
// Builds fully offline: see scripts/offline/fill-npm-cache.ts (run by `prebuild` / `npm run dev`).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "src");

/** The site's pages in menu order; a page is listed only once its Markdown file exists. */
const PAGES: { name: string; path: string; file: string }[] = [
  { name: "Varsling", path: "/varsling", file: "varsling.md" },
  { name: "Kommuner", path: "/kommuner", file: "kommuner.md" },
  { name: "Regler", path: "/regler", file: "regler.md" },
  { name: "Udforsk", path: "/udforsk", file: "udforsk.md" },
  { name: "Hvad hvis", path: "/hvad-hvis", file: "hvad-hvis.md" },
  { name: "Breve", path: "/breve", file: "breve.md" },
  { name: "Data", path: "/data", file: "data.md" },
];

/** One page per municipality, /kommune/CODE, for every code in data/municipalities.csv (all 98). */
const MUNICIPALITY_CODES: string[] = readFileSync(join(root, "..", "data", "municipalities.csv"), "utf-8")
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== "")
  .map((line) => line.split(",")[0]!.trim());

/**
 * src/favicon.svg inline as a data: URL: no request at all (a linked icon is fetched again on
 * every address change, i.e. on every control change, by Chromium when the host does not cache).
 */
const FAVICON = `data:image/svg+xml,${encodeURIComponent(readFileSync(join(root, "favicon.svg"), "utf-8").trim())}`;

export default {
  root: "src",
  // TIDLIG_DIST lets concurrent test runs build into folders of their own (see test/browser/build-site.ts).
  output: process.env.TIDLIG_DIST ?? "dist",
  title: "Tidlig indsats",
  home: "Overblik",
  dynamicPaths: MUNICIPALITY_CODES.map((code) => `/kommune/${code}`),
  pages: PAGES.filter((p) => existsSync(join(root, p.file))).map(({ name, path }) => ({ name, path })),
  // Plain `.html` links, so dist/ works on any static host (no URL rewriting needed).
  preserveExtension: true,
  // Framework has no `lang` option; set it before anything renders (Danish UI, hyphenation, screen readers).
  // Favicon; the theme's serif font self-hosted from npm (scripts/offline/fonts.ts), not from a font CDN.
  head: `<script>document.documentElement.lang = "da";</script>
<link rel="icon" href="${FAVICON}" type="image/svg+xml">
<link rel="stylesheet" href="npm:@fontsource-variable/source-serif-4/tidlig-serif.css">
<link rel="preload" as="font" type="font/woff2" crossorigin
  href="npm:@fontsource-variable/source-serif-4/files/source-serif-4-latin-opsz-normal.woff2">
<link rel="prefetch" as="font" type="font/woff2" crossorigin
  href="npm:@fontsource-variable/source-serif-4/files/source-serif-4-latin-opsz-italic.woff2">`,
  // The default theme links its font from a font CDN: none here (see head).
  globalStylesheets: [],
  // System fonts, the data banner and print rules; imports Framework's own themes (light/dark).
  style: "style.css",
  footer: "Tidlig indsats — genberegning af STAR's opfølgning på kommunernes tidlige indsats.",
  search: false,
  // The previous/next pager's labels are English and cannot be translated.
  pager: false,
  // No DuckDB extensions: null skips the download from DuckDB's extension host (false still downloads).
  // Without them DuckDB-WASM reads Arrow IPC and CSV, not Parquet or JSON.
  duckdb: { extensions: { json: null, parquet: null } },
};
