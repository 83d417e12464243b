/** The persistent notice of which data is shown: synthetic data is never mistaken for real. */
import { html } from "npm:htl";
import { BANNER_TEXT, fetchFailedLabel } from "./_gen/tidlig.js";
import { formatDay, isLive, type Provenance } from "./data.js";

/**
 * The /data page, from the site root this module is served under (`…/_import/components/…`), so
 * the link works on nested pages (/kommune/183) and when the site is hosted in a subfolder.
 */
function dataPageHref(): string {
  const here = import.meta.url;
  const at = here.indexOf("/_import/");
  return at >= 0 ? `${here.slice(0, at)}/data.html` : "./data.html";
}

/** The note shown when the build tried to fetch live data and failed (never a silent switch). */
function fetchFailedNote(p: Provenance): HTMLElement | null {
  if (!p.fetch?.attempted || p.fetch.ok) return null;
  const note = fetchFailedLabel(isLive(p) ? { fetchedOn: formatDay(p.manifest.fetchedAt) } : "synthetic");
  return html`<div data-testid="fetch-failed">
    <strong>${note}</strong> ${BANNER_TEXT.fetchFailed(formatDay(p.decidedAt))}
  </div>`;
}

export function dataBanner(p: Provenance): HTMLElement {
  if (!isLive(p)) {
    return html`<div class="data-banner data-banner--synthetic" role="note" data-testid="synthetic-banner">
      ${fetchFailedNote(p)}
      <strong>${BANNER_TEXT.synthetic}</strong> ${BANNER_TEXT.syntheticDetail}
      <a href=${dataPageHref()}>${BANNER_TEXT.aboutData}</a>
    </div>`;
  }
  return html`<div class="data-banner" role="note" data-testid="live-banner">
    ${fetchFailedNote(p)} ${BANNER_TEXT.live(formatDay(p.manifest.fetchedAt))}
    <a href=${dataPageHref()}>${BANNER_TEXT.aboutData}</a>
  </div>`;
}
