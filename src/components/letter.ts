/**
 * A draft letter for /breve: lib's one generator (letterFor) rendered by lib's letterHtml, so the
 * page shows exactly what `tidlig-indsats letter --format html` prints. One letter per printed page.
 */
import {
  formatDateLong,
  formatMonthLong,
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
  const upTo = index.lastMonth ? `tal til og med ${formatMonthLong(index.lastMonth)}` : null;
  if (p.synthetic) return { source: "syntetiske data (ikke rigtige tal fra Jobindsats)", dataDate: upTo };
  const fetchedAt = typeof p.manifest.fetchedAt === "string" ? p.manifest.fetchedAt.slice(0, 10) : null;
  const fetched = fetchedAt && /^\d{4}-\d{2}-\d{2}$/.test(fetchedAt) ? `hentet ${formatDateLong(fetchedAt)}` : null;
  return { source: "Jobindsats.dk", dataDate: [fetched, upTo].filter(Boolean).join(", ") || null };
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
  return holder.firstElementChild as HTMLElement;
}
