/**
 * A draft letter for /breve: lib's one generator (letterFor) rendered by lib's letterHtml, so the
 * page shows exactly what `tidlig-indsats letter --format html` prints. One letter per printed page.
 */
import {
  LETTER_SOURCE_TEXT,
  letterFor,
  letterHtml,
  municipalityByCode,
  type Evaluation,
  type MunicipalityVerdict,
  type MeasurementIndex,
} from "./_gen/tidlig.js";
import type { Provenance } from "./data.js";

/** "Jobindsats.dk, hentet 3. marts 2025" or "syntetiske data (ikke rigtige tal fra Jobindsats)". */
export function letterSource(p: Provenance, index: MeasurementIndex): { source: string; dataDate: string | null } {
  const upTo = index.lastMonth ? LETTER_SOURCE_TEXT.upTo(index.lastMonth) : null;
  if (p.synthetic) return { source: LETTER_SOURCE_TEXT.synthetic, dataDate: upTo };
  const fetchedAt = typeof p.manifest.fetchedAt === "string" ? p.manifest.fetchedAt.slice(0, 10) : null;
  const fetched = fetchedAt && /^\d{4}-\d{2}-\d{2}$/.test(fetchedAt) ? LETTER_SOURCE_TEXT.fetched(fetchedAt) : null;
  return { source: LETTER_SOURCE_TEXT.live, dataDate: [fetched, upTo].filter(Boolean).join(", ") || null };
}

export function letterElement(
  verdict: MunicipalityVerdict,
  evaluation: Evaluation,
  data: { index: MeasurementIndex; provenance: Provenance },
): HTMLElement | null {
  const municipality = municipalityByCode(verdict.code);
  if (!municipality) return null;
  const letter = letterFor(verdict, municipality, evaluation, {
    ...letterSource(data.provenance, data.index),
    synthetic: data.provenance.synthetic,
    cells: data.index,
  });
  if (!letter) return null;
  const holder = document.createElement("div");
  holder.innerHTML = letterHtml(letter);
  // On a narrow screen a month table scrolls inside its own focusable box, not the page (WCAG 1.4.10).
  holder.querySelectorAll("table").forEach((table) => {
    const box = document.createElement("div");
    box.className = "scroll-region";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", table.caption?.textContent ?? LETTER_SOURCE_TEXT.table);
    table.replaceWith(box);
    box.append(table);
  });
  return holder.firstElementChild as HTMLElement;
}
