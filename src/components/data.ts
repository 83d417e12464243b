/**
 * The site's data in the browser: the measurements parsed once with lib's importer into an
 * index that every evaluation reuses, so changing a control never reloads data.
 */
import {
  UNKNOWN_DATE,
  MeasurementIndex,
  decodeMeasurementsBinary,
  parseLongCsv,
  parsePeriod,
  standardPeriods,
  type Measurements,
  type Month,
  type Period,
  type RuleSetId,
} from "./_gen/tidlig.js";

/** data/site/provenance.json (cli/site-data.ts SiteProvenance), as the pages read it. */
export interface Provenance {
  readonly kind: "live" | "synthetic";
  readonly synthetic: boolean;
  readonly file: string;
  readonly manifest: Record<string, unknown>;
  /** SHA-256 of the measurements shipped with the site (the bytes, not the manifest's claim). */
  readonly sha256?: string;
  readonly decidedAt?: string;
  /** package.json version of the rules module the site was built with. */
  readonly rulesVersion?: string;
  /** measurements.bin: the same rows as typed columns, with the SHA-256 of its bytes. */
  readonly binary?: { readonly file: string; readonly sha256: string; readonly bytes: number };
  readonly reason?: string;
  /** Whether the build's live fetch failed (then the page says so). */
  readonly fetch?: { readonly attempted: boolean; readonly ok?: boolean; readonly error?: string };
}

/** A provenance date (ISO 8601) as a Danish day, e.g. "4. marts 2025", Copenhagen time. */
export function formatDay(iso: unknown): string {
  return typeof iso === "string" && Number.isFinite(Date.parse(iso))
    ? new Intl.DateTimeFormat("da-DK", { dateStyle: "long", timeZone: "Europe/Copenhagen" }).format(new Date(iso))
    : UNKNOWN_DATE;
}

/** Fail closed: only data positively marked live (kind live, synthetic false) counts as real. */
export function isLive(p: Provenance): boolean {
  return p.kind === "live" && p.synthetic === false;
}

export interface SiteData {
  readonly index: MeasurementIndex;
  readonly provenance: Provenance;
  /** The standard windows the data covers, per rule set, oldest first. */
  readonly periods: Readonly<Record<RuleSetId, readonly Period[]>>;
  /** The latest standard window per rule set: the default view. */
  readonly defaultPeriod: (rules: RuleSetId) => Period;
}

/** The standard windows of both rule sets within [first, last], and the latest one as default. */
export function calendarOf(first: Month, last: Month): Pick<SiteData, "periods" | "defaultPeriod"> {
  const periods = {
    "opfoelgning-2024": standardPeriods("opfoelgning-2024", first, last),
    "genopretning-2020": standardPeriods("genopretning-2020", first, last),
  };
  const defaultPeriod = (rules: RuleSetId): Period => {
    const list = periods[rules];
    return list[list.length - 1] ?? (parsePeriod(`${first}..${last}`) as Period);
  };
  return { periods, defaultPeriod };
}

/**
 * The pages' measurements: data/site/measurements.bin (typed columns, nothing to parse) or, for a
 * caller that has it, the canonical CSV text. Both come from the same build decision.
 */
export function readSiteMeasurements(data: string | ArrayBuffer, provenance: Provenance): Measurements {
  return typeof data === "string"
    ? parseLongCsv(data, provenance.file)
    : decodeMeasurementsBinary(data, provenance.file);
}

export function siteData(data: string | ArrayBuffer, provenance: Provenance): SiteData {
  const index = new MeasurementIndex(readSiteMeasurements(data, provenance));
  return { index, provenance, ...calendarOf(index.firstMonth ?? "2021-01", index.lastMonth ?? "2021-01") };
}
