/**
 * Tile-grid map of Denmark: one equal tile per municipality (layout in tile-layout.ts), coloured
 * by verdict and always carrying the verdict symbol and a short name, so colour is never the only
 * cue. Each tile links to /kommune/<code>; the verdict table is the full text alternative.
 */
import {
  A11Y_LABELS,
  MUNICIPALITIES,
  STATUS_LABELS,
  TILEMAP_TEXT,
  STATUS_SYMBOLS,
  type MunicipalityStatus,
} from "./_gen/tidlig.js";
import { STATUS_COLORS } from "./colors.js";
import { tileLayout, type TileLayout } from "./tile-layout.js";
import type { InPlaceView } from "./view.js";

let cached: TileLayout | null = null;

/** The layout of the 98 municipalities, computed once. */
export function municipalityTiles(): TileLayout {
  return (cached ??= tileLayout(MUNICIPALITIES));
}

/** A name short enough for a tile: "Køben", "Høje-T", "Ærø". */
export function shortName(name: string): string {
  const special: Record<string, string> = {
    "Høje-Taastrup": "H-Taas",
    Frederiksberg: "Frb.",
    Frederikshavn: "Fr.havn",
    Frederikssund: "Fr.sund",
    Fredericia: "Fr.cia",
    Fredensborg: "Fr.borg",
    "Lyngby-Taarbæk": "Lyngby",
    "Ringkøbing-Skjern": "Rkb-Sk",
    Brøndby: "Brøndby",
    Brønderslev: "Brønd.",
  };
  return special[name] ?? (name.length <= 7 ? name : `${name.slice(0, 6)}.`);
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface TileMapOptions {
  /** Status per municipality code; municipalities missing here are drawn as not covered. */
  readonly status: ReadonlyMap<string, MunicipalityStatus>;
  readonly href?: (code: string) => string;
  /** Size of a tile in px. */
  readonly tile?: number;
  /** Id of the element after the map: a "Spring kortet over" link (shown on focus) jumps there past the 98 tiles. */
  readonly skipTo?: string;
}

/** The statuses to show in the legend, in this order. */
const LEGEND: readonly MunicipalityStatus[] = [
  "flagged",
  "not-restored",
  "exempted",
  "insufficient-data",
  "compliant",
  "restored",
  "not-covered",
];

/** A tile map built once and recoloured in place (view.ts): only the tiles whose status changed are touched. */
export type TileMapView = InPlaceView<ReadonlyMap<string, MunicipalityStatus>>;

export function tileMap(o: TileMapOptions): HTMLElement {
  const view = tileMapView(o);
  view.update(o.status);
  return view.element;
}

/** The tile map for `o` (tile size, links); statuses come with `update`. */
export function tileMapView(o: Omit<TileMapOptions, "status">): TileMapView {
  const layout = municipalityTiles();
  const size = o.tile ?? 46;
  const gap = 3;
  const href = o.href ?? ((code: string) => `./kommune/${code}.html`);
  const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
  const width = layout.columns * (size + gap);
  const height = layout.rows * (size + gap);
  const tiles = layout.tiles.map((t) => {
    const m = byCode.get(t.code)!;
    const x = t.col * (size + gap);
    const y = t.row * (size + gap);
    return (
      `<a href="${escapeXml(href(t.code))}" data-tile="${t.code}">` +
      `<title></title>` +
      `<rect x="${x}" y="${y}" width="${size}" height="${size}" rx="3"/>` +
      `<text x="${x + size / 2}" y="${y + size / 2 - 2}" text-anchor="middle" font-size="${Math.round(size * 0.34)}" class="tile-symbol"></text>` +
      `<text x="${x + size / 2}" y="${y + size - size * 0.13}" text-anchor="middle" font-size="${(size * 0.21).toFixed(1)}" class="tile-name">${escapeXml(shortName(m.name))}</text>` +
      `</a>`
    );
  });
  const figure = document.createElement("figure");
  figure.className = "tilemap";
  figure.dataset.testid = "tilemap";
  figure.style.maxWidth = `${Math.max(width, 320)}px`;
  const skip = o.skipTo
    ? `<a class="skip-inline" href="#${escapeXml(o.skipTo)}" data-testid="skip-tilemap">${A11Y_LABELS.skipTileMap}</a>`
    : "";
  figure.innerHTML =
    skip +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="group">${tiles.join("")}</svg>` +
    `<ul class="tilemap-legend"></ul>` +
    `<figcaption>${TILEMAP_TEXT.caption}</figcaption>`;
  const svg = figure.querySelector("svg")!;
  const legend = figure.querySelector("ul")!;
  const els = Array.from(svg.querySelectorAll<SVGAElement>("a[data-tile]"), (a) => {
    const code = a.getAttribute("data-tile")!;
    return {
      a,
      code,
      name: byCode.get(code)!.name,
      title: a.querySelector("title")!,
      rect: a.querySelector("rect")!,
      symbol: a.querySelector(".tile-symbol")!,
      status: "",
    };
  });
  let legendHtml = "";
  let summaryText = "";

  function update(status: ReadonlyMap<string, MunicipalityStatus>): void {
    const counts = new Map<MunicipalityStatus, number>();
    for (const el of els) {
      const s = status.get(el.code) ?? "not-covered";
      counts.set(s, (counts.get(s) ?? 0) + 1);
      if (el.status === s) continue;
      el.status = s;
      el.a.setAttribute("data-status", s);
      el.a.setAttribute("class", `tile tile--${s}`);
      // The <title> names the link (full name and verdict); an aria-label would not contain the
      // abbreviated name shown on the tile (WCAG 2.5.3, label in name).
      el.title.textContent = TILEMAP_TEXT.tile(el.name, el.code, s);
      el.rect.setAttribute("fill", STATUS_COLORS[s]);
      el.symbol.textContent = STATUS_SYMBOLS[s];
    }
    const summary = TILEMAP_TEXT.aria(LEGEND.filter((s) => counts.has(s)).map((s) => [s, counts.get(s)!] as const));
    if (summary !== summaryText) svg.setAttribute("aria-label", (summaryText = summary));
    const h = LEGEND.filter((s) => counts.has(s))
      .map(
        (s) =>
          `<li><span class="tilemap-swatch" style="background:${STATUS_COLORS[s]}">${STATUS_SYMBOLS[s]}</span> ${escapeXml(STATUS_LABELS[s])} (${counts.get(s)})</li>`,
      )
      .join("");
    if (h !== legendHtml) legend.innerHTML = legendHtml = h;
  }
  return { element: figure, update };
}
