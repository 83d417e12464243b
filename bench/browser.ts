/**
 * Browser benchmark: the built site on 127.0.0.1 in headless Debian chromium (playwright-core).
 *
 * - First render: a fresh browser context per run (empty cache), navigation to `/`, time until the
 *   page's `performance.mark("heatmap-rendered")`; bytes transferred until then (CDP
 *   Network.loadingFinished encodedDataLength: headers + body as received), and whether any .wasm
 *   (DuckDB) was requested before it.
 * - Update: the threshold slider is moved; the page marks "threshold-change" when the control
 *   panel takes the input and "repaint-done" once the heavy views (KPIs, tile map, flagged list,
 *   heatmap, table) hold the new verdicts in the DOM and layout has been forced; the difference is
 *   the update time (change → DOM updated and laid out; the paint of the next frame is not in it).
 *   Requests made during the updates are counted (there should be none: no data reload).
 * - Worker parse: a 200,000-row file is chosen on /udforsk; the parse runs in a worker while the
 *   page counts animation frames; the longest gap between frames until the worker's result
 *   arrives (mark "own-data:received") says whether the page kept painting.
 * When the page does not (yet) set a mark, the figures are null and `note` says why.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { bigCsv } from "../test/helpers/big-csv.ts";
import { median } from "./stats.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/browser/chromium.ts";

export interface BrowserOptions {
  readonly runs: number;
  readonly updates: number;
  /** Reuse an existing build in the output folder instead of building. */
  readonly reuseDist: boolean;
  readonly log: (s: string) => void;
}

export interface BrowserResult {
  browser_first_render_ms: number | null;
  browser_bytes_before_render: number | null;
  browser_requests_before_render: number | null;
  browser_wasm_before_render: boolean | null;
  browser_update_ms: number | null;
  browser_update_max_ms: number | null;
  browser_update_requests: number | null;
  /** 200,000-row worker parse on /udforsk: time to the result, frames painted, longest frame gap. */
  browser_parse_ms: number | null;
  browser_parse_frames: number | null;
  browser_parse_max_gap_ms: number | null;
  /** Load event (ms after navigation start) and bytes until the network went idle, for context. */
  browser_load_ms: number | null;
  browser_bytes_total: number | null;
  browser_wasm_fetched_at_all: boolean | null;
  browser_build_ms: number | null;
  /** The largest responses before the render (path and bytes), to see where the bytes go. */
  browser_largest_before_render: { path: string; bytes: number }[] | null;
  browser_note: string | null;
}

export const EMPTY_BROWSER: BrowserResult = {
  browser_first_render_ms: null,
  browser_bytes_before_render: null,
  browser_requests_before_render: null,
  browser_wasm_before_render: null,
  browser_update_ms: null,
  browser_update_max_ms: null,
  browser_update_requests: null,
  browser_parse_ms: null,
  browser_parse_frames: null,
  browser_parse_max_gap_ms: null,
  browser_load_ms: null,
  browser_bytes_total: null,
  browser_wasm_fetched_at_all: null,
  browser_build_ms: null,
  browser_largest_before_render: null,
  browser_note: null,
};

interface Fetch {
  url: string;
  /** ms after navigation start (performance.timeOrigin of the page). */
  start: number;
  end: number | null;
  bytes: number;
}

interface ColdRun {
  renderMs: number | null;
  loadMs: number | null;
  fetches: Fetch[];
}

const WASM = /\.wasm(\?|$)/i;

