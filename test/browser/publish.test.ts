// Publish anywhere, and the audit trail: dist/ served by a PLAIN static server (no URL rewriting,
// like `python3 -m http.server`) has no broken internal link and no console error; every page
// shows its audit trail, whose SHA-256 is that of the measurements file in dist/ and whose command,
// run through the CLI, gives the page's own verdicts.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DIST, PROJECT } from "./build-site.ts";
import type { Page } from "playwright-core";
import { runCli } from "../helpers/cli.ts";
import { describeSite, eachConcurrently, type Site } from "./harness.ts";

/** Every built page as a plain URL path: index.html → /, regler.html → /regler.html. */
function builtPages(): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(DIST, { recursive: true, encoding: "utf-8" });
  } catch {
    return ["/"];
  }
  return files
    .map((f) => f.replace(/\\/g, "/"))
    .filter((f) => f.endsWith(".html") && !f.startsWith("_"))
    .map((f) => "/" + f.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

/** The pages opened in the browser: every page but the 98 municipality pages, of which a sample. */
const BROWSER_PAGES = builtPages().filter(
  (p) => !p.startsWith("/kommune/") || ["/kommune/183.html", "/kommune/825.html"].includes(p),
);

/** CLI results by command: pages that show the same command share one run (the CLI is deterministic). */
const cliRuns = new Map<string, Promise<{ code: string; status: string }[]>>();

/**
 * Verdicts of the command shown on a page: split into words by the shell (it must be a valid shell
 * command), the `npx tidlig-indsats` prefix dropped, the rest run through the CLI's own entry point
 * (in-process; the executable in bin/ is tested by cli.test.ts).
 */
function runShownCommand(command: string): Promise<{ code: string; status: string }[]> {
  const words = spawnSync("sh", ["-c", `printf '%s\\n' ${command}`], { encoding: "utf8" }).stdout.split("\n");
  expect(words.slice(0, 3)).toEqual(["npx", "tidlig-indsats", "evaluate"]);
  let run = cliRuns.get(command);
  if (!run) {
    run = runCli(...words.slice(2, -1), "--format", "json").then((r) => {
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { municipalities: { code: string; status: string }[] }).municipalities;
    });
    cliRuns.set(command, run);
  }
  return run;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The measurements file the site ships, and its provenance, as they are in dist/. */
function shipped(): { csv: Buffer; provenance: { sha256: string; kind: string; binary: { sha256: string } } } {
  const dir = join(DIST, "_file", "data", "site");
  const files = readdirSync(dir);
  const csv = files.filter((f) => /^measurements\.[0-9a-f]+\.csv$/.test(f));
  const json = files.filter((f) => /^provenance\.[0-9a-f]+\.json$/.test(f));
  expect(csv, "one measurements file in dist/").toHaveLength(1);
  expect(json, "one provenance file in dist/").toHaveLength(1);
  return {
    csv: readFileSync(join(dir, csv[0]!)),
    provenance: JSON.parse(readFileSync(join(dir, json[0]!), "utf8")),
  };
}

type Audit = Awaited<ReturnType<typeof auditTrail>>;

/** What a page's audit trail shows (once it is there). */
async function auditTrail(page: Page) {
  const audit = page.locator("[data-testid=audit-trail]");
  await audit.waitFor();
  return {
    command: ((await audit.locator("[data-testid=audit-command]").textContent()) ?? "").trim(),
    sha: (await audit.getAttribute("data-sha256")) ?? "",
    flagged: await audit.getAttribute("data-flagged"),
    status: await audit.getAttribute("data-status"),
    text: (await audit.textContent()) ?? "",
  };
}

async function auditOf(site: Site, path: string) {
  const opened = await site.open(path);
  return { ...opened, ...(await auditTrail(opened.page)) };
}

/**
 * The audit trails the link test saw on the plain server, by page: the per-page audit tests read
 * them instead of loading each page a second time (run alone, such a test loads its page itself).
 */
const crawledAudits = new Map<string, Audit>();

describeSite(
  "publishing: dist/ on a plain static server",
  (site) => {
    test("the provenance names the SHA-256 of the measurements files in dist/ (CSV and binary)", () => {
      const { csv, provenance } = shipped();
      expect(provenance.sha256).toBe(sha256(csv));
      const dir = join(DIST, "_file", "data", "site");
      const bins = readdirSync(dir).filter((f) => /^measurements\.[0-9a-f]+\.bin$/.test(f));
      expect(bins).toHaveLength(1);
      expect(provenance.binary.sha256).toBe(sha256(readFileSync(join(dir, bins[0]!))));
    });

    test("every internal link of every page resolves (no 404), and the pages load without console errors", async () => {
      const links = new Map<string, string>(); // link → a page it was found on
      // Long: every page in the browser, then one request per distinct link.
      const found = new Map<string, string[]>(); // page → its links, in page order below
      await eachConcurrently(BROWSER_PAGES, 3, async (path) => {
        const { page } = await site.open(path);
        crawledAudits.set(path, await auditTrail(page));
        // SVG links (tile map, heatmap) have no string .href: resolve the attribute.
        found.set(
          path,
          await page.$$eval("a[href], link[href]", (els) =>
            els.map((e) => new URL(e.getAttribute("href") ?? "", document.baseURI).href),
          ),
        );
      });
      for (const path of BROWSER_PAGES) {
        for (const href of found.get(path) ?? []) {
          const url = new URL(href);
          if (url.origin !== site.origin || url.protocol === "blob:") continue;
          url.hash = "";
          if (!links.has(url.href)) links.set(url.href, path);
        }
      }
      // The static HTML of every page (the 98 municipality pages included): its links, not rendered.
      for (const path of builtPages()) {
        const html = readFileSync(join(DIST, path.endsWith("/") ? `${path}index.html` : path), "utf8");
        for (const m of html.matchAll(/\s(?:href|src)="([^"#:]+)(?:#[^"]*)?"/g)) {
          const url = new URL(m[1]!, site.origin + path);
          if (!links.has(url.href)) links.set(url.href, path);
        }
      }
      expect(links.size).toBeGreaterThan(100);
      const broken: string[] = [];
      for (const [href, from] of links) {
        const response = await fetch(href, { method: "HEAD" });
        if (response.status !== 200) broken.push(`${href} (${response.status}, linked from ${from})`);
      }
      expect(broken).toEqual([]);
      // Every page reached through the site's own links is a page file, with its extension.
      const pageLinks = [...links.keys()].filter((l) => !/\/_(file|import|npm|observablehq)\//.test(l));
      expect(pageLinks.filter((l) => !/(\.html|\/)(\?|$)/.test(new URL(l).pathname + "?"))).toEqual([]);
    }, 300_000);

    for (const path of BROWSER_PAGES) {
      test(`${path}: data kind, date, SHA-256, rules version, parameters and a command the CLI runs`, async () => {
        const { csv, provenance } = shipped();
        const version = JSON.parse(readFileSync(join(PROJECT, "package.json"), "utf8")).version as string;
        const a = crawledAudits.get(path) ?? (await auditOf(site, path));
        expect(a.sha, path).toBe(sha256(csv));
        expect(a.sha).toBe(provenance.sha256);
        expect(a.text).toContain(a.sha.slice(0, 16));
        expect(a.text).toMatch(provenance.kind === "live" ? /live data fra Jobindsats, hentet \d/ : /syntetiske data/);
        expect(a.text).toMatch(/(hentet|bygget) \d{1,2}\. [a-zæøå]+ \d{4}/);
        expect(a.text).toContain(`tidlig-indsats ${version}`);
        expect(a.text).toMatch(/tærskel|grænse/);
        expect(a.command).toMatch(
          /^npx tidlig-indsats evaluate --input data\/\S+ --rules \S+ --period \S+ --threshold /,
        );
        const verdicts = await runShownCommand(a.command);
        expect(verdicts, path).toHaveLength(98);
        if (a.flagged) {
          const wanted = / --mode restoration/.test(a.command) ? "not-restored" : "flagged";
          expect(verdicts.filter((v) => v.status === wanted).length, path).toBe(Number(a.flagged));
        }
      }, 60_000);
    }

    test("a favicon is declared (inline, no request); nothing asks for a missing /favicon.ico", async () => {
      const { page, requests } = await site.open("/");
      const href = await page.$eval("link[rel=icon]", (l) => l.getAttribute("href") ?? "");
      expect(href).toMatch(/^data:image\/svg\+xml,/);
      expect(decodeURIComponent(href.slice(href.indexOf(",") + 1))).toContain("<svg");
      expect(requests.filter((r) => /favicon/.test(r.url))).toEqual([]);
      for (const r of requests) expect((await page.request.head(r.url)).status(), r.url).toBe(200);
      // Moving a control rewrites the address: still no request (no icon refetch, no data reload).
      const before = requests.length;
      const slider = page.locator("form input[type=range]").first();
      await slider.focus();
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => page.url()).toContain("threshold=");
      expect(requests.slice(before).map((r) => r.url)).toEqual([]);
    });

    test("the text is set in the self-hosted Source Serif 4 (no font CDN), also in print and dark mode", async () => {
      const { page, requests } = await site.open("/regler.html");
      await page.evaluate(() => document.fonts.ready);
      const loaded = await page.evaluate(() =>
        Array.from(document.fonts as unknown as Iterable<FontFace>).filter(
          (f) => f.family.replace(/"/g, "") === "Source Serif 4" && f.status === "loaded",
        ),
      );
      expect(loaded.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Source Serif 4/);
      expect(
        requests.some((r) => /_npm\/@fontsource-variable\/source-serif-4@[^/]+\/files\/.*\.woff2$/.test(r.url)),
      ).toBe(true);
      const colors = () =>
        page.evaluate(() => {
          const body = getComputedStyle(document.body);
          return { font: body.fontFamily, color: body.color };
        });
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await colors();
      await page.emulateMedia({ colorScheme: "light" });
      const light = await colors();
      expect(dark.color).not.toBe(light.color);
      expect(dark.font).toBe(light.font);
      await page.emulateMedia({ media: "print", colorScheme: "light" });
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Source Serif 4/);
    });
  },
  { plainServer: true },
);

describeSite("the audit trail on every page", (site) => {
  test("the banner says when the build's live fetch failed, and never calls unmarked data live", async () => {
    const { page } = await site.open("/regler");
    // The built banner module, rendered in the page (a string: vitest would rewrite a dynamic import()).
    const banner = (provenance: object): Promise<{ text: string; testid: string }> =>
      page.evaluate(`(async () => {
        const link = document.querySelector('link[rel=modulepreload][href*="components/banner."]');
        const el = (await import(link.href)).dataBanner(${JSON.stringify(provenance)});
        return { text: el.textContent.replace(/\\s+/g, " ").trim(), testid: el.dataset.testid };
      })()`);
    const failed = { attempted: true, ok: false, error: "HTTP 503" };
    const base = { file: "x.csv", decidedAt: "2025-03-04T10:00:00Z" };
    const synthetic = await banner({ ...base, kind: "synthetic", synthetic: true, manifest: {}, fetch: failed });
    expect(synthetic.testid).toBe("synthetic-banner");
    expect(synthetic.text).toContain("Live hentning mislykkedes — viser de syntetiske data.");
    const live = { kind: "live", synthetic: false, manifest: { fetchedAt: "2025-02-01T08:00:00Z" } };
    const older = await banner({ ...base, ...live, fetch: failed });
    expect(older.testid).toBe("live-banner");
    expect(older.text).toContain("Live hentning mislykkedes — viser de tidligere hentede data fra 1. februar 2025.");
    const fine = await banner({ ...base, ...live, fetch: { attempted: true, ok: true } });
    expect(fine.text).not.toContain("mislykkedes");
    // Fail closed: anything not positively marked live is shown as synthetic.
    for (const p of [
      { kind: "live", manifest: {} },
      { kind: "live", synthetic: "false", manifest: {} },
      { manifest: {} },
    ]) {
      expect((await banner({ ...base, ...p })).testid).toBe("synthetic-banner");
    }
  });

  test("the command follows the URL state and reproduces the page's own figures", async () => {
    for (const query of ["?threshold=85&period=2024H2", "?rules=genopretning-2020&mode=restoration&threshold=75"]) {
      const a = await auditOf(site, `/${query}`);
      for (const [key, value] of new URLSearchParams(query)) {
        const flag = key === "threshold" ? "--threshold" : key === "mode" ? "--mode" : `--${key}`;
        expect(a.command).toContain(`${flag} ${value}`);
      }
      const shownCount = Number(await a.page.textContent("[data-testid=flagged-count]"));
      expect(Number(a.flagged)).toBe(shownCount);
      const wanted = / --mode restoration/.test(a.command) ? "not-restored" : "flagged";
      expect((await runShownCommand(a.command)).filter((v) => v.status === wanted).length).toBe(shownCount);
    }
    const k = await auditOf(site, "/kommune/326?rules=genopretning-2020&period=2022-09..2022-11");
    expect(k.command).toContain("--period 2022-09..2022-11");
    const shown = await k.page.getAttribute("[data-testid=municipality-verdict]", "data-status");
    expect(k.status).toBe(shown);
    expect((await runShownCommand(k.command)).find((v) => v.code === "326")?.status).toBe(shown);
  });

  test("the copy button (Danish, accessible) copies the command; printing keeps the trail, not the button", async () => {
    const a = await auditOf(site, "/hvad-hvis?threshold=90");
    const button = a.page.getByRole("button", { name: "Kopiér kommandoen til udklipsholderen" });
    await button.click();
    await expect.poll(() => a.page.textContent("[data-testid=audit-trail] [role=status]")).toMatch(/Kopieret|markeret/);
    await a.page.emulateMedia({ media: "print" });
    expect(await a.page.locator("[data-testid=audit-command]").isVisible()).toBe(true);
    expect(await button.isVisible()).toBe(false);
  });
});
