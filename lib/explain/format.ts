/**
 * Danish formatting (docs/decisions.md): decimal comma, thousands dot, "34,6 %", "sep. 2022", "1. halvår 2025".
 * Always da-DK, never the reader's locale.
 */
import type { Month } from "../domain/types.ts";

const ONE_DECIMAL = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const UP_TO_TWO = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });

export const MONTH_NAMES = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** Danish abbreviations as the style guides write them ("maj" and "juni" stay whole). */
export const MONTH_ABBREVIATIONS = [
  "jan.",
  "feb.",
  "mar.",
  "apr.",
  "maj",
  "jun.",
  "jul.",
  "aug.",
  "sep.",
  "okt.",
  "nov.",
  "dec.",
] as const;

/** The space before "%": a no-break space, so a percentage never wraps between number and sign. */
export const PERCENT_SPACE = "\u00a0";

/** "34,6 %" (with a no-break space). */
export function formatPercent(value: number): string {
  return `${ONE_DECIMAL.format(value)}${PERCENT_SPACE}%`;
}

/** A parameter such as a threshold: "80 %", "19,5 %" (with a no-break space). */
export function formatPercentParameter(value: number): string {
  return `${UP_TO_TWO.format(value)}${PERCENT_SPACE}%`;
}

/** A letter's percentage in STAR's style: "20 procent". */
export function formatPercentWord(value: number): string {
  return `${UP_TO_TWO.format(value)} procent`;
}

/** "1.234". */
export function formatCount(value: number): string {
  return INTEGER.format(value);
}

function parts(month: Month): { year: string; m: number } {
  return { year: month.slice(0, 4), m: Number(month.slice(5, 7)) - 1 };
}

/** "sep. 2022" */
export function formatMonthShort(month: Month): string {
  const { year, m } = parts(month);
  return `${MONTH_ABBREVIATIONS[m]} ${year}`;
}

/** "september 2022" */
export function formatMonthLong(month: Month): string {
  const { year, m } = parts(month);
  return `${MONTH_NAMES[m]} ${year}`;
}

/** "sep." — the month alone, for use inside a sentence that already names the year. */
export function formatMonthAbbreviation(month: Month): string {
  return MONTH_ABBREVIATIONS[parts(month).m]!;
}

/** "sep.–nov. 2022", or "nov. 2022–jan. 2023" across a year boundary. */
export function formatMonthSpan(months: readonly Month[]): string {
  if (!months.length) return "";
  const first = months[0]!;
  const last = months[months.length - 1]!;
  if (first === last) return formatMonthShort(first);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${formatMonthAbbreviation(first)}–${formatMonthShort(last)}`;
  return `${formatMonthShort(first)}–${formatMonthShort(last)}`;
}

/** "sep., okt. og nov. 2022" — a list of months, the year said once when they share it. */
export function formatMonthList(months: readonly Month[]): string {
  if (!months.length) return "";
  const sameYear = months.every((m) => m.slice(0, 4) === months[0]!.slice(0, 4));
  const names = months.map((m) => (sameYear ? formatMonthAbbreviation(m) : formatMonthShort(m)));
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}`;
  return sameYear ? `${list} ${months[0]!.slice(0, 4)}` : list;
}

/** "1. halvår 2025" */
export function formatHalfYear(year: number, half: 1 | 2): string {
  return `${half}. halvår ${year}`;
}

const NUMBER_WORDS = ["nul", "én", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"];

/** Small counts as words ("tre måneder"), larger ones as digits. */
export function formatCountWord(n: number): string {
  return NUMBER_WORDS[n] ?? formatCount(n);
}

/** "7. marts 2023" from "2023-03-07". */
export function formatDateLong(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${d}. ${MONTH_NAMES[m - 1]} ${y}`;
}

/** "marts–maj 2022", or "november 2022–januar 2023" across a year boundary (letters and explanations). */
export function formatMonthSpanLong(months: readonly Month[]): string {
  if (!months.length) return "";
  const first = months[0]!;
  const last = months[months.length - 1]!;
  if (first === last) return formatMonthLong(first);
  if (first.slice(0, 4) === last.slice(0, 4)) return `${MONTH_NAMES[parts(first).m]}–${formatMonthLong(last)}`;
  return `${formatMonthLong(first)}–${formatMonthLong(last)}`;
}

/** "september og november 2022" — a list of months written out, the year said once when they share it. */
export function formatMonthListLong(months: readonly Month[]): string {
  if (!months.length) return "";
  const sameYear = months.every((m) => m.slice(0, 4) === months[0]!.slice(0, 4));
  const names = months.map((m) => (sameYear ? MONTH_NAMES[parts(m).m]! : formatMonthLong(m)));
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} og ${names[names.length - 1]}`;
  return sameYear ? `${list} ${months[0]!.slice(0, 4)}` : list;
}
