/** Month arithmetic on canonical `YYYY-MM` strings, and the periods that name windows. */
import type { Month } from "./types.ts";

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const JOBINDSATS_MONTH_RE = /^(\d{4})M(0[1-9]|1[0-2])$/i;

/** Parses `YYYY-MM` or the Jobindsats form `YYYYMmm`; returns null when it is neither. */
export function parseMonth(text: string): Month | null {
  const t = text.trim();
  const m = MONTH_RE.exec(t) ?? JOBINDSATS_MONTH_RE.exec(t);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Month as a running index (year·12 + month−1), for arithmetic and dense arrays. */
export function monthIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const m = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
}

export function addMonths(month: Month, n: number): Month {
  return monthFromIndex(monthIndex(month) + n);
}

/** Inclusive list of months from `from` to `to` (empty when `to` precedes `from`). */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(from), end = monthIndex(to); i <= end; i++) out.push(monthFromIndex(i));
  return out;
}

/** The Jobindsats period form `YYYYMmm` of a month. */
export function toJobindsatsPeriod(month: Month): string {
  return `${month.slice(0, 4)}M${month.slice(5, 7)}`;
}

/** A half-year as named by STAR's calendar: first (Jan–Jun) or second (Jul–Dec). */
export interface HalfYear {
  readonly year: number;
  readonly half: 1 | 2;
}

export function halfYearMonths({ year, half }: HalfYear): Month[] {
  const first = `${year}-${half === 1 ? "01" : "07"}`;
  return monthRange(first, addMonths(first, 5));
}

/** A window named the way users write it: `2024H1`, `2024H2` or `2022-09..2022-11`. */
export interface Period {
  /** The text as it should be echoed back (`2024H1`, `2022-09..2022-11`). */
  readonly label: string;
  readonly months: readonly Month[];
  readonly halfYear: HalfYear | null;
}

/** Parses a period; returns an error message (in English, for the CLI) when it cannot. */
export function parsePeriod(text: string): Period | { error: string } {
  const t = text.trim();
  const h = /^(\d{4})\s*H([12])$/i.exec(t);
  if (h) {
    const halfYear: HalfYear = { year: Number(h[1]), half: Number(h[2]) as 1 | 2 };
    return { label: `${h[1]}H${h[2]}`, months: halfYearMonths(halfYear), halfYear };
  }
  const r = /^(.+?)\s*\.\.\s*(.+)$/.exec(t);
  if (r) {
    const from = parseMonth(r[1]!);
    const to = parseMonth(r[2]!);
    if (!from || !to) return { error: `period "${text}": both ends must be months like 2022-09` };
    if (monthIndex(to) < monthIndex(from)) return { error: `period "${text}": ${to} comes before ${from}` };
    return { label: `${from}..${to}`, months: monthRange(from, to), halfYear: null };
  }
  const single = parseMonth(t);
  if (single) return { label: `${single}..${single}`, months: [single], halfYear: null };
  return { error: `period "${text}" is not of the form 2024H1, 2024H2 or 2022-09..2022-11` };
}

export function isPeriodError(p: Period | { error: string }): p is { error: string } {
  return "error" in p;
}
