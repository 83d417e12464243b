/**
 * The overview heatmap: every municipality (rows) × months (columns), coloured by the share
 * without effort on the diverging scale centred on the limit. Breach months carry a dot and
 * months below the minimum a ring, so nothing is told by colour alone; unknown months are
 * hatched. The evaluated window is outlined. The ≈2,400 cells are pixels on a canvas; the labels,
 * row links and window outline an SVG over it (see heatmapView); the figures come from lib
 * (heatmapRows), never computed here.
 */
import {
  HEATMAP_TEXT,
  STATUS_LABELS,
  STATUS_SYMBOLS,
  formatMonthAbbreviation,
  type HeatmapRow,
  type Month,
  type MunicipalityStatus,
  type SortOrder,
} from "./_gen/tidlig.js";
import { shareColor, shareLegendStops } from "./colors.js";
import { shareRgbPacked } from "./share-scale.js";
import type { InPlaceView } from "./view.js";

export interface HeatmapMunicipality {
  readonly code: string;
  readonly name: string;
  readonly region: string;
  readonly status: MunicipalityStatus;
}

export interface HeatmapOptions {
  readonly rows: readonly HeatmapRow[];
  readonly months: readonly Month[];
  readonly municipalities: ReadonlyMap<string, HeatmapMunicipality>;
  /** Percent without effort above which a month is a breach. */
  readonly limit: number;
  readonly minPopulation: number;
  readonly sort: SortOrder;
  /** Danish name of the criterion shown, for the caption and aria text. */
  readonly criterionLabel: string;
  /** Link target of a municipality (default `./kommune/<code>`). */
  readonly href?: (code: string) => string;
}

const STATUS_RANK: Readonly<Record<MunicipalityStatus, number>> = {
  flagged: 0,
  "not-restored": 0,
  exempted: 1,
  "insufficient-data": 2,
  compliant: 3,
  restored: 3,
  "not-covered": 4,
  "not-under-restoration": 4,
};

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Mean share in the window (unknown months left out); -1 when none is known. */
function windowMean(row: HeatmapRow): number {
  let sum = 0;
  let n = 0;
  for (const c of row.cells) {
    if (c.inWindow && c.shareWithout !== null) {
      sum += c.shareWithout;
      n++;
    }
  }
  return n ? sum / n : -1;
}

let sortCollator: Intl.Collator | null = null;

/** Rows in the requested order; region order adds a header before each region. */
export function orderRows(
  rows: readonly HeatmapRow[],
  municipalities: ReadonlyMap<string, HeatmapMunicipality>,
  sort: SortOrder,
): HeatmapRow[] {
  const name = (r: HeatmapRow) => municipalities.get(r.code)?.name ?? r.code;
  const collator = (sortCollator ??= new Intl.Collator("da-DK"));
  const byName = (a: HeatmapRow, b: HeatmapRow) => collator.compare(name(a), name(b));
  const out = [...rows];
  if (sort === "name") return out.sort(byName);
  if (sort === "severity") {
    const rank = (r: HeatmapRow) => STATUS_RANK[municipalities.get(r.code)?.status ?? "not-covered"];
    const mean = new Map(out.map((r) => [r.code, windowMean(r)]));
    return out.sort((a, b) => rank(a) - rank(b) || mean.get(b.code)! - mean.get(a.code)! || byName(a, b));
  }
  const region = (r: HeatmapRow) => municipalities.get(r.code)?.region ?? "";
  return out.sort((a, b) => collator.compare(region(a), region(b)) || byName(a, b));
}

const CELL_H = 13;
const LABEL_W = 168;
const HEADER_H = 34;
const REGION_H = 18;

const SVG_NS = "http://www.w3.org/2000/svg";
/** Numbers the heatmaps on a page, for their caption ids. */
let heatmapCount = 0;
const UNKNOWN_LINE = "#9a9a9a";

