// Framework's theme sets its text in "Source Serif 4", which it would load from a font CDN. We
// self-host it from npm (@fontsource-variable/source-serif-4): the latin subset, upright and
// italic, plus a small @font-face stylesheet, are put into Framework's npm cache, where the
// `npm:` links in the page head (observablehq.config.ts) find them; the build copies them into
// dist/_npm/ unhashed. Run by prepare.ts and dev.ts after fillNpmCache (which may empty the cache).
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { NPM_CACHE } from "./fill-npm-cache.ts";

export const FONT_PACKAGE = "@fontsource-variable/source-serif-4";
/** The stylesheet written beside the font files (not part of the package; ours). */
export const FONT_CSS = "tidlig-serif.css";
export const FONT_FILES = {
  normal: "files/source-serif-4-latin-opsz-normal.woff2",
  italic: "files/source-serif-4-latin-opsz-italic.woff2",
} as const;
/** The package's latin unicode-range: other characters fall back to the next font in --serif. */
const LATIN =
  "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F," +
  "U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD";

function fontFace(style: "normal" | "italic"): string {
  return (
    `@font-face{font-family:"Source Serif 4";font-style:${style};font-display:swap;font-weight:200 900;` +
    `src:url(./${FONT_FILES[style]}) format("woff2-variations"),url(./${FONT_FILES[style]}) format("woff2");` +
    `unicode-range:${LATIN}}\n`
  );
}

export async function installFonts(): Promise<void> {
  const pkgJson = createRequire(import.meta.url).resolve(`${FONT_PACKAGE}/package.json`);
  const { version } = JSON.parse(await readFile(pkgJson, "utf8")) as { version: string };
  const target = join(NPM_CACHE, `${FONT_PACKAGE}@${version}`);
  await mkdir(join(target, "files"), { recursive: true });
  for (const file of Object.values(FONT_FILES)) await copyFile(join(dirname(pkgJson), file), join(target, file));
  await writeFile(
    join(target, FONT_CSS),
    `/* Source Serif 4 (OFL-1.1), self-hosted */\n${fontFace("normal")}${fontFace("italic")}`,
  );
}
