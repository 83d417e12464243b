/**
 * The one packing of a cell's identity (municipality, benefit group, measure, month) into a
 * number, used to find duplicates within a file (long-csv.ts) and across inputs (read.ts).
 * Browser-safe.
 */
import { BENEFIT_GROUP_IDS, MEASURES, type BenefitGroupId, type Measure } from "../domain/types.ts";
import { MUNICIPALITIES } from "../domain/municipalities.ts";
import { monthIndex } from "../domain/month.ts";

/** Municipalities fit in 7 bits (98 < 128), benefit groups in 4 (< 16), measures in 1. */
const MUNICIPALITY_RADIX = 128;
const GROUP_RADIX = 16;
const MEASURE_RADIX = 2;

/**
 * ((month·2 + measure)·16 + group)·128 + municipality, from indexes into MEASURES,
 * BENEFIT_GROUP_IDS and MUNICIPALITIES and a month index (year·12 + month−1): < 2^29 for
 * 4-digit years, so it can be packed with a 24-bit row number into one exact double.
 */
export function packCellKey(monthIdx: number, measure: number, group: number, municipality: number): number {
  return ((monthIdx * MEASURE_RADIX + measure) * GROUP_RADIX + group) * MUNICIPALITY_RADIX + municipality;
}

const CODE_INDEX = new Map(MUNICIPALITIES.map((m, i) => [m.code, i]));
const GROUP_INDEX = new Map<string, number>(BENEFIT_GROUP_IDS.map((g, i) => [g, i]));
const MEASURE_INDEX = new Map<string, number>(MEASURES.map((m, i) => [m, i]));

/**
 * packCellKey of a Cell's fields, cheaper in a Map than a string key. Falls back to a string for
 * codes outside the list (not produced by the importers).
 */
export function numericCellKey(code: string, group: BenefitGroupId, measure: Measure, month: string): number | string {
  const c = CODE_INDEX.get(code);
  if (c === undefined) return `${code}|${group}|${measure}|${month}`;
  return packCellKey(monthIndex(month), MEASURE_INDEX.get(measure)!, GROUP_INDEX.get(group)!, c);
}

/** Index into MUNICIPALITIES of a 3-digit code written as a number (101 → 0), or -1. */
export const MUNICIPALITY_INDEX_BY_NUMBER: Int16Array = (() => {
  const a = new Int16Array(1000).fill(-1);
  MUNICIPALITIES.forEach((m, i) => {
    if (/^\d{3}$/.test(m.code)) a[Number(m.code)] = i;
  });
  return a;
})();

/**
 * Rows of one file are numbered in 24 bits so that a key and a row number pack into one exact
 * double (key · 2^24 + row < 2^53); a file may hold at most MAX_ROWS − 1 rows.
 */
export const MAX_ROWS = 2 ** 24;

/** A packed key with a row number, for sorting rows by cell (see findDuplicates in long-csv.ts). */
export function packKeyAndRow(key: number, row: number): number {
  return key * MAX_ROWS + row;
}