/** A heatmap that is built once and updated in place (view.ts; see heatmapView). */
export type HeatmapView = InPlaceView<HeatmapOptions>;

/** The heatmap as a figure element, drawn once. */
export function heatmap(o: HeatmapOptions): HTMLElement {
  const view = heatmapView();
  view.update(o);
  return view.element;
}

/**
 * The heatmap: legend, then the chart (an SVG with the labels, one `<g data-municipality>` per
 * row and the window outline, over a canvas with the cells: ≈2,400 cells as DOM nodes cost
 * ≈60 ms of parsing and layout per repaint), then a caption. Hovering a cell shows its figures
 * in a tooltip. The element is made once; `update` repaints the canvas with one putImageData of
 * the cell colours (then the marks as two batched paths), patches the rows' status and labels
 * in place, and rebuilds the SVG only when the rows, their order or the months change (the
 * severity order, a new period, criterion or sort).
 *
 * Keyboard: the canvas is one tab stop, named and described; the arrow keys (Home/End, Page
 * Up/Down) move a cell cursor whose figures are shown in the tooltip and read out by a live
 * region, and Enter opens the municipality. The SVG is hidden from assistive technology (the
 * verdict table below names and links the same municipalities).
 */
export function heatmapView(): HeatmapView {
  const figure = document.createElement("figure");
  figure.className = "heatmap";
  figure.dataset.testid = "heatmap";
  figure.innerHTML =
    `<div class="hm-legend-slot"></div>` +
    `<div class="heatmap-scroll"><div class="hm-stack">` +
    `<canvas tabindex="0" role="application" aria-roledescription="${HEATMAP_TEXT.roleDescription}" data-testid="heatmap-values"></canvas>` +
    `<svg class="hm-svg" aria-hidden="true"></svg>` +
    `<div class="hm-tooltip" hidden></div></div></div>` +
    `<p class="sr-only" aria-live="polite" data-testid="heatmap-live"></p><figcaption></figcaption>`;
  const legendSlot = figure.querySelector<HTMLElement>(".hm-legend-slot")!;
  const stack = figure.querySelector<HTMLElement>(".hm-stack")!;
  const canvas = figure.querySelector("canvas")!;
  let svg = figure.querySelector("svg")!;
  const tooltip = figure.querySelector<HTMLElement>(".hm-tooltip")!;
  const live = figure.querySelector<HTMLElement>("[aria-live]")!;
  const caption = figure.querySelector("figcaption")!;
  caption.id = `hm-caption-${++heatmapCount}`;
  canvas.setAttribute("aria-describedby", caption.id);

  // What is shown now, for the tooltip and for deciding what to rebuild.
  let current: HeatmapOptions | null = null;
  let ordered: HeatmapRow[] = [];
  let rowTops: number[] = [];
  let cellW = 14;
  let width = 0;
  let height = 0;
  let structureKey = "";
  let legendKey = "";
  let captionText = "";
  let description = "";
  /** Per drawn row: its <g>, the label's text node and its <title>, and what they show. */
  let rowEls: { g: SVGGElement; label: Text; title: SVGTitleElement; status: string; breaches: number }[] = [];
  let image: ImageData | null = null;
  /** The keyboard cursor (row index in `ordered`, month index), or null before the first key. */
  let cursor: { r: number; i: number } | null = null;
  let cursorRect: SVGRectElement | null = null;

  function rebuildSvg(o: HeatmapOptions, href: (code: string) => string): void {
    const nMonths = o.months.length;
    cellW = Math.max(14, Math.min(30, Math.floor(720 / Math.max(nMonths, 1))));
    width = LABEL_W + nMonths * cellW + 8;
    const parts: string[] = [];
    rowTops = [];
    let y = HEADER_H;
    let region: string | null = null;
    const windowIdx = (ordered[0]?.cells ?? []).map((c, i) => (c.inWindow ? i : -1)).filter((i) => i >= 0);
    const header: string[] = [];
    o.months.forEach((m, i) => {
      const x = LABEL_W + i * cellW + cellW / 2;
      header.push(
        `<text x="${x}" y="${HEADER_H - 5}" text-anchor="middle" class="hm-month">${escapeXml(formatMonthAbbreviation(m).replace(".", ""))}</text>`,
      );
      if (i === 0 || m.endsWith("-01"))
        header.push(`<text x="${LABEL_W + i * cellW}" y="11" class="hm-year">${m.slice(0, 4)}</text>`);
    });
    for (const row of ordered) {
      const m = o.municipalities.get(row.code);
      const name = m?.name ?? row.code;
      if (o.sort === "region" && m && m.region !== region) {
        region = m.region;
        parts.push(`<text x="2" y="${y + REGION_H - 5}" class="hm-region">${escapeXml(region)}</text>`);
        y += REGION_H;
      }
      rowTops.push(y);
      parts.push(
        `<g data-municipality="${escapeXml(row.code)}" data-name="${escapeXml(name)}" class="hm-row">` +
          `<a href="${escapeXml(href(row.code))}" tabindex="-1"><text x="${LABEL_W - 6}" y="${y + CELL_H - 3}" text-anchor="end" class="hm-label">` +
          `<title></title> </text></a></g>`,
      );
      y += CELL_H;
    }
    const first = windowIdx[0];
    const last = windowIdx[windowIdx.length - 1];
    const outline =
      first === undefined || last === undefined
        ? ""
        : `<rect x="${LABEL_W + first * cellW - 1.5}" y="${HEADER_H - 1.5}" width="${(last - first + 1) * cellW + 2}" height="${y - HEADER_H + 2}" class="hm-window"/>` +
          `<text x="${LABEL_W + ((first + last + 1) * cellW) / 2}" y="11" text-anchor="middle" class="hm-window-label">${HEATMAP_TEXT.windowMark}</text>`;
    height = y + 4;
    const holder = document.createElement("div");
    holder.innerHTML =
      `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" class="hm-svg" aria-hidden="true">` +
      header.join("") +
      parts.join("") +
      outline +
      `</svg>`;
    const next = holder.firstChild as SVGSVGElement;
    svg.replaceWith(next);
    svg = next;
    cursorRect = document.createElementNS(SVG_NS, "rect");
    cursorRect.setAttribute("class", "hm-cursor");
    cursorRect.setAttribute("visibility", "hidden");
    svg.append(cursorRect);
    cursor = null;
    tooltip.hidden = true;
    rowEls = Array.from(svg.querySelectorAll<SVGGElement>("g[data-municipality]"), (g) => {
      const text = g.querySelector("text")!;
      return {
        g,
        label: text.lastChild as Text,
        title: text.querySelector<SVGTitleElement>("title")!,
        status: "",
        breaches: -1,
      };
    });
    const scale = Math.min(2, Math.max(1, Math.round(globalThis.devicePixelRatio ?? 1)));
    canvas.width = width * scale;
    canvas.height = height * scale;
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    stack.style.width = `${width}px`;
    stack.style.height = `${height}px`;
    image = null;
  }

  function patchRows(o: HeatmapOptions): void {
    ordered.forEach((row, r) => {
      const el = rowEls[r]!;
      const m = o.municipalities.get(row.code);
      const name = m?.name ?? row.code;
      const status = m?.status ?? "not-covered";
      let breaches = 0;
      for (const c of row.cells) if (c.inWindow && c.breach) breaches++;
      if (el.status !== status) {
        el.status = status;
        el.g.setAttribute("data-status", status);
        el.g.setAttribute("class", `hm-row hm-row--${status}`);
        el.title.textContent = `${name} (${row.code}): ${STATUS_LABELS[status]}`;
        el.label.nodeValue = `${STATUS_SYMBOLS[status]} ${name}`;
      }
      if (el.breaches !== breaches) {
        el.breaches = breaches;
        el.g.setAttribute("data-breaches", String(breaches));
      }
    });
  }

  /** The cells: colours as pixels in one buffer, then the breach dots and small-population rings. */
  function paint(o: HeatmapOptions): void {
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    const scale = canvas.width / Math.max(width, 1);
    const W = canvas.width;
    if (!image || image.width !== W || image.height !== canvas.height) image = ctx.createImageData(W, canvas.height);
    const px = new Uint32Array(image.data.buffer);
    px.fill(0);
    const rgb = shareRgbPacked(o.limit);
    // ImageData is RGBA in memory; as little-endian 32-bit words that is 0xAABBGGRR.
    const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
    const cw = Math.round((cellW - 1) * scale);
    const ch = Math.round((CELL_H - 1) * scale);
    // Top-left corners (x, y pairs) of the cells that get hatching, a dot or a ring.
    const unknown: number[] = [];
    const breach: number[] = [];
    const small: number[] = [];
    ordered.forEach((row, r) => {
      const top = rowTops[r]!;
      const y0 = Math.round(top * scale);
      row.cells.forEach((c, i) => {
        const x = LABEL_W + i * cellW;
        const share = c.shareWithout;
        if (share === null || !row.fed) unknown.push(x, top);
        else {
          const packed = rgb(share);
          const R = packed >> 16;
          const G = (packed >> 8) & 255;
          const B = packed & 255;
          const word = littleEndian
            ? ((255 << 24) | (B << 16) | (G << 8) | R) >>> 0
            : ((R << 24) | (G << 16) | (B << 8) | 255) >>> 0;
          const x0 = Math.round(x * scale);
          px.fill(word, y0 * W + x0, y0 * W + x0 + cw);
        }
        if (c.breach) breach.push(x, top);
        else if (c.belowMinimum) small.push(x, top);
      });
      // The row's first pixel line holds every cell; the other lines are copies of it.
      for (let yy = y0 + 1; yy < y0 + ch; yy++) px.copyWithin(yy * W, y0 * W, (y0 + 1) * W);
    });
    ctx.putImageData(image, 0, 0);
    ctx.save();
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    const w = cellW - 1;
    const h = CELL_H - 1;
    // Hatching, each unknown cell clipped to itself (there are few).
    ctx.strokeStyle = UNKNOWN_LINE;
    ctx.lineWidth = 1;
    for (let k = 0; k < unknown.length; k += 2) {
      const x = unknown[k]!;
      const top = unknown[k + 1]!;
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, top, w, h);
      ctx.clip();
      ctx.beginPath();
      for (let d = -h; d < w; d += 4) {
        ctx.moveTo(x + d, top + h);
        ctx.lineTo(x + d + h, top);
      }
      ctx.stroke();
      ctx.restore();
    }
    if (breach.length) {
      ctx.beginPath();
      for (let k = 0; k < breach.length; k += 2) {
        const x = breach[k]!;
        const top = breach[k + 1]!;
        ctx.moveTo(x + w / 2 + 2.3, top + h / 2);
        ctx.arc(x + w / 2, top + h / 2, 2.3, 0, 2 * Math.PI);
      }
      ctx.fillStyle = "#111";
      ctx.fill();
      ctx.strokeStyle = "#fff";
      ctx.lineWidth = 0.8;
      ctx.stroke();
    }
    if (small.length) {
      ctx.beginPath();
      for (let k = 0; k < small.length; k += 2) {
        const x = small[k]!;
        const top = small[k + 1]!;
        ctx.moveTo(x + w / 2 + 2.6, top + h / 2);
        ctx.arc(x + w / 2, top + h / 2, 2.6, 0, 2 * Math.PI);
      }
      ctx.strokeStyle = "#111";
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    ctx.restore();
  }

  function update(o: HeatmapOptions): void {
    const href = o.href ?? ((code: string) => `./kommune/${code}.html`);
    current = o;
    ordered = orderRows(o.rows, o.municipalities, o.sort);
    // Every row has the same months and window: the first row's window flags stand for all.
    const windowFlags = (ordered[0]?.cells ?? []).map((c) => (c.inWindow ? 1 : 0)).join("");
    const key = [o.sort, o.months.join(","), windowFlags, ordered.map((r) => r.code).join(",")].join("|");
    if (key !== structureKey) {
      structureKey = key;
      rebuildSvg(o, href);
    }
    patchRows(o);
    paint(o);
    const lk = `${o.limit}|${o.minPopulation}`;
    if (lk !== legendKey) {
      legendKey = lk;
      legendSlot.innerHTML = legendHtml(o.limit, o.minPopulation);
    }
    const d = HEATMAP_TEXT.aria(o.criterionLabel, ordered.length, o.months.length, o.limit);
    if (d !== description) canvas.setAttribute("aria-label", (description = d));
    const c = HEATMAP_TEXT.caption(o.criterionLabel, o.minPopulation);
    if (c !== captionText) caption.textContent = captionText = c;
    if (cursor) showCell(cursor.r, cursor.i, true);
  }

  /** Shows the figures of row `r`, month `i` in the tooltip (placed at `x`, `y` in the stack). */
  function showTooltip(r: number, i: number, x: number, y: number): string | null {
    const row = ordered[r];
    const cell = row && i >= 0 ? row.cells[i] : undefined;
    if (!current || !row || !cell) {
      tooltip.hidden = true;
      return null;
    }
    const text = cellTitle(current, row, cell);
    tooltip.textContent = text;
    tooltip.hidden = false;
    tooltip.style.left = `${Math.max(0, Math.min(x + 12, width - 260))}px`;
    tooltip.style.top = `${y + 14}px`;
    return text;
  }

  /** Moves the keyboard cursor to row `r`, month `i`: outline, tooltip and live region. */
  function showCell(r: number, i: number, quiet = false): void {
    const nRows = ordered.length;
    const nMonths = ordered[0]?.cells.length ?? 0;
    if (!nRows || !nMonths || !cursorRect) return;
    r = Math.max(0, Math.min(nRows - 1, r));
    i = Math.max(0, Math.min(nMonths - 1, i));
    cursor = { r, i };
    const x = LABEL_W + i * cellW;
    const top = rowTops[r]!;
    cursorRect.setAttribute("x", String(x - 1));
    cursorRect.setAttribute("y", String(top - 1));
    cursorRect.setAttribute("width", String(cellW + 1));
    cursorRect.setAttribute("height", String(CELL_H + 1));
    cursorRect.setAttribute("visibility", "visible");
    const text = showTooltip(r, i, x + cellW, top);
    if (text && !quiet) live.textContent = text;
    // Keep the cell in view inside the scroll box and the page.
    cursorRect.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }

  function hideCursor(): void {
    cursorRect?.setAttribute("visibility", "hidden");
    tooltip.hidden = true;
  }

  /** The cursor, placed first in the first row at the last month of the evaluated window. */
  function startCursor(): { r: number; i: number } {
    if (cursor) return cursor;
    const cells = ordered[0]?.cells ?? [];
    let last = cells.length - 1;
    while (last > 0 && !cells[last]!.inWindow) last--;
    return { r: 0, i: Math.max(0, last) };
  }

  canvas.addEventListener("focus", () => {
    const { r, i } = startCursor();
    showCell(r, i);
  });
  canvas.addEventListener("blur", hideCursor);
  canvas.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const { r, i } = startCursor();
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [r, i - 1],
      ArrowRight: [r, i + 1],
      ArrowUp: [r - 1, i],
      ArrowDown: [r + 1, i],
      Home: [r, 0],
      End: [r, Number.MAX_SAFE_INTEGER],
      PageUp: [r - 10, i],
      PageDown: [r + 10, i],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      showCell(move[0], move[1]);
    } else if (event.key === "Enter") {
      const a = rowEls[r]?.g.querySelector("a");
      const href = a?.getAttribute("href");
      if (href) location.assign(new URL(href, location.href).href);
    }
  });

  // Tooltip: the figures of the cell under the pointer.
  stack.addEventListener("pointermove", (event) => {
    if (!current) return;
    const box = stack.getBoundingClientRect();
    const px = event.clientX - box.left;
    const py = event.clientY - box.top;
    const i = Math.floor((px - LABEL_W) / cellW);
    let r = -1;
    for (let k = 0; k < rowTops.length; k++) if (py >= rowTops[k]! && py < rowTops[k]! + CELL_H) r = k;
    showTooltip(r, i, px, py);
  });
  stack.addEventListener("pointerleave", () => {
    if (cursor && document.activeElement === canvas) showCell(cursor.r, cursor.i, true);
    else tooltip.hidden = true;
  });
  return { element: figure, update };
}