/** One navigation to `/` in a fresh context. The page is left open for the update benchmark when `keep`. */
async function coldRun(browser: Browser, origin: string, keep: boolean): Promise<ColdRun & { page: Page | null }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const byId = new Map<string, { url: string; ts: number; endTs: number | null; bytes: number }>();
  let doc: { ts: number; wall: number } | null = null;
  cdp.on("Network.requestWillBeSent", (e) => {
    byId.set(e.requestId, { url: e.request.url, ts: e.timestamp, endTs: null, bytes: 0 });
    if (!doc && e.type === "Document") doc = { ts: e.timestamp, wall: e.wallTime };
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = byId.get(e.requestId);
    if (r) {
      r.endTs = e.timestamp;
      r.bytes = e.encodedDataLength;
    }
  });
  await page.goto(`${origin}/`, { waitUntil: "load" });
  let renderMs: number | null = null;
  try {
    await page.waitForFunction(() => performance.getEntriesByName("heatmap-rendered").length > 0, undefined, {
      timeout: 20_000,
      polling: 20,
    });
    renderMs = await page.evaluate(() => performance.getEntriesByName("heatmap-rendered")[0]!.startTime);
  } catch {
    renderMs = null;
  }
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const { timeOrigin, loadMs } = await page.evaluate(() => ({
    timeOrigin: performance.timeOrigin,
    loadMs:
      (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? null,
  }));
  // CDP timestamps are monotonic seconds; the document request's wall time anchors them to the
  // page clock (navigation start = timeOrigin), to within a millisecond or so.
  const d = doc as { ts: number; wall: number } | null;
  const toPage = (ts: number) => (d ? (ts - d.ts) * 1000 + (d.wall * 1000 - timeOrigin) : ts);
  const fetches: Fetch[] = [...byId.values()].map((r) => ({
    url: r.url,
    start: toPage(r.ts),
    end: r.endTs === null ? null : toPage(r.endTs),
    bytes: r.bytes,
  }));
  if (!keep) {
    await context.close();
    return { renderMs, loadMs, fetches, page: null };
  }
  return { renderMs, loadMs, fetches, page };
}

/** Moves the threshold slider to `value`; resolves to repaint-done − threshold-change (ms), or null. */
async function thresholdUpdate(page: Page, value: number): Promise<number | null> {
  return page.evaluate(async (v) => {
    performance.clearMarks("threshold-change");
    performance.clearMarks("repaint-done");
    const range = document.querySelector<HTMLInputElement>('input[name="threshold-range"]');
    if (!range) return null;
    range.value = String(v);
    range.dispatchEvent(new Event("input", { bubbles: true }));
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline) {
      const change = performance.getEntriesByName("threshold-change")[0];
      const done = performance.getEntriesByName("repaint-done").find((e) => !change || e.startTime >= change.startTime);
      if (change && done) return done.startTime - change.startTime;
      await new Promise((r) => setTimeout(r, 5));
    }
    return null;
  }, value);
}

