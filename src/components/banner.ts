/** The persistent notice of which data is shown: synthetic data is never mistaken for real. */
import { html } from "npm:htl";
import type { Provenance } from "./data.js";

export function dataBanner(p: Provenance): HTMLElement {
  if (p.synthetic) {
    return html`<div class="data-banner data-banner--synthetic" role="note" data-testid="synthetic-banner">
      <strong>Syntetiske data.</strong> Tallene er genereret til demonstration og er ikke rigtige tal fra Jobindsats.
      <a href="./data">Om data</a></div>`;
  }
  const fetchedAt = typeof p.manifest.fetchedAt === "string" ? new Date(p.manifest.fetchedAt).toLocaleDateString("da-DK") : "ukendt dato";
  return html`<div class="data-banner" role="note">Data fra Jobindsats, hentet ${fetchedAt}. <a href="./data">Om data</a></div>`;
}
