/**
 * The overview heatmap: every municipality (rows) × months (columns), coloured by the share
 * without effort on the diverging scale centred on the limit. Breach months carry a dot and
 * months below the minimum a ring, so nothing is told by colour alone; unknown months are
 * hatched. The evaluated window is outlined. Built as one SVG string (≈2,400 cells render in a
 * few milliseconds); the figures come from lib (heatmapRows), never computed here.
 */
import {
  STATUS_LABELS,
  STATUS_SYMBOLS,
  formatCount,
  formatMonthAbbreviation,
  formatMonthShort,
  formatPercent,
  formatPercentParameter,
  type HeatmapRow,
  type Month,
  type MunicipalityStatus,
  type SortOrder,
} from "./_gen/tidlig.js";
import { shareColor, shareLegendStops } from "./colors.js";

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
};

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Mean share in the window (unknown months left out); -1 when none is known. */
function windowMean(row: HeatmapRow): number {
  let sum = 0;
  let n = 0;
  for (const c of row.cells) if (c.inWindow && c.shareWithout !== null) (sum += c.shareWithout), n++;
  return n ? sum / n : -1;
}

/** Rows in the requested order; region order adds a header before each region. */
export function orderRows(
  rows: readonly HeatmapRow[],
  municipalities: ReadonlyMap<string, HeatmapMunicipality>,
  sort: SortOrder,
): HeatmapRow[] {
  const name = (r: HeatmapRow) => municipalities.get(r.code)?.name ?? r.code;
  const collator = new Intl.Collator("da-DK");
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

/** The heatmap as a figure element: legend, SVG and a caption. */
export function heatmap(o: HeatmapOptions): HTMLElement {
  const href = o.href ?? ((code: string) => `./kommune/${code}`);
  const color = shareColor(o.limit);
  const ordered = orderRows(o.rows, o.municipalities, o.sort);
  const nMonths = o.months.length;
  const cellW = Math.max(14, Math.min(30, Math.floor(720 / Math.max(nMonths, 1))));
  const width = LABEL_W + nMonths * cellW + 8;
  const parts: string[] = [];
  let y = HEADER_H;
  let region: string | null = null;

  // Window outline and month header.
  const windowCols = o.months.map((m, i) => [m, i] as const).filter(([m]) => o.rows[0]?.cells.find((c) => c.month === m)?.inWindow ?? false);
  const header: string[] = [];
  o.months.forEach((m, i) => {
    const x = LABEL_W + i * cellW + cellW / 2;
    header.push(`<text x="${x}" y="${HEADER_H - 5}" text-anchor="middle" class="hm-month">${escapeXml(formatMonthAbbreviation(m).replace(".", ""))}</text>`);
    if (i === 0 || m.endsWith("-01")) header.push(`<text x="${LABEL_W + i * cellW}" y="11" class="hm-year">${m.slice(0, 4)}</text>`);
  });

  for (const row of ordered) {
    const m = o.municipalities.get(row.code);
    const name = m?.name ?? row.code;
    if (o.sort === "region" && m && m.region !== region) {
      region = m.region;
      parts.push(`<text x="2" y="${y + REGION_H - 5}" class="hm-region">${escapeXml(region)}</text>`);
      y += REGION_H;
    }
    const status = m?.status ?? "not-covered";
    const cells: string[] = [];
    row.cells.forEach((c, i) => {
      const x = LABEL_W + i * cellW;
      const share = c.shareWithout;
      const population = c.population === null ? "borgere ukendt" : `${c.populationIsLowerBound ? "mindst " : ""}${formatCount(c.population)} borgere`;
      const verdict = !row.fed
        ? "kriteriet måles ikke for kommunen"
        : share === null
          ? "andel ukendt"
          : c.breach
            ? `over grænsen på ${formatPercentParameter(o.limit)}`
            : `ikke over grænsen på ${formatPercentParameter(o.limit)}`;
      const small = c.belowMinimum ? `; færre end ${formatCount(o.minPopulation)} borgere` : "";
      const title = `${name}, ${formatMonthShort(c.month)}: ${share === null ? "andel uden indsats ukendt" : `${formatPercent(share)} uden indsats`} (${population}); ${verdict}${small}`;
      const fill = share === null || !row.fed ? "url(#hm-unknown)" : color(share);
      cells.push(
        `<rect x="${x}" y="${y}" width="${cellW - 1}" height="${CELL_H - 1}" fill="${fill}" data-month="${c.month}"${c.breach ? ' data-breach="1"' : ""}><title>${escapeXml(title)}</title></rect>`,
      );
      if (c.breach) cells.push(`<circle cx="${x + (cellW - 1) / 2}" cy="${y + (CELL_H - 1) / 2}" r="2.3" class="hm-breach"/>`);
      else if (c.belowMinimum) cells.push(`<circle cx="${x + (cellW - 1) / 2}" cy="${y + (CELL_H - 1) / 2}" r="2.6" class="hm-small"/>`);
    });
    const label = `${STATUS_SYMBOLS[status]} ${name}`;
    parts.push(
      `<g data-municipality="${escapeXml(row.code)}" data-name="${escapeXml(name)}" data-status="${status}" class="hm-row hm-row--${status}">` +
        `<a href="${escapeXml(href(row.code))}"><text x="${LABEL_W - 6}" y="${y + CELL_H - 3}" text-anchor="end" class="hm-label"><title>${escapeXml(`${name} (${row.code}): ${STATUS_LABELS[status]}`)}</title>${escapeXml(label)}</text></a>` +
        cells.join("") +
        `</g>`,
    );
    y += CELL_H;
  }

  const first = windowCols[0]?.[1];
  const last = windowCols[windowCols.length - 1]?.[1];
  const outline =
    first === undefined || last === undefined
      ? ""
      : `<rect x="${LABEL_W + first * cellW - 1.5}" y="${HEADER_H - 1.5}" width="${(last - first + 1) * cellW + 2}" height="${y - HEADER_H + 2}" class="hm-window"/>` +
        `<text x="${LABEL_W + ((first + last + 1) * cellW) / 2}" y="11" text-anchor="middle" class="hm-window-label">periode</text>`;
  const height = y + 4;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-label="${escapeXml(`Varmekort over andel uden indsats (${o.criterionLabel}) for ${ordered.length} kommuner og ${nMonths} måneder. Grænsen er ${formatPercentParameter(o.limit)}. Tabellen over afgørelser nedenfor giver de samme kommuner i tekst.`)}">` +
    `<defs><pattern id="hm-unknown" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" class="hm-unknown-bg"/><line x1="0" y1="0" x2="0" y2="5" class="hm-unknown-line"/></pattern></defs>` +
    header.join("") +
    parts.join("") +
    outline +
    `</svg>`;

  const figure = document.createElement("figure");
  figure.className = "heatmap";
  figure.dataset.testid = "heatmap";
  figure.innerHTML =
    legendHtml(o.limit, o.minPopulation) +
    `<div class="heatmap-scroll">${svg}</div>` +
    `<figcaption>Andel uden indsats pr. måned for ${escapeXml(o.criterionLabel.toLowerCase())}. Den markerede periode er den, afgørelsen bygger på; de foregående måneder er vist som baggrund. Klik på en kommune for detaljer.</figcaption>`;
  return figure;
}

/** The colour legend (moves with the limit) and the meaning of the marks. */
function legendHtml(limit: number, minPopulation: number): string {
  const stops = shareLegendStops(limit, 21);
  const gradient = stops.map((s) => `${s.color} ${s.value}%`).join(", ");
  return (
    `<div class="hm-legend" aria-hidden="true">` +
    `<div class="hm-legend-scale"><div class="hm-legend-bar" style="background: linear-gradient(to right, ${gradient})"></div>` +
    `<div class="hm-legend-ticks"><span style="left:0%">0 %</span><span style="left:100%">100 %</span></div>` +
    `<div class="hm-legend-ticks hm-legend-limit-row"><span style="left:${Math.min(Math.max(limit, 12), 88)}%" class="hm-legend-limit">▲ grænse ${escapeXml(formatPercentParameter(limit))}</span></div>` +
    `<div class="hm-legend-title">Andel uden indsats</div></div>` +
    `<ul class="hm-legend-marks">` +
    `<li><svg width="14" height="12"><rect width="13" height="11" fill="${shareColor(limit)(Math.min(100, limit + (100 - limit) / 2))}"/><circle cx="6.5" cy="5.5" r="2.3" class="hm-breach"/></svg> over grænsen</li>` +
    `<li><svg width="14" height="12"><rect width="13" height="11" fill="${shareColor(limit)(limit / 2)}"/><circle cx="6.5" cy="5.5" r="2.6" class="hm-small"/></svg> færre end ${escapeXml(formatCount(minPopulation))} borgere</li>` +
    `<li><svg width="14" height="12"><rect width="13" height="11" fill="url(#hm-unknown-legend)"/><defs><pattern id="hm-unknown-legend" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="5" height="5" class="hm-unknown-bg"/><line x1="0" y1="0" x2="0" y2="5" class="hm-unknown-line"/></pattern></defs></svg> ukendt / måles ikke</li>` +
    `</ul></div>`
  );
}