/** A 200,000-row file parsed in the worker on /udforsk, timed against the page's animation frames. */
async function workerParse(browser: Browser, origin: string): Promise<{ ms: number; frames: number; maxGap: number }> {
  const context = await browser.newContext();
  // tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`: the
  // functions passed to page.evaluate below need that helper in the page too.
  await context.addInitScript({ content: "window.__name = (f) => f;" });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/udforsk`, { waitUntil: "load" });
    // DuckDB loads first, so that its start-up does not count against the parse.
    await page.locator("[data-testid=duckdb-status][data-ready=true]").waitFor({ timeout: 90_000 });
    await page.evaluate((csv) => {
      (window as unknown as { __file: File }).__file = new File([csv], "stor.csv", { type: "text/csv" });
    }, bigCsv(200_000));
    const started = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __file: File };
      w.__frames = [];
      const tick = (t: number) => {
        w.__frames.push(t);
        if (!performance.getEntriesByName("own-data:received").length) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const input = document.querySelector<HTMLInputElement>("#own-files")!;
      const dt = new DataTransfer();
      dt.items.add(w.__file);
      input.files = dt.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return performance.now();
    });
    await page.waitForFunction(() => performance.getEntriesByName("own-data:received").length > 0, undefined, {
      timeout: 60_000,
    });
    const { frames, received } = await page.evaluate(() => ({
      frames: (window as unknown as { __frames: number[] }).__frames,
      received: performance.getEntriesByName("own-data:received").at(-1)!.startTime,
    }));
    const marks = [started, ...frames.filter((t) => t >= started && t <= received), received];
    const gaps = marks.slice(1).map((t, i) => t - marks[i]!);
    return { ms: received - started, frames: marks.length - 2, maxGap: Math.max(...gaps) };
  } finally {
    await context.close();
  }
}

export async function browserBench(opts: BrowserOptions): Promise<BrowserResult> {
  if (!existsSync(CHROMIUM))
    return {
      ...EMPTY_BROWSER,
      browser_note: `${CHROMIUM} not found (scripts/ensure-chromium.sh installs Debian's chromium)`,
    };
  process.env.TIDLIG_DIST ??= "dist-bench";
  if (opts.reuseDist) process.env.TIDLIG_REUSE_DIST = "1";
  const { buildSite, DIST } = await import("../test/browser/build-site.ts");
  const { startStaticServer } = await import("../test/browser/static-server.ts");
  opts.log(`browser: building the site into ${DIST} …`);
  const build = await buildSite();
  if (!build.ok)
    return {
      ...EMPTY_BROWSER,
      browser_note: `site build failed (${build.note}):\n${build.log.split("\n").slice(-15).join("\n")}`,
    };
  opts.log(`browser: site ${build.reused ? "reused" : `built in ${(build.durationMs / 1000).toFixed(1)} s`}`);
  if (!existsSync(join(DIST, "index.html")))
    return { ...EMPTY_BROWSER, browser_note: `${DIST}/index.html missing after the build` };

  const server = await startStaticServer(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const notes: string[] = [];
  try {
    const runs: ColdRun[] = [];
    let page: Page | null = null;
    // One unmeasured warm-up navigation (the server's and chromium's own first-use costs).
    await coldRun(browser, server.url, false);
    for (let i = 0; i < opts.runs; i++) {
      const r = await coldRun(browser, server.url, i === opts.runs - 1);
      runs.push(r);
      if (r.page) page = r.page;
      opts.log(
        `browser: cold run ${i + 1}/${opts.runs}: heatmap ${r.renderMs === null ? "not marked" : `${r.renderMs.toFixed(0)} ms`}, load ${r.loadMs?.toFixed(0)} ms`,
      );
    }
    const rendered = runs.filter((r) => r.renderMs !== null);
    const last = runs[runs.length - 1]!;
    const result: BrowserResult = { ...EMPTY_BROWSER, browser_build_ms: build.reused ? null : build.durationMs };
    result.browser_load_ms = median(runs.flatMap((r) => (r.loadMs === null ? [] : [r.loadMs])));
    result.browser_bytes_total = median(runs.map((r) => r.fetches.reduce((s, f) => s + f.bytes, 0)));
    result.browser_wasm_fetched_at_all = runs.some((r) => r.fetches.some((f) => WASM.test(f.url)));
    if (rendered.length === 0) {
      notes.push('`/` never set performance.mark("heatmap-rendered") (within 20 s): first-render figures are null');
    } else {
      result.browser_first_render_ms = median(rendered.map((r) => r.renderMs!));
      const before = (r: ColdRun) => r.fetches.filter((f) => f.end !== null && f.end <= r.renderMs!);
      result.browser_bytes_before_render = median(rendered.map((r) => before(r).reduce((s, f) => s + f.bytes, 0)));
      result.browser_requests_before_render = median(rendered.map((r) => before(r).length));
      const lastRendered = rendered[rendered.length - 1]!;
      result.browser_largest_before_render = before(lastRendered)
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 6)
        .map((f) => ({ path: new URL(f.url).pathname, bytes: f.bytes }));
      result.browser_wasm_before_render = rendered.some((r) =>
        r.fetches.some((f) => WASM.test(f.url) && f.start <= r.renderMs!),
      );
    }

    if (page && last.renderMs !== null) {
      let requests = 0;
      page.on("request", () => requests++);
      const samples: number[] = [];
      const values = [75, 70, 85, 80, 77.5, 90, 65, 82.3, 79, 80];
      await thresholdUpdate(page, 78); // warm-up
      for (let i = 0; i < opts.updates; i++) {
        const ms = await thresholdUpdate(page, values[i % values.length]!);
        if (ms === null) break;
        samples.push(ms);
      }
      if (samples.length === 0)
        notes.push(
          'moving the threshold slider gave no "threshold-change" → "repaint-done" marks (within 5 s): update figures are null',
        );
      else {
        result.browser_update_ms = median(samples);
        result.browser_update_max_ms = Math.max(...samples);
        result.browser_update_requests = requests;
        opts.log(`browser: ${samples.length} threshold updates: ${samples.map((s) => s.toFixed(1)).join(", ")} ms`);
      }
    } else if (rendered.length === 0) notes.push("update figures need the heatmap first: null");
    try {
      const parse = await workerParse(browser, server.url);
      result.browser_parse_ms = parse.ms;
      result.browser_parse_frames = parse.frames;
      result.browser_parse_max_gap_ms = parse.maxGap;
      opts.log(
        `browser: 200k-row parse ${parse.ms.toFixed(0)} ms, ${parse.frames} frames, longest gap ${parse.maxGap.toFixed(0)} ms`,
      );
    } catch (e) {
      notes.push(`worker parse on /udforsk failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    result.browser_note = notes.length ? notes.join("; ") : null;
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
