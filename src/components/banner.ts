/** The persistent notice of which data is shown: synthetic data is never mistaken for real. */
import { html } from "npm:htl";
import type { Provenance } from "./data.js";

/**
 * The /data page, from the site root this module is served under (`…/_import/components/…`), so
 * the link works on nested pages (/kommune/183) and when the site is hosted in a subfolder.
 */
function dataPageHref(): string {
  const here = import.meta.url;
  const at = here.indexOf("/_import/");
  return at >= 0 ? `${here.slice(0, at)}/data` : "./data";
}

export function dataBanner(p: Provenance): HTMLElement {
  if (p.synthetic) {
    return html`<div class="data-banner data-banner--synthetic" role="note" data-testid="synthetic-banner">
      <strong>Syntetiske data.</strong> Tallene er genereret til demonstration og er ikke rigtige tal fra Jobindsats.
      <a href=${dataPageHref()}>Om data</a>
    </div>`;
  }
  const fetchedAt =
    typeof p.manifest.fetchedAt === "string"
      ? new Date(p.manifest.fetchedAt).toLocaleDateString("da-DK")
      : "ukendt dato";
  return html`<div class="data-banner" role="note">
    Data fra Jobindsats, hentet ${fetchedAt}. <a href=${dataPageHref()}>Om data</a>
  </div>`;
}