/** "Allerød, okt. 2025: 22,0 % uden indsats (1.234 borgere); over grænsen på 20 %". */
export function cellTitle(
  o: Pick<HeatmapOptions, "municipalities" | "limit" | "minPopulation">,
  row: HeatmapRow,
  c: HeatmapRow["cells"][number],
): string {
  return HEATMAP_TEXT.cell({
    name: o.municipalities.get(row.code)?.name ?? row.code,
    month: c.month,
    share: c.shareWithout,
    population: c.population,
    populationIsLowerBound: c.populationIsLowerBound,
    fed: row.fed,
    breach: c.breach,
    belowMinimum: c.belowMinimum,
    limit: o.limit,
    minPopulation: o.minPopulation,
  });
}

/** The colour legend (moves with the limit) and the meaning of the marks. */
export function legendHtml(limit: number, minPopulation: number): string {
  const stops = shareLegendStops(limit, 21);
  const gradient = stops.map((s) => `${s.color} ${s.value}%`).join(", ");
  return (
    `<div class="hm-legend" aria-hidden="true">` +
    `<div class="hm-legend-scale"><div class="hm-legend-bar" style="background: linear-gradient(to right, ${gradient})"></div>` +
    `<div class="hm-legend-ticks"><span style="left:0%">0&nbsp;%</span><span style="left:100%">100&nbsp;%</span></div>` +
    `<div class="hm-legend-ticks hm-legend-limit-row"><span style="left:${Math.min(Math.max(limit, 12), 88)}%" class="hm-legend-limit">${escapeXml(HEATMAP_TEXT.legendLimit(limit))}</span></div>` +
    `<div class="hm-legend-title">${HEATMAP_TEXT.legendTitle}</div></div>` +
    `<ul class="hm-legend-marks">` +
    `<li><svg width="14" height="12"><rect width="13" height="11" fill="${shareColor(limit)(Math.min(100, limit + (100 - limit) / 2))}"/><circle cx="6.5" cy="5.5" r="2.3" class="hm-breach"/></svg> ${HEATMAP_TEXT.legendBreach}</li>` +
    `<li><svg width="14" height="12"><rect width="13" height="11" fill="${shareColor(limit)(limit / 2)}"/><circle cx="6.5" cy="5.5" r="2.6" class="hm-small"/></svg> ${escapeXml(HEATMAP_TEXT.legendSmall(minPopulation))}</li>` +
    `<li><svg width="14" height="12"><rect width="13" height="11" fill="url(#hm-unknown-legend)"/><defs><pattern id="hm-unknown-legend" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="4" stroke="${UNKNOWN_LINE}" stroke-width="1"/></pattern></defs></svg> ${HEATMAP_TEXT.legendUnknown}</li>` +
    `</ul></div>`
  );
}
